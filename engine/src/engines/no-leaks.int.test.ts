import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeBatch } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { createSocketProxy, openEventStreams } from '../../../scripts/test-support/socket-proxy';
import { createEngineConnection } from './engine-connection';

const runId = newRunId();
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-leaks-'));

afterAll(async () => {
  await removeRunContainers(runId);
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('engine connection across dropped streams', () => {
  it('holds exactly one /events stream after each reconnect, reports each change once, and leaves nothing open', async () => {
    const proxy = createSocketProxy(path.join(dir, 'relay.sock'), testDockerHost().replace(/^unix:\/\//, ''));
    await proxy.start();
    const batches: ChangeBatch[] = [];
    const connection = createEngineConnection({
      id: 'relay',
      name: 'relay',
      discover: async () => [{ endpoint: `unix://${proxy.path}`, source: 'DOCKER_HOST' }],
      reconnectDelaysMs: [100, 200, 400],
      // No coalescing window: a second stream delivering the same event would show up as a second batch.
      coalescer: { delayMs: 0, minIntervalMs: 0 },
    });
    connection.onChanges((batch) => batches.push(batch));
    const mentioning = (id: string) => batches.filter((batch) => batch.ids.includes(id)).length;

    try {
      await connection.ready();
      expect(connection.info().state).toBe('connected');
      expect(openEventStreams(proxy)).toBe(1);

      // Two blips where the engine stays (every socket cut), then one where it is gone for a while.
      const blips: Array<() => Promise<void>> = [
        async () => proxy.dropConnections(),
        async () => proxy.dropConnections(),
        async () => {
          await proxy.stop();
          await waitFor(() => connection.info().state === 'disconnected', 2000, 'the disconnected state');
          // The outage is the point, and it has a length: a few reconnect attempts (100, 200 ms…) fail while nothing answers.
          await sleep(500);
          await proxy.start();
        },
      ];
      for (const [round, blip] of blips.entries()) {
        // Created while connected, started after the reconnect: its start is the one event that names it.
        const id = await dockerCli(['create', '--name', testName(runId, `round-${round}`), ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
        await waitFor(() => mentioning(id) > 0, 5000, `the create event of round ${round}`);

        await blip();
        await waitFor(() => connection.info().state === 'disconnected' || batches.some((batch) => batch.resync), 2000, 'the drop to be noticed');
        await waitFor(() => connection.info().state === 'connected', 5000, `the reconnection of round ${round}`);
        // A duplicate stream would come from a late attempt: that none comes takes time to show, by nature.
        await sleep(300);
        expect(openEventStreams(proxy), `open /events streams after reconnect ${round}`).toBe(1);

        batches.length = 0;
        await dockerCli(['start', id]);
        await waitFor(() => mentioning(id) > 0, 5000, `the start event of round ${round}`);
        // A second stream would deliver the start again: that it does not takes time to show, by nature.
        await sleep(500);
        expect(mentioning(id), `batches naming the container started after reconnect ${round}`).toBe(1);
        expect(openEventStreams(proxy)).toBe(1);
      }
    } finally {
      connection.close();
    }

    await waitFor(() => openEventStreams(proxy) === 0, 1000, 'the /events stream to close');
    // Short calls (probe, ping) leave kept-alive sockets in Node's pool, which closes idle ones after 5 s.
    await waitFor(() => proxy.openRequests().length === 0, 8000, 'every connection to close');
    expect(proxy.openRequests()).toEqual([]);
    await proxy.stop();
  });
});
