import { describe, expect, it } from 'vitest';
import { MIN_TOKEN_BITS, serveToken, tokenBits } from './serve-token';

describe('serveToken', () => {
  it('makes a fresh token of at least 128 random bits', () => {
    const token = serveToken({});
    // base64url carries 6 bits a character.
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length * 6).toBeGreaterThanOrEqual(128);
    const many = new Set(Array.from({ length: 100 }, () => serveToken({})));
    expect(many.size).toBe(100);
  });

  it('honours a MINATO_TOKEN of 128 bits or more, and ignores it when empty', () => {
    const hex = '0123456789abcdef0123456789abcdef';
    expect(serveToken({ MINATO_TOKEN: hex })).toBe(hex);
    const base64url = 'Zm9vYmFyLWJhei1xdXV4LTEy';
    expect(serveToken({ MINATO_TOKEN: base64url })).toBe(base64url);
    expect(serveToken({ MINATO_TOKEN: '' })).toHaveLength(32);
  });

  it('refuses a shorter MINATO_TOKEN at start, saying how to make a good one', () => {
    expect(() => serveToken({ MINATO_TOKEN: 'my-stable-token' })).toThrow(/MINATO_TOKEN is too short: .*at least 128.*openssl rand -hex 16/);
    // 31 hex characters: 124 bits.
    expect(() => serveToken({ MINATO_TOKEN: '0123456789abcdef0123456789abcde' })).toThrow(/at most 124 bits/);
  });

  it('counts bits by the alphabet the token is written in', () => {
    expect(tokenBits('ab'.repeat(16))).toBe(128);
    expect(tokenBits('Z'.repeat(22))).toBe(132);
    expect(tokenBits('港'.repeat(10))).toBeLessThan(MIN_TOKEN_BITS);
  });
});
