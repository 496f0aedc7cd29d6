import { describe, expect, it } from 'vitest';
import { compileSearch } from './log-search';

describe('compileSearch', () => {
  it('finds plain text literally and case-insensitively', () => {
    const search = compileSearch('a.b', false);
    if (!search || 'error' in search) throw new Error('expected a search');
    expect(search.test('xA.Bx')).toBe(true);
    expect(search.test('axb')).toBe(false);
    expect(search.ranges('a.b and A.B')).toEqual([[0, 3], [8, 11]]);
  });

  it('supports regular expressions and reports bad ones', () => {
    const search = compileSearch('err(or)?\\s\\d+', true);
    if (!search || 'error' in search) throw new Error('expected a search');
    expect(search.test('ERROR 42')).toBe(true);
    expect(compileSearch('(', true)).toEqual({ error: expect.any(String) });
    expect(compileSearch('', true)).toBeUndefined();
  });
});
