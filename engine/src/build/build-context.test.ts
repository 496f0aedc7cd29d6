import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContext, contextStatus } from './build-context';

const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-test-context-'));
writeFileSync(path.join(folder, 'Dockerfile'), 'FROM scratch\n');
writeFileSync(path.join(folder, '.dockerignore'), '# only comments and one rule\n*\n');

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the build context as the engine finds it', () => {
  it('reads a folder on this machine: its Dockerfile, its .dockerignore rules, whether they leave out the build files', async () => {
    expect(await contextStatus(folder, 'Dockerfile')).toEqual({ folder: 'ok', dockerfile: 'ok', ignoreRules: 1, buildFilesExcluded: true });
    expect(await contextStatus(folder, 'other/Dockerfile')).toMatchObject({ dockerfile: 'missing' });
    expect(await contextStatus(path.join(folder, 'Dockerfile'), 'Dockerfile')).toMatchObject({ folder: 'not-a-folder' });
    expect(await contextStatus(path.join(folder, 'nowhere'), 'Dockerfile')).toMatchObject({ folder: 'missing' });
  });

  it('refuses by field a folder that is not there or a Dockerfile that is missing', async () => {
    await expect(checkContext(path.join(folder, 'nowhere'), 'Dockerfile')).rejects.toMatchObject({ details: { kind: 'build-refused', field: 'contextPath', reason: 'missing' } });
    await expect(checkContext(folder, 'Containerfile')).rejects.toMatchObject({ details: { kind: 'build-refused', field: 'dockerfile', reason: 'no-dockerfile' } });
    expect(await checkContext(folder, 'Dockerfile')).toEqual({ patterns: ['*'], dockerfile: { absolute: path.join(folder, 'Dockerfile'), inside: 'Dockerfile' } });
  });
});
