import { createHash, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'minato_token';

/** Constant-time token comparison; hashing first makes the lengths equal so nothing leaks through timing. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) {
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

function formatHost(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The Host values this server answers to: its bound address and the loopback names, with its port. */
export function allowedHosts(boundHost: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '::1', boundHost]);
  return new Set([...names].map((name) => formatHost(name, port).toLowerCase()));
}

/** DNS-rebinding defence: a page on evil.example that resolves to 127.0.0.1 still sends `Host: evil.example`. */
export function isAllowedHost(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}

/** A WebSocket may only be opened by a page this server served. */
export function isAllowedOrigin(header: string | undefined, allowed: Set<string>): boolean {
  if (!header) return false;
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return false;
  }
  return origin.protocol === 'http:' && allowed.has(origin.host.toLowerCase());
}

export function contentSecurityPolicy(wsOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${wsOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}
