import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findComposeCli, parseComposeVersion, pluginFolders } from './cli-discovery';

const root = mkdtempSync(path.join(os.tmpdir(), 'minato-compose-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A stand-in program that prints `answer` for `version --short`, as each Compose does. */
function program(folder: string, answer: string): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'docker-compose');
  writeFileSync(file, `#!/bin/sh\n[ "$1 $2" = "version --short" ] && echo '${answer}'\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('Compose CLI discovery', () => {
  it('reads the versions each Compose prints for version --short', () => {
    expect(parseComposeVersion('1.29.2\n')).toEqual({ version: '1.29.2', major: 1 });
    expect(parseComposeVersion('2.29.1\n')).toEqual({ version: '2.29.1', major: 2 });
    expect(parseComposeVersion('v2.24.6-desktop.1\n')).toEqual({ version: '2.24.6-desktop.1', major: 2 });
    expect(parseComposeVersion('garbage')).toBeUndefined();
  });

  it('looks in the docker CLI plugin folders, the user\'s own first', () => {
    const deps = { env: {}, homeDir: '/home/ada', platform: 'linux' as const };
    expect(pluginFolders(deps)).toEqual([
      '/home/ada/.docker/cli-plugins',
      '/usr/local/lib/docker/cli-plugins',
      '/usr/local/libexec/docker/cli-plugins',
      '/usr/lib/docker/cli-plugins',
      '/usr/libexec/docker/cli-plugins',
    ]);
    expect(pluginFolders({ ...deps, env: { DOCKER_CONFIG: '/cfg' } })[0]).toBe('/cfg/cli-plugins');
  });

  it('prefers the plugin (v2), else a standalone v2 on PATH, else v1', async () => {
    const home = path.join(root, 'home');
    const v1 = path.dirname(program(path.join(root, 'bin-v1'), '1.29.2'));
    const v2 = path.dirname(program(path.join(root, 'bin-v2'), '2.29.1'));
    const env = { PATH: [v1, v2].join(path.delimiter) };
    const deps = { env, homeDir: home, platform: 'linux' as const };
    expect(await findComposeCli(deps, env)).toEqual({ kind: 'standalone', path: path.join(v2, 'docker-compose'), version: '2.29.1', major: 2 });
    expect(await findComposeCli({ ...deps, env: { PATH: v1 } }, env)).toMatchObject({ kind: 'standalone', major: 1 });
    const plugin = program(path.join(home, '.docker', 'cli-plugins'), 'v2.30.0');
    expect(await findComposeCli(deps, env)).toEqual({ kind: 'plugin', path: plugin, version: '2.30.0', major: 2 });
    expect(await findComposeCli({ ...deps, homeDir: path.join(root, 'nobody'), env: { PATH: path.join(root, 'none') } }, env)).toBeUndefined();
  });
});
