import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings, keyBlobOf, makeKeys, sharesText, vmLayout } from './vm-layout';

describe('VM layout', () => {
  let folder: string | undefined;
  afterEach(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('defaults: half the cores up to 4, 2-4 GiB, 60 GiB', () => {
    expect(defaultSettings(2, 8 * 2 ** 30)).toMatchObject({ cpus: 1, memoryMiB: 2048, diskGiB: 60 });
    expect(defaultSettings(16, 64 * 2 ** 30)).toMatchObject({ cpus: 4, memoryMiB: 4096 });
    expect(defaultSettings(6, 12 * 2 ** 30)).toMatchObject({ cpus: 3, memoryMiB: 3072 });
  });

  it('keeps the folder beside the settings file; a deep folder gets short socket paths', () => {
    const layout = vmLayout('/home/ann/.config/minato/settings.json', 'linux');
    expect(layout.folder).toBe('/home/ann/.config/minato/vm/default');
    expect(layout.qmp).toEqual({ path: '/home/ann/.config/minato/vm/default/qmp.sock' });
    const deep = vmLayout(`/home/ann/${'x'.repeat(120)}/settings.json`, 'linux');
    expect('path' in deep.qmp && deep.qmp.path.length).toBeLessThan(100);
    expect(vmLayout('C:\\Users\\ann\\minato\\settings.json', 'win32', 'default', { qmp: 1, ready: 2, console: 3 }).ready).toEqual({ port: 2 });
  });

  it('makes both key pairs with the private keys 0600 and a pinned host key that ssh2 parses', async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'minato-test-vmkeys-'));
    const layout = vmLayout(path.join(folder, 'settings.json'), 'linux');
    await makeKeys(layout);
    expect((await stat(layout.userKey)).mode & 0o777).toBe(0o600);
    expect((await stat(layout.hostKey)).mode & 0o777).toBe(0o600);
    const hostPublic = await readFile(layout.hostPublicKey, 'utf8');
    const parsed = ssh2.utils.parseKey(await readFile(layout.hostKey));
    if (parsed instanceof Error) throw parsed;
    expect(parsed.getPublicSSH().equals(keyBlobOf(hostPublic)!)).toBe(true);
    expect(await readFile(layout.sshConfig, 'utf8')).toContain('IdentitiesOnly yes');
  });

  it('writes the shares list as TAG<TAB>path lines', () => {
    expect(sharesText([{ tag: 'home', path: '/home/ann' }])).toBe('home\t/home/ann\n');
  });
});
