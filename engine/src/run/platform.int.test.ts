import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunCommand } from '../../contract';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testName } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
let connected: ConnectedEngine;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
});

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
});
