import { createHash, timingSafeEqual } from 'node:crypto';
import type { HostCheck } from './allowed-hosts';

/** Constant-time token comparison; hashing first makes the lengths equal so nothing leaks through timing. */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false;
  const a = createHash('sha256').update(candidate).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/**
 * Every value of the cookies named `name`, in header order. A browser sends several of one name when they differ in
 * Path or Domain, and another page on this host can set one with a longer Path that comes first: the caller must
 * weigh them all, not the first.
 */
export function readCookies(header: string | undefined, name: string): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1 || part.slice(0, separator).trim() !== name) continue;
    try {
      values.push(decodeURIComponent(part.slice(separator + 1).trim()));
    } catch {
      // A malformed value is no credential; the others still count.
    }
  }
  return values;
}

/** Host header check (see allowed-hosts.ts for which names pass). */
export function isAllowedHost(header: string | undefined, allowed: HostCheck): boolean {
  return header !== undefined && allowed(header);
}

/** A WebSocket may only be opened by a page this server served. */
export function isAllowedOrigin(header: string | undefined, allowed: HostCheck): boolean {
  if (!header) return false;
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return false;
  }
  return origin.protocol === 'http:' && allowed(origin.host);
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
