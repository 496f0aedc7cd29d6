import { describe, expect, it } from 'vitest';
import { isWebLink, sanitizeTitle } from './sanitize-title';

describe('terminal hygiene', () => {
  it('strips control and direction-override characters from titles', () => {
    expect(sanitizeTitle('root@box:\x07 ~\x1b[31m')).toBe('root@box: ~[31m');
    expect(sanitizeTitle('safe\u202eexe.txt')).toBe('safeexe.txt');
    expect(sanitizeTitle('x'.repeat(500))).toHaveLength(80);
  });

  it('opens only web links', () => {
    expect(isWebLink('https://example.com/a')).toBe(true);
    expect(isWebLink('http://localhost:8080')).toBe(true);
    expect(isWebLink('file:///etc/passwd')).toBe(false);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('not a url')).toBe(false);
  });
});
