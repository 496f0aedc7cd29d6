import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSettingsStore } from './settings-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-settings-'));
  dirs.push(dir);
  return dir;
};

describe('settings store', () => {
  it('adds, edits and removes engines in a file only its owner can read, and reads them back', async () => {
    const file = path.join(folder(), 'minato', 'settings.json');
    const store = await openSettingsStore(file);
    const box = await store.addEngine({ name: 'box', address: 'ssh://me@box' });
    const pi = await store.addEngine({ name: 'pi', address: 'tcp://pi:2376', tls: { ca: '/c/ca.pem' } });
    expect(box.id).not.toBe(pi.id);
    await store.updateEngine(box.id, { name: 'box', address: 'ssh://me@box', socketPath: '/run/user/1000/docker.sock' });
    expect(await store.removeEngine(pi.id)).toBe(true);
    expect(await store.removeEngine(pi.id)).toBe(false);
    await store.allowInsecure('tcp://10.0.0.9:2375');
    expect(statSync(file).mode & 0o077).toBe(0);
    const again = await openSettingsStore(file);
    expect(again.engines()).toEqual([{ id: box.id, name: 'box', address: 'ssh://me@box', socketPath: '/run/user/1000/docker.sock' }]);
    expect(again.insecureAllowed('tcp://10.0.0.9:2375')).toBe(true);
    expect(again.insecureAllowed('tcp://10.0.0.8:2375')).toBe(false);
    await expect(again.updateEngine('custom-nope', { name: 'x', address: 'ssh://x' })).rejects.toThrow(/No engine/);
  });

  it('keeps a file it cannot read aside instead of writing over it', async () => {
    const dir = folder();
    const file = path.join(dir, 'settings.json');
    writeFileSync(file, '{ "version": 1, "engines": [ broken');
    const store = await openSettingsStore(file);
    expect(store.engines()).toEqual([]);
    await store.addEngine({ name: 'box', address: 'ssh://box' });
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.unreadable-'));
    expect(aside && readFileSync(path.join(dir, aside), 'utf8')).toContain('broken');
    expect(JSON.parse(readFileSync(file, 'utf8')).engines).toHaveLength(1);
  });
});
