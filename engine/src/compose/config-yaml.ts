/**
 * A reader for the YAML that Compose v1's `config` prints (PyYAML's block style: block mappings and sequences,
 * plain, single- and double-quoted scalars folded over lines, `{}` and `[]`). It reads the CLI's own output, never the
 * person's file: the file is checked by the CLI itself. Anything else (anchors, flow collections with items) is refused.
 */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };

export class YamlShapeError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
  }
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isBlank = (line: string) => line.trim() === '';

class Reader {
  index = 0;
  constructor(readonly lines: string[]) {}

  /** The next line that is not blank, without taking it. */
  peek(): { line: string; indent: number } | undefined {
    while (this.index < this.lines.length && isBlank(this.lines[this.index]!)) this.index++;
    const line = this.lines[this.index];
    return line === undefined ? undefined : { line, indent: indentOf(line) };
  }

  fail(message: string): never {
    throw new YamlShapeError(message, this.index + 1);
  }

  /** A node whose lines are indented `indent` (a sequence may also sit at its parent key's indent). */
  node(indent: number): YamlValue {
    const next = this.peek();
    if (!next || next.indent < indent) return null;
    return isItem(next.line.trimStart()) ? this.sequence(next.indent) : this.mapping(next.indent);
  }

  mapping(indent: number): YamlValue {
    const result: Record<string, YamlValue> = {};
    for (let next = this.peek(); next && next.indent === indent && !isItem(next.line.trimStart()); next = this.peek()) {
      const { key, rest } = splitKey(next.line.trimStart()) ?? this.fail('Expected "key:"');
      this.index++;
      if (rest === '') {
        const child = this.peek();
        result[key] = child && (child.indent > indent || (child.indent === indent && isItem(child.line.trimStart()))) ? this.node(child.indent) : null;
      } else result[key] = this.scalar(rest, indent);
    }
    return result;
  }

  sequence(indent: number): YamlValue[] {
    const result: YamlValue[] = [];
    for (let next = this.peek(); next && next.indent === indent && isItem(next.line.trimStart()); next = this.peek()) {
      const content = next.line.trimStart().slice(1).trimStart();
      if (content === '') {
        this.index++;
        result.push(this.node(indent + 1));
      } else if (isItem(content) || (splitKey(content) && !/^['"]/.test(content))) {
        // "- key: value" starts a mapping two columns in: read it as if the dash were a space.
        this.lines[this.index] = ' '.repeat(indent + 2) + content;
        result.push(this.node(indent + 2));
      } else {
        this.index++;
        result.push(this.scalar(content, indent));
      }
    }
    return result;
  }

  /** A scalar starting with `first`, folded over the lines below indented more than `parent`. */
  scalar(first: string, parent: number): YamlValue {
    const more: string[] = [];
    const quote = first[0] === "'" || first[0] === '"' ? first[0] : undefined;
    if (quote) {
      let text = first;
      while (!closesQuote(text, quote)) {
        const line = this.lines[this.index];
        if (line === undefined) this.fail('A quoted value is not closed');
        this.index++;
        more.push(line.trim());
        text = `${first}\n${more.join('\n')}`;
      }
      return quote === "'" ? fold([first.slice(1), ...more]).slice(0, -1).replaceAll("''", "'") : unescapeDouble([first.slice(1), ...more]);
    }
    if (first === '|' || first === '|-' || first === '>' || first === '>-') return this.block(first, parent);
    if (first === '{}') return {};
    if (first === '[]') return [];
    if (/^[[{&*!]/.test(first)) this.fail('Unsupported YAML');
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (!isBlank(line) && indentOf(line) <= parent) break;
      if (isBlank(line) && !this.continuesAfterBlank(parent)) break;
      more.push(line.trim());
      this.index++;
    }
    return typed(fold([first, ...more]));
  }

  private continuesAfterBlank(parent: number): boolean {
    for (let at = this.index; at < this.lines.length; at++) if (!isBlank(this.lines[at]!)) return indentOf(this.lines[at]!) > parent;
    return false;
  }

  private block(header: string, parent: number): string {
    const lines: string[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (!isBlank(line) && indentOf(line) <= parent) break;
      lines.push(line);
      this.index++;
    }
    while (lines.length > 0 && isBlank(lines[lines.length - 1]!)) lines.pop();
    const cut = Math.min(...lines.filter((line) => !isBlank(line)).map(indentOf));
    const body = lines.map((line) => line.slice(cut));
    const text = header.startsWith('>') ? fold(body) : body.join('\n');
    return header.endsWith('-') ? text : `${text}\n`;
  }
}

const isItem = (content: string) => content === '-' || content.startsWith('- ');

/** `key: rest` or `key:`, the key plain or quoted. */
function splitKey(content: string): { key: string; rest: string } | undefined {
  const quoted = /^('(?:[^']|'')*'|"(?:[^"\\]|\\.)*"):(?: (.*)|$)/.exec(content);
  if (quoted) {
    const raw = quoted[1]!;
    const key = raw.startsWith("'") ? raw.slice(1, -1).replaceAll("''", "'") : unescapeDouble([raw.slice(1)]);
    return { key, rest: (quoted[2] ?? '').trim() };
  }
  if (/^['"]/.test(content)) return undefined;
  const plain = /^(.*?):(?: (.*)|$)/.exec(content);
  if (!plain || plain[1] === '') return undefined;
  return { key: plain[1]!, rest: (plain[2] ?? '').trim() };
}

/** Whether a quoted scalar's text (opening quote included) has its closing quote. */
function closesQuote(text: string, quote: string): boolean {
  const body = text.slice(1);
  if (quote === "'") return /'$/.test(body.replaceAll("''", ''));
  return /(^|[^\\])(\\\\)*"$/.test(body);
}

/** YAML's line folding: one line break is a space, each blank line a newline. */
function fold(lines: string[]): string {
  let text = '';
  let pendingBreaks = 0;
  lines.forEach((line, index) => {
    if (line === '' && index > 0) {
      pendingBreaks++;
      return;
    }
    if (index > 0) text += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
    pendingBreaks = 0;
    text += line;
  });
  return text;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', e: '\u001b', a: '\u0007', b: '\b', N: '\u0085', _: '\u00a0' };

/** A double-quoted scalar's lines (its opening quote taken off): folded, escapes read, the closing quote dropped. */
function unescapeDouble(lines: string[]): string {
  let text = '';
  lines.forEach((line, index) => {
    if (index > 0) text += text.endsWith('\\') ? '\u0000' : line === '' ? '\n' : ' ';
    text += line;
  });
  // An escaped line break joins its lines without a space; the marker is taken away with it.
  text = text.replaceAll('\\\u0000', '').replace(/"$/, '');
  return text.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_match, code: string) => {
    if (code.length > 1) return String.fromCodePoint(parseInt(code.slice(1), 16));
    return ESCAPES[code] ?? code;
  });
}

function typed(plain: string): YamlValue {
  if (plain === 'null' || plain === '~') return null;
  if (plain === 'true') return true;
  if (plain === 'false') return false;
  if (/^-?\d+$/.test(plain)) return Number(plain);
  if (/^-?\d+\.\d+(e[-+]?\d+)?$/.test(plain)) return Number(plain);
  return plain;
}

/** Reads the CLI's YAML output; throws a YamlShapeError on anything it was not written for. */
export function readConfigYaml(text: string): YamlValue {
  const reader = new Reader(text.replace(/\r\n/g, '\n').split('\n'));
  const value = reader.node(0);
  if (reader.peek()) reader.fail('Unexpected text');
  return value;
}
