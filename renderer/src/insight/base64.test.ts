import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('base64', () => {
  it('round-trips binary data larger than one piece', () => {
    const bytes = new Uint8Array(100_000).map((_, index) => (index * 31) % 256);
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(bytesToBase64(new Uint8Array([1, 2, 3, 250]))).toBe('AQID+g==');
    expect(base64ToBytes(text)).toEqual(bytes);
  });
});
