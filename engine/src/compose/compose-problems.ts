import type { ComposeProblem } from '../../contract/compose';

const TOP_LEVEL = '(?:services|volumes|networks|secrets|configs)';

/**
 * The line of a key path (`services.web.ports`) in a compose file's text, found by indentation: each key is looked
 * for inside the block of the one before. Undefined when the file does not spell it plainly (anchors, flow style).
 */
export function locateKey(source: string, keys: readonly string[]): number | undefined {
  const lines = source.split(/\r?\n/);
  let from = 0;
  let parentIndent = -1;
  let found: number | undefined;
  for (const key of keys) {
    found = undefined;
    const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`^(\\s*)(?:-\\s+)?(?:${escaped}|'${escaped}'|"${escaped}")\\s*:(\\s|$)`);
    let childIndent: number | undefined;
    for (let index = from; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      if (indent <= parentIndent) break;
      childIndent ??= indent;
      const match = pattern.exec(line);
      if (match && indent === childIndent) {
        found = index + 1;
        from = index + 1;
        parentIndent = indent;
        break;
      }
    }
    if (found === undefined) return undefined;
  }
  return found;
}

/** The key path a line of the CLI's schema message names, with the offending key when it says one. */
function pathOf(line: string): string[] | undefined {
  // v1: "Unsupported config option for services.web: 'imagee'"; v2: "services.web additional properties 'imagee' not allowed"
  const named = new RegExp(`(${TOP_LEVEL}(?:\\.[\\w.-]+)?)(?::| additional propert(?:y|ies)) '([^']+)'`).exec(line);
  if (named) return [...named[1]!.split('.'), named[2]!];
  const plain = new RegExp(`\\b(${TOP_LEVEL}(?:\\.[\\w-]+)+)`).exec(line);
  return plain ? plain[1]!.split('.') : undefined;
}

/**
 * The problems in the CLI's answer, each with a line when it can be told: a YAML error names its line itself (v1:
 * `in "./compose.yaml", line 4, column 4`; v2: `yaml: line 4: …`), a schema error names a key path, looked up in the
 * file's text.
 */
export function readProblems(output: string, file: string | undefined, source: string | undefined): ComposeProblem[] {
  const textOut = output.replace(/^ERROR: /gm, '').trim();
  if (!textOut) return [];
  const withFile = (problem: ComposeProblem): ComposeProblem => (file ? { file, ...problem } : problem);
  const v1Places = [...textOut.matchAll(/in "[^"]*", line (\d+), column (\d+)/g)];
  if (v1Places.length > 0) {
    const last = v1Places[v1Places.length - 1]!;
    return [withFile({ line: Number(last[1]), column: Number(last[2]), message: textOut })];
  }
  const v2Place = /yaml: line (\d+)(?:, column (\d+))?: (.*)/.exec(textOut);
  if (v2Place) return [withFile({ line: Number(v2Place[1]), ...(v2Place[2] ? { column: Number(v2Place[2]) } : {}), message: v2Place[3]! })];
  const lines = textOut.split('\n').map((line) => line.trim()).filter(Boolean);
  const located = lines.flatMap((line) => {
    const keys = pathOf(line);
    if (!keys) return [];
    const at = source ? locateKey(source, keys) : undefined;
    return [withFile({ ...(at ? { line: at } : {}), message: line })];
  });
  return located.length > 0 ? located : [withFile({ message: textOut })];
}
