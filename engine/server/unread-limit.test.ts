import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionFactory, type MinatoEngine } from '../src/minato-engine';
import type { EngineHandlers } from '../src/rpc/handlers';
import { tokenProtocols } from './credentials';
import { startHeadlessServer, type HeadlessServer } from './headless-server';

// A push topic with no credit window, producing as fast as a busy engine could, to a client that stops reading.
let disposed = 0;
const payload = 'x'.repeat(64 * 1024);
const handlers = {
  procedures: {},
  subscriptions: {
    'containers:stats': (_input: unknown, emit: (event: unknown) => void) => {
      const timer = setInterval(() => {
        for (let i = 0; i < 16; i++) {
          emit({ padding: payload });
        }
      }, 1);
      return () => {
        clearInterval(timer);
        disposed++;
      };
    },
  },
} as unknown as EngineHandlers;
const engine: MinatoEngine = { handlers, openSession: sessionFactory(handlers), close: async () => {} };

const staticDir = mkdtempSync(path.join(os.tmpdir(), 'minato-static-'));
const token = 'unread-limit-token-0123456789abcdef';
let server: HeadlessServer;

beforeAll(async () => {
  server = await startHeadlessServer({ engine, host: '127.0.0.1', port: 0, token, staticDir, maxUnreadBytes: 1024 * 1024 });
});

afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('a client that stops reading', () => {
  it('is dropped once its unread bytes pass the cap, and its streams end, instead of the server buffering on', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, tokenProtocols(token), { headers: { Origin: origin } });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ t: 'sub', id: 1, topic: 'containers:stats', input: { engineId: 'local', id: 'web' } }));
    // Stop reading at the TCP level: the kernel's buffers fill, then the server's.
    (socket as unknown as { _socket: Socket })._socket.pause();
    const deadline = Date.now() + 20_000;
    while (disposed === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    // The session closed (its stream disposed) because the server dropped the socket: nothing else ends it here.
    expect(disposed).toBe(1);
    socket.terminate();
  });
});
