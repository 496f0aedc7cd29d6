import { lstatSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContextEntry } from './context-walk';
import { packContext } from './context-tar';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A context folder holding one file, listed as the walk lists it, and a secret of the same size outside it. */
function listedFile(size: number): { entry: ContextEntry; secret: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'minato-test-context-'));
  folders.push(root);
  const secret = path.join(root, 'secret');
  writeFileSync(secret, 'S'.repeat(size));
  const absolute = path.join(root, 'context-file');
  writeFileSync(absolute, 'a'.repeat(size));
  return { entry: { relative: 'file', absolute, stats: lstatSync(absolute) }, secret };
}

async function pack(entry: ContextEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  async function* one() {
    yield entry;
  }
  for await (const chunk of packContext(one()) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Small files are read whole, large ones streamed: both paths must refuse a file swapped after it was listed.
describe.each([
  ['a small file', 1000],
  ['a large file', 3 * 1024 * 1024],
])('the build context never sends a host file swapped in after the listing: %s', (_name, size) => {
  it('refuses a link put in place of the listed file', async () => {
    const { entry, secret } = listedFile(size);
    rmSync(entry.absolute);
    symlinkSync(secret, entry.absolute);
    await expect(pack(entry)).rejects.toThrow(/changed while the build context was being sent/);
  });

  it('refuses another file of the same size put in its place', async () => {
    const { entry, secret } = listedFile(size);
    rmSync(entry.absolute);
    renameSync(secret, entry.absolute);
    await expect(pack(entry)).rejects.toThrow(/changed while the build context was being sent/);
  });

  it('sends the listed file when nothing changed', async () => {
    const { entry } = listedFile(size);
    const archive = await pack(entry);
    expect(archive.includes(Buffer.from('a'.repeat(1000)))).toBe(true);
    expect(archive.includes(Buffer.from('S'.repeat(100)))).toBe(false);
  });
});
