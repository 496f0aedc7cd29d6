import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineCapabilities } from '../../contract';
import { checkContext, contextStatus } from './build-context';

const here: EngineCapabilities = { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } };
const overSsh: EngineCapabilities = { checkHostPorts: false, bindFolders: 'sftp', publishedPorts: { via: 'ssh-forward', host: 'build.example' } };
const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-test-context-'));
writeFileSync(path.join(folder, 'Dockerfile'), 'FROM scratch\n');
writeFileSync(path.join(folder, '.dockerignore'), '# only comments and one rule\n*\n');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the build context as the engine finds it', () => {
  it('reads a folder on this machine: its Dockerfile, its .dockerignore rules, whether they leave out the build files', async () => {
    expect(await contextStatus({ capabilities: here }, folder, 'Dockerfile')).toEqual({ folder: 'ok', dockerfile: 'ok', ignoreRules: 1, buildFilesExcluded: true });
    expect(await contextStatus({ capabilities: here }, folder, 'other/Dockerfile')).toMatchObject({ dockerfile: 'missing' });
    expect(await contextStatus({ capabilities: here }, path.join(folder, 'Dockerfile'), 'Dockerfile')).toMatchObject({ folder: 'not-a-folder' });
    expect(await contextStatus({ capabilities: here }, path.join(folder, 'nowhere'), 'Dockerfile')).toMatchObject({ folder: 'missing' });
  });

  it('does not read this machine for an engine elsewhere (SSH), and refuses to build there, saying why', async () => {
    expect(await contextStatus({ capabilities: overSsh }, folder, 'Dockerfile')).toEqual({ folder: 'remote', dockerfile: 'unknown', ignoreRules: 0, buildFilesExcluded: false });
    await expect(checkContext({ capabilities: overSsh }, folder, 'Dockerfile')).rejects.toMatchObject({
      code: 'invalid-input',
      details: { kind: 'build-refused', field: 'engine', reason: 'remote' },
      message: expect.stringContaining('not supported yet'),
    });
  });
});
