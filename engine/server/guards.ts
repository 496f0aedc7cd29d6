import { createHash, timingSafeEqual } from 'node:crypto';
import type { HostCheck } from './allowed-hosts';

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
