import { describe, expect, it } from 'vitest';
import { parseListing } from './list-by-exec';

describe('parseListing', () => {
  it('pairs NUL-separated names with their stat lines, even a name holding a newline', () => {
    const output = ['etc', 'a\nb', 'link', ''].join('\0') + '\0' + '41ed 4096 1700000000\n81a4 12 1700000001\na1ff 3 1700000002\n' + '\0' + 'link\0/etc\0';
    expect(parseListing(output)).toEqual([
      { name: 'etc', type: 'directory', size: 0, mode: 0o755, modified: 1_700_000_000_000 },
      { name: 'a\nb', type: 'file', size: 12, mode: 0o644, modified: 1_700_000_001_000 },
      { name: 'link', type: 'symlink', size: 0, mode: 0o777, modified: 1_700_000_002_000, linkTarget: '/etc' },
    ]);
  });

  it('reads an empty folder as empty and refuses output it does not understand', () => {
    expect(parseListing('')).toEqual([]);
    expect(parseListing('a\0b\0\0' + '81a4 1 1\n\0')).toBeUndefined(); // a stat line missing
    expect(parseListing('a\0\0' + 'stat: not found\n\0')).toBeUndefined();
    expect(parseListing('no separators')).toBeUndefined();
  });
});
