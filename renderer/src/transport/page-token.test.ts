import { describe, expect, it } from 'vitest';
import { encodeToken, takePageToken, tokenFromPaste, tokenProtocols } from './page-token';

function page(href: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    location: { href },
    history: { state: { kept: true }, replaceState: (_state: unknown, _unused: string, url: string) => replaced.push(url) },
    sessionStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    storage,
    replaced,
  };
}

describe('page token', () => {
  it('moves the token from the address into this tab and cleans the address, keeping the rest', () => {
    const tab = page('http://127.0.0.1:4000/?token=abc&x=1#images');
    expect(takePageToken(tab)).toBe('abc');
    expect(tab.storage.get('minato.token')).toBe('abc');
    expect(tab.replaced).toEqual(['/?x=1#images']);
  });

  it('keeps the tab token across reloads and leaves a clean address alone', () => {
    const tab = page('http://127.0.0.1:4000/#containers', { 'minato.token': 'abc' });
    expect(takePageToken(tab)).toBe('abc');
    expect(tab.replaced).toEqual([]);
    expect(takePageToken(page('http://127.0.0.1:4000/'))).toBeUndefined();
  });

  it('reads a pasted address or a bare token', () => {
    expect(tokenFromPaste(' http://127.0.0.1:4000/?token=abc \n')).toBe('abc');
    expect(tokenFromPaste('abc')).toBe('abc');
    expect(tokenFromPaste('http://127.0.0.1:4000/')).toBeUndefined();
    expect(tokenFromPaste('   ')).toBeUndefined();
  });

  it('encodes the token as hex for the handshake, as the server decodes it', () => {
    expect(encodeToken('abc')).toBe('616263');
    expect(encodeToken('é')).toBe('c3a9');
    expect(tokenProtocols('abc')).toEqual(['minato', 'minato.token.616263']);
  });
});
