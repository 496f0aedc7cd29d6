import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
const volume = testName(runId, 'keep');
const anonymousVolumes: string[] = [];
let connected: ConnectedEngine;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  await dockerCli(['volume', 'create', '--label', `${TEST_LABEL}.run=${runId}`, volume]);
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  // The recreated container mounts the old anonymous volume by name, so removing it does not take the volume along.
  for (const name of [...anonymousVolumes, volume]) await dockerCli(['volume', 'rm', name]).catch(() => undefined);
});

async function state(id: string) {
  return JSON.parse(await dockerCli(['inspect', '-f', '{{json .State.Running}}|{{json .Name}}', id]).then((text) => `[${text.replace('|', ',')}]`)) as [boolean, string];
}

describe('edit and recreate', () => {
  it('keeps the name, named and anonymous volume data, and the running state, with the new settings', async () => {
    const name = testName(runId, 'edit-me');
    const id = await dockerCli([
      'run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-v', `${volume}:/named`, '-v', '/anon', '-e', 'MODE=old', TEST_IMAGE,
      'sh', '-c', 'echo kept > /named/file; [ -f /anon/file ] || echo kept-too > /anon/file; sleep 600',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    anonymousVolumes.push(await dockerCli(['inspect', '-f', '{{range .Mounts}}{{if eq .Destination "/anon"}}{{.Name}}{{end}}{{end}}', id]));
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    expect(spec.env).toEqual([{ key: 'MODE', value: 'old' }]);
    const edited = { ...spec, env: [{ key: 'MODE', value: 'new' }] };

    const { id: newId } = await connected.client.call('containers:recreate', { engineId: 'local', id, spec: edited });
    expect(newId).not.toBe(id);
    expect(await state(newId)).toEqual([true, `/${name}`]);
    expect(await dockerCli(['exec', newId, 'sh', '-c', 'echo $MODE; cat /named/file /anon/file'])).toBe('new\nkept\nkept-too');
    expect(await dockerCli(['ps', '-aq', '--filter', `id=${id}`])).toBe('');
  });

  it('puts the original back, running, when the new one cannot start', async () => {
    const name = testName(runId, 'stay');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const takenPort = (blocker.address() as net.AddressInfo).port;
    try {
      const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
      const broken = { ...spec, ports: [{ hostIp: '127.0.0.1', hostPort: takenPort, containerPort: 80, protocol: 'tcp' as const }] };
      await expect(connected.client.call('containers:recreate', { engineId: 'local', id, spec: broken })).rejects.toMatchObject({
        details: expect.objectContaining({ restored: true }),
      });
    } finally {
      blocker.close();
    }
    expect(await state(id)).toEqual([true, `/${name}`]);
    const left = await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=${TEST_LABEL}.run=${runId}`]);
    expect(left.split('\n').filter((entry) => entry.includes('minato-previous'))).toEqual([]);
  });

  it('renames, and refuses names Docker would refuse', async () => {
    const id = await dockerCli(['create', '--name', testName(runId, 'old-name'), ...testLabels(runId), TEST_IMAGE, 'true']);
    await connected.client.call('containers:rename', { engineId: 'local', id, name: testName(runId, 'new-name') });
    expect((await state(id))[1]).toBe(`/${testName(runId, 'new-name')}`);
    await expect(connected.client.call('containers:rename', { engineId: 'local', id, name: '-nope' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
