import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMinatoError } from '../../contract';
import { connectEngine, waitFor, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDocker, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { createSocketProxy, type SocketProxy } from '../../../scripts/test-support/socket-proxy';

// The engine reached through a relay that shows which requests are open, so the test sees a cancelled call's
// request to the engine end, not only its promise.
const runId = newRunId();
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-cancel-'));
let proxy: SocketProxy;
let connected: ConnectedEngine;

beforeAll(async () => {
  proxy = createSocketProxy(path.join(dir, 'relay.sock'), testDockerHost().replace(/^unix:\/\//, ''));
  await proxy.start();
  connected = await connectEngine(`unix://${proxy.path}`);
});

afterAll(async () => {
  await connected?.close();
  await proxy?.stop();
  await removeRunContainers(runId);
  rmSync(dir, { recursive: true, force: true });
});

describe('a cancelled call', () => {
  it('ends with cancelled at once and its request to the engine is aborted', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'cancel'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
      'dd if=/dev/zero of=/big bs=1048576 count=64 2>/dev/null && touch /ready && exec sleep 300']);
    await waitFor(async () => (await dockerCli(['exec', id, 'ls', '/ready']).catch(() => '')) === '/ready', 30_000, 'the big file');
    // An archive stream nobody reads holds the container's lock in dockerd: an inspect of it now waits, for real.
    const holder = (await testDocker().getContainer(id).getArchive({ path: '/big' })) as unknown as NodeJS.ReadableStream & { destroy(): void };
    try {
      const controller = new AbortController();
      const inspect = connected.client.call('containers:inspect', { engineId: 'local', id }, { signal: controller.signal });
      const inspecting = () => proxy.openRequests().some((request) => request?.includes(`/containers/${id}/json`));
      await waitFor(inspecting, 10_000, 'the inspect request to reach the engine');
      expect(connected.openCount()).toBe(1);

      controller.abort();
      const error = await inspect.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(isMinatoError(error) && error.code).toBe('cancelled');
      await waitFor(() => !inspecting(), 5000, 'the inspect request to the engine to be aborted');
      await waitFor(() => connected.openCount() === 0, 5000, 'the handler to let go');
    } finally {
      holder.destroy();
    }
  });
});
