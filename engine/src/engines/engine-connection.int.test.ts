import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeBatch, EngineInfo } from '../../contract';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { createSocketProxy } from '../../../scripts/test-support/socket-proxy';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { createEngineConnection } from './engine-connection';
import { probeEndpoint } from '../docker/probe';

const runId = newRunId();
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-conn-'));

afterAll(async () => {
  await removeRunContainers(runId);
  rmSync(dir, { recursive: true, force: true });
});

describe('engine connection', () => {
  let target: string;
  beforeAll(() => {
    target = testDockerHost().replace(/^unix:\/\//, '');
  });

  it('diagnoses a missing socket and keeps the places it tried', async () => {
    const missing = `unix://${path.join(dir, 'nothing-here.sock')}`;
    const connection = createEngineConnection({ id: 'x', name: 'x', discover: async () => [{ endpoint: missing, source: 'DOCKER_HOST' }] });
    await connection.ready();
    expect(connection.info().state).toBe('unavailable');
    expect(connection.info().diagnosis).toMatchObject({ reason: 'socket-missing', tried: [missing] });
    expect(() => connection.docker()).toThrow(/not connected/);
    connection.close();
  });

  it('diagnoses a socket nobody answers on as not responding', async () => {
    // A listener that accepts and never replies: a hung daemon.
    const net = await import('node:net');
    const silent = net.createServer(() => {}).listen(path.join(dir, 'silent.sock'));
    await new Promise((resolve) => silent.once('listening', resolve));
    const result = await probeEndpoint(`unix://${path.join(dir, 'silent.sock')}`);
    expect(result).toMatchObject({ ok: false, diagnosis: { reason: 'not-responding' } });
    silent.close();
  });

  it('says disconnected within 2 s when the engine goes away, then reconnects and asks for a resync', async () => {
    const proxy = createSocketProxy(path.join(dir, 'relay.sock'), target);
    await proxy.start();
    const statuses: EngineInfo[] = [];
    const batches: ChangeBatch[] = [];
    const connection = createEngineConnection({
      id: 'relay',
      name: 'relay',
      discover: async () => [{ endpoint: `unix://${proxy.path}`, source: 'DOCKER_HOST' }],
      reconnectDelaysMs: [100, 200, 400],
    });
    connection.onStatus((info) => statuses.push(info));
    connection.onChanges((batch) => batches.push(batch));
    await connection.ready();
    expect(connection.info().state).toBe('connected');
    expect(connection.info().version?.api).toMatch(/^1\.\d+$/);

    const lostAt = Date.now();
    await proxy.stop();
    await waitFor(() => connection.info().state === 'disconnected', 2000, 'the disconnected state');
    expect(Date.now() - lostAt).toBeLessThan(2000);

    // Something changes while Minato cannot see it.
    const id = await dockerCli(['create', '--name', testName(runId, 'while-away'), ...testLabels(runId), TEST_IMAGE, 'true']);
    await proxy.start();
    await waitFor(() => connection.info().state === 'connected', 5000, 'the reconnection');
    await waitFor(() => batches.some((batch) => batch.resync), 1000, 'a resync batch');
    const list = await connection.docker().listContainers({ all: true });
    expect(list.some((container) => container.Id === id)).toBe(true);
    expect(statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['connected', 'disconnected']));

    // Events flow again on the new stream, once each.
    batches.length = 0;
    await dockerCli(['rm', id]);
    await waitFor(() => batches.some((batch) => batch.ids.includes(id)), 2000, 'an event after the reconnect');
    connection.close();
    await proxy.stop();
  });
});
