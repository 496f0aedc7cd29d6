/** One `WWW-Authenticate` challenge: its scheme (lowercased) and parameters. */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Reads `Bearer realm="https://auth/token",service="registry",scope="repository:a:pull repository:b:pull"` (RFC 7235:
 * quoted strings may hold commas and escaped quotes). Only the first challenge is read: registries send one.
 */
export function parseChallenge(header: string | null): Challenge | undefined {
  if (!header) return undefined;
  const match = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s*(.*)$/s.exec(header);
  if (!match?.[1]) return undefined;
  const params: Record<string, string> = {};
  const pair = /\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))\s*,?/gy;
  const rest = match[2] ?? '';
  for (let found = pair.exec(rest); found; found = pair.exec(rest)) {
    const name = found[1]?.toLowerCase();
    if (name) params[name] = found[2] !== undefined ? found[2].replace(/\\(.)/g, '$1') : (found[3] ?? '');
    if (pair.lastIndex >= rest.length) break;
  }
  return { scheme: match[1].toLowerCase(), params };
}

/** A challenge's scopes: one space-separated list, each sent to the token endpoint as a `scope=` of its own. */
export function scopesOf(challenge: Challenge): string[] {
  return (challenge.params.scope ?? '').split(' ').filter((scope) => scope.length > 0);
}

/** The token endpoint's URL for a Bearer challenge, with `service` and every scope. */
export function tokenUrl(challenge: Challenge, scopes: readonly string[]): URL {
  const realm = challenge.params.realm;
  if (!realm) throw new Error('The registry asked for a token but named no realm.');
  const url = new URL(realm);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('The token realm is not an http(s) URL.');
  if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  return url;
}
