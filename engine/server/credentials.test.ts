import { describe, expect, it } from 'vitest';
import { bearerToken, decodeToken, encodeToken, handshakeToken, staticCookieMatches, staticCookieName, staticCookieValue, tokenProtocols } from './credentials';

describe('credentials', () => {
  it('carries the token in the handshake as hex, beside the plain protocol', () => {
    const protocols = tokenProtocols('abc');
    expect(protocols).toEqual(['minato', 'minato.token.616263']);
    expect(handshakeToken(protocols.join(', '))).toBe('abc');
    expect(handshakeToken('minato.token.616263')).toBeUndefined();
    expect(handshakeToken('minato')).toBeUndefined();
    expect(handshakeToken('minato, minato.token.6g')).toBeUndefined();
    expect(handshakeToken(undefined)).toBeUndefined();
  });

  it('round-trips any token through hex', () => {
    for (const token of ['a', 'pass word/é=', 'x'.repeat(200)]) expect(decodeToken(encodeToken(token))).toBe(token);
    expect(decodeToken('')).toBeUndefined();
    expect(decodeToken('abc')).toBeUndefined();
    expect(decodeToken('ABCD')).toBeUndefined();
  });

  it('reads a bearer token', () => {
    expect(bearerToken(`Bearer ${encodeToken('abc')}`)).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('names the static cookie per port and derives its value one way from the token', () => {
    const value = staticCookieValue('secret-token');
    expect(value).not.toContain('secret-token');
    expect(value).toBe(staticCookieValue('secret-token'));
    expect(value).not.toBe(staticCookieValue('other-token'));
    expect(staticCookieMatches(`a=1; ${staticCookieName(4000)}=${value}`, 4000, 'secret-token')).toBe(true);
    expect(staticCookieMatches(`${staticCookieName(4001)}=${value}`, 4000, 'secret-token')).toBe(false);
    expect(staticCookieMatches(`${staticCookieName(4000)}=secret-token`, 4000, 'secret-token')).toBe(false);
  });

  it('accepts the request when any of several cookies of its name matches (cookie tossing)', () => {
    const name = staticCookieName(4000);
    const value = staticCookieValue('secret-token');
    // Another page on this host set one with a longer Path: the browser sends it first.
    expect(staticCookieMatches(`${name}=tossed; ${name}=${value}`, 4000, 'secret-token')).toBe(true);
    expect(staticCookieMatches(`${name}=${value}; ${name}=tossed`, 4000, 'secret-token')).toBe(true);
    expect(staticCookieMatches(`${name}=tossed; ${name}=also-wrong`, 4000, 'secret-token')).toBe(false);
  });
});
