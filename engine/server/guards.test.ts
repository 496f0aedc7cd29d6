import { describe, expect, it } from 'vitest';
import { allowedHosts } from './allowed-hosts';
import { isAllowedHost, isAllowedOrigin, readCookies, tokenMatches } from './guards';
import { parseServeArguments } from './serve-arguments';
import { resolveInside } from './static-files';

describe('guards', () => {
  it('compares tokens exactly', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('abcd', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
  });

  it('reads every cookie of a name among many, skipping malformed values', () => {
    expect(readCookies('a=1; minato_token=x%2By; b=2', 'minato_token')).toEqual(['x+y']);
    expect(readCookies('a=1', 'minato_token')).toEqual([]);
    expect(readCookies('minato_token=%E0%A4%A', 'minato_token')).toEqual([]);
    expect(readCookies('minato_token=first; a=1; minato_token=%E0%A4%A; minato_token=second', 'minato_token')).toEqual(['first', 'second']);
  });

  it('accepts only loopback names and the bound address, with the right port', () => {
    const hosts = allowedHosts('127.0.0.1', 5173);
    expect(isAllowedHost('127.0.0.1:5173', hosts)).toBe(true);
    expect(isAllowedHost('localhost:5173', hosts)).toBe(true);
    expect(isAllowedHost('[::1]:5173', hosts)).toBe(true);
    expect(isAllowedHost('LOCALHOST:5173', hosts)).toBe(true);
    expect(isAllowedHost('evil.example:5173', hosts)).toBe(false);
    expect(isAllowedHost('127.0.0.1:80', hosts)).toBe(false);
    expect(isAllowedHost(undefined, hosts)).toBe(false);
    expect(isAllowedHost('192.168.1.5:5173', allowedHosts('192.168.1.5', 5173))).toBe(true);
  });

  it('accepts only origins of pages this server served', () => {
    const hosts = allowedHosts('127.0.0.1', 5173);
    expect(isAllowedOrigin('http://127.0.0.1:5173', hosts)).toBe(true);
    expect(isAllowedOrigin('http://localhost:5173', hosts)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', hosts)).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:5174', hosts)).toBe(false);
    expect(isAllowedOrigin('null', hosts)).toBe(false);
    expect(isAllowedOrigin(undefined, hosts)).toBe(false);
  });

  it('accepts the origin of a page opened by a LAN address when serving on every address', () => {
    const lan = allowedHosts('0.0.0.0', 5173, { addresses: () => [{ address: '192.168.1.5', internal: false }], hostname: () => 'box' });
    expect(isAllowedOrigin('http://192.168.1.5:5173', lan)).toBe(true);
    expect(isAllowedOrigin('http://box.local:5173', lan)).toBe(true);
    expect(isAllowedOrigin('http://evil.example:5173', lan)).toBe(false);
  });
});

describe('resolveInside', () => {
  it('keeps paths inside the static folder', () => {
    expect(resolveInside('/srv/ui', '/assets/app.js')).toBe('/srv/ui/assets/app.js');
    expect(resolveInside('/srv/ui', '/../../etc/passwd')).toBe('/srv/ui/etc/passwd');
    expect(resolveInside('/srv/ui', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/ui/etc/passwd');
    expect(resolveInside('/srv/ui', '/a%00b')).toBeUndefined();
    expect(resolveInside('/srv/ui', '/%E0%A4%A')).toBeUndefined();
  });
});

describe('parseServeArguments', () => {
  it('reads flags and the environment', () => {
    expect(parseServeArguments([], {})).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseServeArguments(['--port', '8080'], {})).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(parseServeArguments(['--port=9000', '--host', '0.0.0.0'], {})).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(parseServeArguments([], { MINATO_PORT: '7000' })).toEqual({ host: '127.0.0.1', port: 7000 });
  });

  it('says what is wrong', () => {
    expect(parseServeArguments(['--port', 'eighty'], {})).toEqual({ error: expect.stringMatching(/not a port/) });
    expect(parseServeArguments(['--verbose'], {})).toEqual({ error: expect.stringMatching(/Unknown option/) });
  });
});
