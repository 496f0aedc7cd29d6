/**
 * A link opens outside only when it is http(s): `javascript:`, `data:`, `file:`, relative and anchor links are not
 * links at all (their text stays). The URL parser sees through tabs, newlines and case tricks (`JaVa\tscript:`).
 */
export function safeLinkUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Remote images: https only (fetched by the engine after consent, never by the page). */
export function safeImageUrl(raw: string): string | undefined {
  const url = safeLinkUrl(raw);
  return url?.startsWith('https:') ? url : undefined;
}
