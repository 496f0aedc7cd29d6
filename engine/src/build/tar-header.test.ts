import { describe, expect, it } from 'vitest';
import { encodeHeader } from './tar-header';

const text = (block: Buffer, from: number, length: number) => block.subarray(from, from + length).toString('latin1').replace(/\0.*$/s, '');

describe('tar headers', () => {
  it('writes ustar as Go does: octal fields, owner 0:0, a checksum over the block', () => {
    const block = encodeHeader({ name: 'src/app.ts', type: 'file', mode: 0o100644, mtime: 1_700_000_000, size: 1234 });
    expect(block.length).toBe(512);
    expect(text(block, 0, 100)).toBe('src/app.ts');
    expect(text(block, 100, 8)).toBe('0000644');
    expect(text(block, 108, 8)).toBe('0000000');
    expect(parseInt(text(block, 124, 12), 8)).toBe(1234);
    expect(parseInt(text(block, 136, 12), 8)).toBe(1_700_000_000);
    expect(text(block, 257, 6)).toBe('ustar');
    const stored = parseInt(text(block, 148, 7), 8);
    const copy = Buffer.from(block);
    copy.fill(0x20, 148, 156);
    expect(stored).toBe(copy.reduce((sum, byte) => sum + byte, 0));
  });

  it('ends folder names with a slash and puts long names in a PAX record', () => {
    expect(text(encodeHeader({ name: 'docs', type: 'directory', mode: 0o755, mtime: 0 }), 0, 100)).toBe('docs/');
    const name = `${'deep/'.repeat(30)}file.txt`;
    const blocks = encodeHeader({ name, type: 'file', mode: 0o644, mtime: 0, size: 1 });
    expect(blocks.length).toBe(512 * 3);
    expect(blocks.toString('latin1', 156, 157)).toBe('x');
    const record = blocks.subarray(512, 1024).toString('utf8').replace(/\0+$/, '');
    expect(record).toBe(`${Buffer.byteLength(record)} path=${name}\n`);
  });
});
