import { RunSpec, type RunSpecInput } from '../../../engine/contract';

/** Schema problems keyed by field path ("ports.0.hostPort"), so each message sits next to what was typed. */
export function fieldErrors(draft: RunSpecInput): Map<string, string> {
  const result = RunSpec.safeParse(draft);
  const errors = new Map<string, string>();
  if (result.success) return errors;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!errors.has(path)) errors.set(path, issue.message);
  }
  return errors;
}

/** Splits a pasted .env block into key/value rows; lines that are not KEY=VALUE come back as problems. */
export function parseEnvBlock(text: string): { pairs: Array<{ key: string; value: string }>; problems: string[] } {
  const pairs: Array<{ key: string; value: string }> = [];
  const problems: string[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const body = line.startsWith('export ') ? line.slice(7) : line;
    const separator = body.indexOf('=');
    const key = separator > 0 ? body.slice(0, separator).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key)) {
      problems.push(`Line ${index + 1}: "${line}" is not KEY=value.`);
      continue;
    }
    let value = body.slice(separator + 1).trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
    pairs.push({ key, value });
  }
  return { pairs, problems };
}
