import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { openSettingsStore } from '../settings/settings-store';
import { contextEngineId } from './context-engines';
import type { RegistryChange } from './engine-registry';
import { LOCAL_ENGINE_ID, setupEngines } from './engine-setup';

const run = promisify(execFile);
const home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-setup-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('every engine, side by side', () => {
  it('lists the local engine, the other contexts (never the current one twice) and the engines from Settings', async () => {
    const configDir = path.join(home, '.docker');
    const cli = (args: string[]) => run('docker', args, { env: { PATH: process.env.PATH, HOME: home, DOCKER_CONFIG: configDir } });
    await cli(['context', 'create', 'minato-test-current', '--docker', `host=${testDockerHost()}`]);
    await cli(['context', 'create', 'minato-test-other', '--docker', `host=${testDockerHost()}`]);
    await cli(['context', 'use', 'minato-test-current']);
    const settingsFile = path.join(home, 'settings.json');
    const stored = await (await openSettingsStore(settingsFile)).addEngine({ name: 'same engine by hand', address: testDockerHost() });

    const engines = await setupEngines({ env: { PATH: process.env.PATH }, homeDir: home, platform: 'linux', settingsFile });
    const changes: RegistryChange[] = [];
    engines.registry.onChange((change) => changes.push(change));
    try {
      await engines.ready;
      const local = engines.registry.get(LOCAL_ENGINE_ID).info();
      expect(local).toMatchObject({ kind: 'local', source: 'context', contextName: 'minato-test-current', state: 'connected' });
      const other = contextEngineId('minato-test-other');
      expect(engines.registry.all().map((connection) => connection.info().id).sort()).toEqual([LOCAL_ENGINE_ID, other, stored.id].sort());
      expect(changes.some((change) => 'added' in change && change.added.info().id === contextEngineId('minato-test-current'))).toBe(false);
      await waitFor(() => engines.registry.all().every((connection) => connection.info().state === 'connected'), 10_000, 'every engine to connect');
      expect(engines.registry.get(stored.id).info()).toMatchObject({ kind: 'custom', source: 'settings', name: 'same engine by hand' });
    } finally {
      engines.close();
    }
  });
});
