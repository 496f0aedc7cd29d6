import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MinatoClient, TaskSummary } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { dockerCli, newRunId, TEST_IMAGE, TEST_LABEL, TEST_PREFIX, testDockerHost } from '../../../scripts/test-support/fixtures';
import { watchTasks } from '../build/build-test-helpers';

/**
 * Compose's schema allows a service name that starts with '-'. Scaling one must pass it as a service, never as an
 * option of `up`: a file from someone else's repository names a service `--remove-orphans` (or `-V`, which renews
 * anonymous volumes) and Scale on it would otherwise bring up, or wipe, far more than the one service asked for.
 */
const runId = newRunId();
const root = mkdtempSync(path.join(os.tmpdir(), 'minato-test-compose-sec-'));
const labels = `{ ${TEST_LABEL}: "1", ${TEST_LABEL}.run: "${runId}" }`;
let engine: EngineWithLog;
let client: MinatoClient;

beforeAll(async () => {
  engine = await connectEngineWith({
    env: { DOCKER_HOST: testDockerHost(), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root },
    homeDir: root,
    settingsFile: path.join(root, 'config', 'settings.json'),
  });
  client = engine.client;
});

afterAll(async () => {
  await engine.close();
  const containers = (await dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (containers.length > 0) await dockerCli(['rm', '-f', '-v', ...containers]);
  const networks = (await dockerCli(['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${TEST_PREFIX}${runId}-dash`])).split('\n').filter(Boolean);
  if (networks.length > 0) await dockerCli(['network', 'rm', ...networks]);
  rmSync(root, { recursive: true, force: true });
});

describe('Compose arguments from a compose file', () => {
  it('scales a service whose name starts with "-" as that service only, not as a flag of up', async () => {
    const name = `${TEST_PREFIX}${runId}-dash`;
    const folder = path.join(root, name);
    mkdirSync(folder, { recursive: true });
    const service = (id: string) => [`  ${id}:`, `    image: ${TEST_IMAGE}`, `    labels: ${labels}`, '    command: ["sleep", "600"]'];
    writeFileSync(path.join(folder, 'compose.yaml'), ['version: "3.8"', 'services:', ...service('"--remove-orphans"'), ...service('bystander'), ''].join('\n'));
    await client.call('compose:add', { engineId: 'local', path: folder });

    const watch = watchTasks(client);
    let task: TaskSummary;
    try {
      const { taskId } = await client.call('compose:run', { engineId: 'local', name, action: 'scale', options: { service: '--remove-orphans', replicas: 1 } });
      task = await waitFor(() => {
        const latest = watch.latest.get(taskId);
        return latest && latest.state !== 'running' ? latest : undefined;
      }, 120_000, 'the scale to end');
    } finally {
      watch.stop();
    }
    expect(task.error).toBeUndefined();
    const services = (await dockerCli(['ps', '-a', '--filter', `label=com.docker.compose.project=${name}`, '--format', '{{.Label "com.docker.compose.service"}}'])).split('\n').filter(Boolean);
    expect(services).toEqual(['--remove-orphans']);
  });
});
