import { describe, expect, it } from 'vitest';
import { isLoopbackHost, parseRegistryLocation } from './registry-url';

describe('registry locations', () => {
  it('uses plain HTTP for loopback without a scheme, HTTPS elsewhere', () => {
    expect(parseRegistryLocation('127.0.0.1:5000', false)).toEqual({ address: '127.0.0.1:5000', url: 'http://127.0.0.1:5000', plainHttp: true });
    expect(parseRegistryLocation('registry.example.com', false)).toEqual({ address: 'registry.example.com', url: 'https://registry.example.com', plainHttp: false });
    expect(parseRegistryLocation('https://localhost:5000/', false).plainHttp).toBe(false);
  });

  it('needs consent for plain HTTP to another machine', () => {
    expect(() => parseRegistryLocation('http://10.0.0.5:5000', false)).toThrow(/plain HTTP/);
    expect(parseRegistryLocation('http://10.0.0.5:5000', true).url).toBe('http://10.0.0.5:5000');
  });

  it('refuses paths, other schemes and odd hosts', () => {
    for (const bad of ['ftp://host', 'host/path', 'http://user:pw@host', 'ho st', '']) expect(() => parseRegistryLocation(bad, true)).toThrow();
  });

  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.8.9.1', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['128.0.0.1', 'example.com', '[::2]', 'localhost.example'].some(isLoopbackHost)).toBe(false);
  });
});
