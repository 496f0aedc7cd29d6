/**
 * The next page of `/v2/_catalog` or `/tags/list`, from `Link: </v2/_catalog?last=x&n=100>; rel="next"`: its `last`
 * parameter becomes the cursor, so a client never hands the registry a URL of its own making.
 */
export function nextCursor(link: string | null): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (!match?.[1] || !/\brel\s*=\s*"?next"?/i.test(match[2] ?? '')) continue;
    const last = new URL(match[1], 'http://registry.invalid').searchParams.get('last');
    return last && last.length > 0 ? last : undefined;
  }
  return undefined;
}
