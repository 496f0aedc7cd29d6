import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorDetails, isMinatoError } from '../../contract';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { newRunId, removeRunContainers, TEST_IMAGE, TEST_LABEL, testDocker, testDockerHost, testName } from '../../../scripts/test-support/fixtures';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-support/registry';
import { toMinatoError } from './engine-errors';

// Real failures of the real engine, read by the classifier. With MINATO_RECORD_ENGINE_ERRORS set, the errors as
// dockerode threw them are written to engine-errors.recorded.json, which the unit test replays.

const runId = newRunId();
const docker = testDocker();
const labels = { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId };
const recorded: Record<string, unknown> = {};
let registry: TestRegistry;
let connected: ConnectedEngine;

/** What dockerode (or Node's socket) threw, as plain fields: enough to rebuild it. */
async function failure(name: string, action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    const e = error as { message?: string; statusCode?: number; reason?: string; json?: unknown; code?: string };
    recorded[name] = { message: e.message, statusCode: e.statusCode, reason: e.reason, json: e.json, code: e.code };
    return error;
  }
  throw new Error(`${name}: the engine did not refuse`);
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '0.0.0.0');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function create(name: string, options: Partial<Docker.ContainerCreateOptions> = {}) {
  return docker.createContainer({ Image: TEST_IMAGE, Cmd: ['sleep', '600'], name: testName(runId, name), Labels: labels, ...options });
}

beforeAll(async () => {
  registry = await startTestRegistry();
  connected = await connectEngine(testDockerHost());
});

afterAll(async () => {
  await removeRunContainers(runId);
  await connected?.close();
  await registry?.stop();
  if (process.env.MINATO_RECORD_ENGINE_ERRORS) {
    writeFileSync(path.join(import.meta.dirname, 'engine-errors.recorded.json'), `${JSON.stringify(recorded, null, 2)}\n`);
  }
});

describe('the engine’s failures, classified once', () => {
  it('names the container a name is taken by', async () => {
    const first = await create('taken');
    const error = await failure('nameInUse', () => create('taken'));
    expect(toMinatoError(error)).toMatchObject({ code: 'conflict', details: { kind: 'name-in-use', name: testName(runId, 'taken'), container: first.id } });
  });

  it('says which host port is taken, by a container or by another program', async () => {
    const port = await freePort();
    const ports = { ExposedPorts: { '80/tcp': {} }, HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(port) }] } } };
    await (await create('port-a', ports)).start();
    const second = await create('port-b', ports);
    const byContainer = await failure('portAllocated', () => second.start());
    expect(toMinatoError(byContainer)).toMatchObject({ code: 'conflict', details: { kind: 'port-in-use', port } });

    const held = net.createServer().listen(0, '0.0.0.0');
    await new Promise((resolve) => held.once('listening', resolve));
    const heldPort = (held.address() as net.AddressInfo).port;
    try {
      const third = await create('port-c', { ExposedPorts: { '80/tcp': {} }, HostConfig: { PortBindings: { '80/tcp': [{ HostPort: String(heldPort) }] } } });
      const byProgram = await failure('addressInUse', () => third.start());
      expect(toMinatoError(byProgram)).toMatchObject({ code: 'conflict', details: { kind: 'port-in-use', port: heldPort } });
    } finally {
      await new Promise((resolve) => held.close(resolve));
    }
  });

  it('says what was not found, and its name', async () => {
    const missing = testName(runId, 'missing');
    const cases = [
      ['noSuchContainer', () => docker.getContainer(missing).inspect(), 'container'],
      ['noSuchImage', () => docker.getImage(`${missing}:1`).inspect(), 'image'],
      ['noSuchNetwork', () => docker.getNetwork(missing).inspect(), 'network'],
      ['noSuchVolume', () => docker.getVolume(missing).inspect(), 'volume'],
    ] as const;
    for (const [name, action, what] of cases) {
      expect(toMinatoError(await failure(name, action)), name).toMatchObject({ code: 'not-found', details: { kind: 'not-found', what } });
    }
    expect(toMinatoError(await failure('noSuchContainer', () => docker.getContainer(missing).inspect()))).toMatchObject({ details: { name: missing } });
  });

  it('tells running, not running and paused apart', async () => {
    const running = await create('running');
    await running.start();
    expect(toMinatoError(await failure('removeRunning', () => running.remove()))).toMatchObject({ code: 'conflict', details: { kind: 'running' } });
    await running.pause();
    expect(toMinatoError(await failure('execPaused', () => running.exec({ Cmd: ['true'] })))).toMatchObject({ code: 'conflict', details: { kind: 'paused' } });
    const stopped = await create('stopped');
    expect(toMinatoError(await failure('execNotRunning', () => stopped.exec({ Cmd: ['true'] })))).toMatchObject({ code: 'conflict', details: { kind: 'not-running' } });
  });

  it('names a command the image does not have', async () => {
    const container = await create('no-command', { Cmd: ['minato-no-such-command'] });
    expect(toMinatoError(await failure('commandNotFound', () => container.start()))).toMatchObject({
      code: 'invalid-input',
      details: { kind: 'command-not-found', command: 'minato-no-such-command' },
    });
    // The engine keeps that failure in the container's state: inspect carries it read the same way.
    const detail = await connected.client.call('containers:inspect', { engineId: 'local', id: container.id });
    expect(detail.state).toMatchObject({ error: expect.stringContaining('minato-no-such-command'), problem: { kind: 'command-not-found', command: 'minato-no-such-command' } });
  });

  it('says when the registry has no such image', async () => {
    const image = `${registry.address}/minato-test/nothing-here:1`;
    const error = await failure('manifestUnknown', () => docker.pull(image));
    expect(toMinatoError(error)).toMatchObject({ code: 'not-found', details: { kind: 'image-not-in-registry' } });
  });

  it('says the engine is unreachable when its socket is missing', async () => {
    const gone = new Docker({ socketPath: path.join(import.meta.dirname, 'minato-test-no-such.sock') });
    expect(toMinatoError(await failure('socketMissing', () => gone.ping()))).toMatchObject({
      code: 'engine-unavailable',
      details: { kind: 'engine-unreachable', reason: 'socket-missing' },
    });
  });

  it('classifies in the session: a call gets the code and typed details across the wire', async () => {
    const error = await connected.client.call('containers:inspect', { engineId: 'local', id: testName(runId, 'missing') }).catch((caught: unknown) => caught);
    expect(isMinatoError(error)).toBe(true);
    expect(errorDetails(error as { details?: unknown })).toEqual({ kind: 'not-found', what: 'container', name: testName(runId, 'missing') });
  });
});
