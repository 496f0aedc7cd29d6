import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunCommand, type TaskSummary } from '../../contract';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testName } from '../../../scripts/test-support/fixtures';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-support/registry';
import { pushRandomImage } from '../../../scripts/test-support/slow-registry';

const runId = newRunId();
let connected: ConnectedEngine;
let registry: TestRegistry;
let pushed: string;
let list: string;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  // A registry of the test's own, on loopback: nothing is pulled from a real one.
  registry = await startTestRegistry();
  const repo = `${registry.address}/${await pushRandomImage(registry.address, runId, 'platform', 1)}`;
  pushed = `${repo}:1`;
  // A manifest list naming that one image's platform: an engine filters lists by platform (a single image it takes
  // whatever it is), as a multi-platform image on a real registry would be pulled.
  list = `${repo}:list`;
  await dockerCli(['manifest', 'create', '--insecure', list, pushed]);
  await dockerCli(['manifest', 'push', '--insecure', '--purge', list]);
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  await dockerCli(['image', 'rm', pushed]).catch(() => undefined);
  await dockerCli(['image', 'rm', list]).catch(() => undefined);
  await registry?.stop();
});

/** Pulls through Minato and waits for the task to end; its summary as tasks:changes last told it. */
async function pull(ref: string, platform: string): Promise<TaskSummary> {
  const { taskId } = await connected.client.call('images:pull', { engineId: 'local', ref, platform });
  return new Promise((resolve) => {
    const stop = connected.client.subscribe('tasks:changes', {}, {
      onEvent: (event) => {
        const task = (event.type === 'snapshot' ? event.tasks : [event.task]).find((each) => each.id === taskId);
        if (task && task.state !== 'running') {
          stop();
          resolve(task);
        }
      },
    });
  });
}

const labels = [
  { key: TEST_LABEL, value: '1' },
  { key: `${TEST_LABEL}.run`, value: runId },
];

/** The test image's own platform, as the engine records it (linux/amd64 on the machines the suite runs on). */
async function imagePlatform(): Promise<string> {
  return dockerCli(['image', 'inspect', '-f', '{{.Os}}/{{.Architecture}}', TEST_IMAGE]);
}

describe('--platform', () => {
  it('creates from a pasted --platform when the image has that platform', async () => {
    const platform = await imagePlatform();
    const { spec } = parseRunCommand(`docker run -d --platform ${platform} --name ${testName(runId, 'platform')} ${TEST_IMAGE} sleep 600`);
    expect(spec.platform).toBe(platform);
    const created = await connected.client.call('containers:create', { engineId: 'local', spec: { ...spec, labels }, start: true });
    expect(await dockerCli(['inspect', '-f', '{{.State.Running}} {{.Platform}}', created.id])).toBe(`true ${platform.split('/')[0]}`);
  });

  it('passes the platform to the engine, which refuses an image without it (nothing is pulled)', async () => {
    const other = (await imagePlatform()) === 'linux/arm64' ? 'linux/amd64' : 'linux/arm64';
    const name = testName(runId, 'other-platform');
    await expect(
      connected.client.call('containers:create', { engineId: 'local', spec: { image: TEST_IMAGE, name, platform: other, command: ['true'], labels }, start: false }),
    ).rejects.toMatchObject({ message: expect.stringMatching(/platform/i) });
    expect(await dockerCli(['ps', '-aq', '--filter', `name=^/${name}$`])).toBe('');
  });

  it('pulls the platform asked for, and the engine refuses one the image list does not have', async () => {
    const own = await imagePlatform();
    const other = own === 'linux/arm64' ? 'linux/amd64' : 'linux/arm64';
    const refused = await pull(list, other);
    expect(refused).toMatchObject({ state: 'failed', command: `docker pull --platform ${other} ${list}`, error: { message: expect.stringMatching(new RegExp(`no matching manifest for ${other}`)) } });
    expect(await dockerCli(['image', 'ls', '-q', list])).toBe('');
    expect(await pull(list, own)).toMatchObject({ state: 'succeeded' });
    expect(await dockerCli(['image', 'inspect', '-f', '{{.Os}}/{{.Architecture}}', list])).toBe(own);
  });
});

