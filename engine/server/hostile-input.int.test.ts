import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMinatoClient, isMinatoError, type MinatoClient } from '../contract';
import { testDockerHost } from '../../scripts/test-support/fixtures';
import { startHeadless, type HeadlessServer } from '../../scripts/test-support/headless';
import { connectWebSocket } from '../../scripts/test-support/ws-transport';

// The headless server as a person starts it, fed what an attacker holding the page (or a typo) could send: ids and
// image references that would bend the Engine API path. Each must be refused as bad input, reach no other host, and
// leave the server serving.

let server: HeadlessServer;
let socket: { close(): void };
let client: MinatoClient;
/** A stand-in for "any address": it records every connection a crafted reference makes the server open. */
let bystander: net.Server;
let bystanderPort = 0;
const bystanderHits: string[] = [];

beforeAll(async () => {
  bystander = net.createServer((connection) => {
    bystanderHits.push(`connection from ${connection.remotePort}`);
    connection.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}');
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  bystanderPort = (bystander.address() as net.AddressInfo).port;
  server = await startHeadless(testDockerHost());
  const connected = await connectWebSocket(server.origin, server.token);
  socket = connected;
  client = createMinatoClient(connected.transport);
});

afterAll(async () => {
  client?.close();
  socket?.close();
  await server?.stop();
  await new Promise<void>((resolve) => bystander.close(() => resolve()));
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isMinatoError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('The call was answered instead of refused.');
}

/** The server still answers, and nothing reached the bystander. */
async function stillServing(): Promise<void> {
  const engines = await client.call('engines:list', {});
  expect(engines.map((engine) => engine.id)).toContain('local');
  expect(bystanderHits).toEqual([]);
}

// A dead server would leave every call waiting: fail fast instead.
describe('hostile ids and image references', { timeout: 20_000 }, () => {
  it.each(['.', '../x', '..', 'busybox/../..'])('images:inspect refuses %j as bad input and keeps serving', async (ref) => {
    const answer = await refusal(client.call('images:inspect', { engineId: 'local', ref }));
    expect(answer.code).toBe('invalid-input');
    expect(answer.message).toMatch(/image reference/i);
    await stillServing();
  });

  it('a reference aimed at another host reaches no host at all', async () => {
    for (const ref of [`..//127.0.0.1:${bystanderPort}/a`, `x/..//127.0.0.1:${bystanderPort}/y`]) {
      expect((await refusal(client.call('images:inspect', { engineId: 'local', ref }))).code).toBe('invalid-input');
      expect((await refusal(client.call('images:remove', { engineId: 'local', ref }))).code).toBe('invalid-input');
    }
    await stillServing();
  });

  it('containers:inspectRaw refuses an id that carries a query instead of listing containers', async () => {
    const answer = await refusal(client.call('containers:inspectRaw', { engineId: 'local', id: 'json?all=1&x=' }));
    expect(answer.code).toBe('invalid-input');
    expect(answer.message).toMatch(/container/i);
    await stillServing();
  });

  it('refuses path tricks in every id-carrying input', async () => {
    const id = '../../version';
    const calls: Array<Promise<unknown>> = [
      client.call('containers:inspect', { engineId: 'local', id }),
      client.call('containers:top', { engineId: 'local', id }),
      client.call('containers:diff', { engineId: 'local', id }),
      client.call('containers:act', { engineId: 'local', ids: [id], action: 'stop' }),
      client.call('containers:statsSnapshot', { engineId: 'local', ids: [id] }),
      client.call('files:list', { engineId: 'local', id, path: '/' }),
      client.call('files:uploadBegin', { engineId: 'local', id, directory: '/' }),
    ];
    for (const call of calls) expect((await refusal(call)).code).toBe('invalid-input');
    await stillServing();
  });

  it('ends streams opened with such an id as bad input', async () => {
    const id = 'json?all=1&x=';
    const size = { cols: 80, rows: 24 };
    const ended = await Promise.all([
      streamEnd((onEnd) => client.subscribe('containers:logs', { engineId: 'local', id }, { onEvent: () => undefined, onEnd })),
      streamEnd((onEnd) => client.subscribe('containers:stats', { engineId: 'local', id }, { onEvent: () => undefined, onEnd })),
      streamEnd((onEnd) => client.subscribe('containers:exec', { engineId: 'local', id, ...size }, { onEvent: () => undefined, onEnd })),
      streamEnd((onEnd) => client.subscribe('containers:attach', { engineId: 'local', id, ...size }, { onEvent: () => undefined, onEnd })),
      streamEnd((onEnd) => client.subscribe('files:download', { engineId: 'local', id, path: '/etc' }, { onEvent: () => undefined, onEnd })),
    ]);
    expect(ended).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'invalid-input']);
    await stillServing();
  });
});

/** The code a subscription ends with. */
function streamEnd(open: (onEnd: (error?: unknown) => void) => void): Promise<string> {
  return new Promise((resolve) => open((error) => resolve(isMinatoError(error) ? error.code : 'ended without error')));
}
