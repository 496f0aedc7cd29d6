/** KEY=VALUE lines (driver options, labels) as a map; a line without a key is a problem, named by its number. */
export function parseKeyValues(text: string): { values: Record<string, string>; badLine?: number } {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const equals = line.indexOf('=');
    const key = (equals < 0 ? line : line.slice(0, equals)).trim();
    if (!key || /[\u0000-\u001f\u007f]/.test(line)) return { values, badLine: index + 1 };
    values[key] = equals < 0 ? '' : line.slice(equals + 1);
  }
  return { values };
}

