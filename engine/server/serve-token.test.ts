import { describe, expect, it } from 'vitest';
import { serveToken } from './serve-token';

describe('serveToken', () => {
  it('makes a fresh token of at least 128 random bits', () => {
    const token = serveToken({});
    // base64url carries 6 bits a character.
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length * 6).toBeGreaterThanOrEqual(128);
    const many = new Set(Array.from({ length: 100 }, () => serveToken({})));
    expect(many.size).toBe(100);
  });

  it('honours MINATO_TOKEN, and ignores it when empty', () => {
    expect(serveToken({ MINATO_TOKEN: 'my-stable-token' })).toBe('my-stable-token');
    expect(serveToken({ MINATO_TOKEN: '' })).toHaveLength(32);
  });
});
