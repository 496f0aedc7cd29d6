import { createHmac } from 'node:crypto';
import { readCookies, tokenMatches } from './guards';

/**
 * Two credentials, on purpose of unequal power.
 *
 * The engine (/ws, root on the host through the Docker socket) opens only for the token the page itself presents in
 * the WebSocket handshake, as a subprotocol. The page keeps it in sessionStorage, so it never travels on its own.
 *
 * The static UI is gated by a cookie so the page's own assets still load once the token has left the address bar.
 * Cookies ignore the port: the browser also sends this one to every other server on the same host (a container's
 * published port on 127.0.0.1, say). So the cookie is not the token but a one-way derivation of it that opens the
 * static files only: a leaked cookie reveals Minato's public UI code and nothing that drives the engine. It is named
 * per port so that two `npm run serve` on one host do not overwrite each other's.
 */

/** The subprotocol the server answers with; it never echoes the token-bearing one. */
export const SOCKET_PROTOCOL = 'minato';
const TOKEN_PROTOCOL_PREFIX = 'minato.token.';
const STATIC_COOKIE_PURPOSE = 'minato static files';

export function staticCookieName(port: number): string {
  return `minato_token_${port}`;
}

export function staticCookieValue(token: string): string {
  return createHmac('sha256', token).update(STATIC_COOKIE_PURPOSE).digest('base64url');
}

/** Any cookie of the port's name may be ours: a page elsewhere on this host can toss in one that the browser sends first. */
export function staticCookieMatches(cookieHeader: string | undefined, port: number, token: string): boolean {
  const expected = staticCookieValue(token);
  return readCookies(cookieHeader, staticCookieName(port)).some((value) => tokenMatches(value, expected));
}

/**
 * The token as it travels in a header: hex of its UTF-8, so a MINATO_TOKEN with any characters still fits the
 * subprotocol grammar (and the ISO-8859-1 that fetch allows in headers).
 */
export function encodeToken(token: string): string {
  return Buffer.from(token, 'utf8').toString('hex');
}

export function decodeToken(encoded: string): string | undefined {
  if (!/^(?:[0-9a-f]{2})+$/.test(encoded)) return undefined;
  return Buffer.from(encoded, 'hex').toString('utf8');
}

/** What a client offers in Sec-WebSocket-Protocol: `minato, minato.token.<hex>`. */
export function tokenProtocols(token: string): string[] {
  return [SOCKET_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${encodeToken(token)}`];
}

function offeredProtocols(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter(Boolean);
}

/** The token a WebSocket handshake presents, if it also asks for the plain `minato` protocol the server answers with. */
export function handshakeToken(protocolHeader: string | undefined): string | undefined {
  const offered = offeredProtocols(protocolHeader);
  if (!offered.includes(SOCKET_PROTOCOL)) return undefined;
  const carrier = offered.find((protocol) => protocol.startsWith(TOKEN_PROTOCOL_PREFIX));
  return carrier === undefined ? undefined : decodeToken(carrier.slice(TOKEN_PROTOCOL_PREFIX.length));
}

/** The token in `Authorization: Bearer <hex>`: how the page asks over plain HTTP whether its token is still good. */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = /^Bearer ([0-9a-f]+)$/.exec(authorization ?? '');
  return match ? decodeToken(match[1]!) : undefined;
}
