/**
 * Tar headers as Go's archive/tar writes them for `docker build`: ustar, with a PAX extended header in front when a
 * name or link target does not fit its field or a size does not fit 11 octal digits. Owner 0:0 and times truncated
 * to the second, as the CLI sends every entry.
 */

export type EntryType = 'file' | 'link' | 'symlink' | 'character-device' | 'block-device' | 'directory' | 'fifo';

export interface TarHeader {
  name: string;
  type: EntryType;
  mode: number;
  /** Seconds since the epoch. */
  mtime: number;
  size?: number;
  linkname?: string;
  devmajor?: number;
  devminor?: number;
}

const BLOCK = 512;
const TYPE_FLAGS: Record<EntryType, string> = {
  file: '0',
  link: '1',
  symlink: '2',
  'character-device': '3',
  'block-device': '4',
  directory: '5',
  fifo: '6',
};
const MAX_OCTAL_SIZE = 8 ** 11 - 1;

/** The zeros that pad content to a whole block. */
export function padding(size: number): Buffer {
  const rest = size % BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : BLOCK - rest);
}

/** Two empty blocks end the archive. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

function octal(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${Math.max(0, Math.floor(value)).toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
}

function ustar(header: TarHeader, name: string, linkname: string, size: number, typeFlag: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 8, header.mode & 0o7777);
  octal(block, 108, 8, 0);
  octal(block, 116, 8, 0);
  octal(block, 124, 12, size);
  octal(block, 136, 12, header.mtime);
  block.write(typeFlag, 156, 1, 'latin1');
  block.write(linkname, 157, 100, 'utf8');
  block.write('ustar\u000000', 257, 8, 'latin1');
  octal(block, 329, 8, header.devmajor ?? 0);
  octal(block, 337, 8, header.devminor ?? 0);
  // The checksum counts its own field as eight spaces.
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return block;
}

/** One PAX record: its own length first, counted in bytes including itself. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = Buffer.byteLength(body) + 1;
  while (String(length).length + Buffer.byteLength(body) !== length) length = String(length).length + Buffer.byteLength(body);
  return `${length}${body}`;
}

/** The header block(s) of one entry. */
export function encodeHeader(header: TarHeader): Buffer {
  const name = header.type === 'directory' && !header.name.endsWith('/') ? `${header.name}/` : header.name;
  const linkname = header.linkname ?? '';
  const size = header.type === 'file' ? (header.size ?? 0) : 0;
  const records: string[] = [];
  if (Buffer.byteLength(name) > 100) records.push(paxRecord('path', name));
  if (Buffer.byteLength(linkname) > 100) records.push(paxRecord('linkpath', linkname));
  if (size > MAX_OCTAL_SIZE) records.push(paxRecord('size', String(size)));
  const main = ustar(header, name, linkname, size > MAX_OCTAL_SIZE ? 0 : size, TYPE_FLAGS[header.type]);
  if (records.length === 0) return main;
  const pax = Buffer.from(records.join(''));
  const paxName = `PaxHeaders.0/${name.replace(/\/$/, '').split('/').pop() ?? ''}`.slice(0, 99);
  const paxHeader = ustar({ ...header, type: 'file' }, paxName, '', pax.length, 'x');
  return Buffer.concat([paxHeader, pax, padding(pax.length), main]);
}
