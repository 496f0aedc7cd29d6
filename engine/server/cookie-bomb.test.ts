import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionFactory, type MinatoEngine } from '../src/minato-engine';
import type { EngineHandlers } from '../src/rpc/handlers';
import { staticCookieName, staticCookieValue, tokenProtocols } from './credentials';
import { startHeadlessServer, type HeadlessServer } from './headless-server';

// A carrier test: an engine that answers nothing, so only the server's door is under test.
const handlers = { procedures: {}, subscriptions: {} } as unknown as EngineHandlers;
const engine: MinatoEngine = { handlers, openSession: sessionFactory(handlers), close: async () => {} };
const staticDir = mkdtempSync(path.join(os.tmpdir(), 'minato-static-bomb-'));
const token = 'cookie-bomb-token-0123456789abcdef';
let server: HeadlessServer;

beforeAll(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Minato</title>');
  server = await startHeadlessServer({ engine, host: '127.0.0.1', port: 0, token, staticDir });
});

afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

/**
 * What the browser sends to every port of 127.0.0.1 after a page on another port of it (a container's web app the
 * person opened) filled its cookie jar: as many cookies as a browser keeps for one host, each near its 4 KB limit.
 */
const bomb = Array.from({ length: 180 }, (_, index) => `bomb${index}=${'x'.repeat(4000)}`).join('; ');

function get(cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('a cookie jar filled by another page on this host', () => {
  it('still serves the UI to its own cookie', async () => {
    expect(await get(`${bomb}; ${staticCookieName(server.port)}=${staticCookieValue(token)}`)).toBe(200);
  });

  it('still opens the WebSocket for the token', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, tokenProtocols(token), {
        headers: { Origin: server.origin, Cookie: bomb },
      });
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.once('error', () => resolve(0));
    });
    expect(status).toBe(101);
  });
});
