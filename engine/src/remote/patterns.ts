/** One ssh_config / known_hosts pattern: `*` any run, `?` one character, the rest literal (case-insensitive). */
function patternMatches(pattern: string, name: string): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** A list matches when one plain pattern matches and no negated (`!`) one does, as OpenSSH reads them. */
export function matchesPatternList(patterns: string[], name: string): boolean {
  let matched = false;
  for (const pattern of patterns) {
    if (!pattern) continue;
    if (pattern.startsWith('!')) {
      if (patternMatches(pattern.slice(1), name)) return false;
    } else if (patternMatches(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}
