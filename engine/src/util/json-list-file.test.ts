import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonListFile } from './json-list-file';

const isName = (entry: unknown): entry is { name: string } => typeof (entry as { name?: unknown } | null)?.name === 'string';
const folders: string[] = [];
const fileIn = () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-json-list-'));
  folders.push(folder);
  return path.join(folder, 'nested', 'list.json');
};
const add = (name: string) => (entries: { name: string }[]) => ({ next: [...entries, { name }], result: undefined });

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('a JSON list file', () => {
  it('reads a missing file as empty and keeps two changes made at once, in a 0600 file', async () => {
    const file = fileIn();
    const list = createJsonListFile(file, 'things', isName, { damaged: 'throw' });
    expect(await list.read()).toEqual([]);
    await Promise.all([list.update(add('a')), list.update(add('b'))]);
    expect(await list.read()).toEqual([{ name: 'a' }, { name: 'b' }]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ things: [{ name: 'a' }, { name: 'b' }] });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('drops entries of the wrong shape, and treats a damaged file as asked', async () => {
    const file = fileIn();
    const lenient = createJsonListFile(file, 'things', isName, { damaged: 'empty' });
    await lenient.update(add('a'));
    writeFileSync(file, JSON.stringify({ things: [{ name: 'a' }, { name: 3 }, null] }));
    expect(await lenient.read()).toEqual([{ name: 'a' }]);
    writeFileSync(file, '{ not json');
    expect(await lenient.read()).toEqual([]);
    await expect(createJsonListFile(file, 'things', isName, { damaged: 'throw' }).read()).rejects.toThrow(SyntaxError);
  });
});
