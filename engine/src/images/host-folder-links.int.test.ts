import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineForThisFile } from '../../../scripts/test-support/engine-client';

const { runId, connected } = engineForThisFile();
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-host-links-'));
/** Where the link leads: a system folder the form never creates anything in. */
const systemTarget = path.join('/usr/local', `minato-test-${runId}`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(systemTarget, { recursive: true, force: true });
});

describe('creating a bind folder whose path goes through a link', () => {
  it('refuses when the link leads into a system folder', async () => {
    // What a container with this folder bind-mounted can do: plant a link to a system folder in it.
    mkdirSync(path.join(dir, 'project'));
    symlinkSync('/usr/local', path.join(dir, 'project', 'data'));
    const asked = path.join(dir, 'project', 'data', `minato-test-${runId}`);
    await expect(connected.client.call('host:createFolder', { engineId: 'local', path: asked })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(existsSync(systemTarget)).toBe(false);
  });

  it('says where a bind path leads, so a link to / reads as the root bind it is', async () => {
    // `ln -s / ~/r` then `-v ~/r:/host`: the form sees ~/r, the engine mounts /.
    symlinkSync('/', path.join(dir, 'r'));
    expect(await connected.client.call('host:pathStatus', { engineId: 'local', path: path.join(dir, 'r') })).toMatchObject({ exists: true, directory: true, resolved: '/' });
    expect(await connected.client.call('host:pathStatus', { engineId: 'local', path: path.join(dir, 'r', 'etc', 'minato-none') })).toMatchObject({ exists: false, resolved: '/etc/minato-none' });
  });

  it('creates the folder where a link to a folder of one\'s own leads', async () => {
    mkdirSync(path.join(dir, 'real'));
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'alias'));
    await connected.client.call('host:createFolder', { engineId: 'local', path: path.join(dir, 'alias', 'site', 'public') });
    expect(existsSync(path.join(dir, 'real', 'site', 'public'))).toBe(true);
  });
});
