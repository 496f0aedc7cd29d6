/** A compiled search: plain text (case-insensitive) or a regular expression; invalid patterns say why. */
export type LogSearch = { test(text: string): boolean; ranges(text: string): Array<[number, number]> } | { error: string } | undefined;

export function compileSearch(query: string, regex: boolean): LogSearch {
  if (!query) return undefined;
  let pattern: RegExp;
  try {
    pattern = regex ? new RegExp(query, 'gi') : new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  } catch (error) {
    return { error: (error as Error).message };
  }
  return {
    test(text) {
      pattern.lastIndex = 0;
      return pattern.test(text);
    },
    ranges(text) {
      const found: Array<[number, number]> = [];
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) {
        if (match[0].length === 0) break;
        found.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
        if (found.length > 200) break;
      }
      return found;
    },
  };
}
