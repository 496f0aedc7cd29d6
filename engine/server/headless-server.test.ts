import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionFactory, type MinatoEngine } from '../src/minato-engine';
import type { EngineHandlers } from '../src/rpc/handlers';
import { startHeadlessServer, type HeadlessServer } from './headless-server';

// A carrier test: a small engine of our own answers engines:list, so only the server's behaviour is under test.
const info = { id: 'local', name: 'Local', endpoint: 'unix:///x', source: 'default', state: 'connected', since: 0 } as const;
const handlers = { procedures: { 'engines:list': async () => [info] }, subscriptions: {} } as unknown as EngineHandlers;
const engine: MinatoEngine = { handlers, openSession: sessionFactory(handlers), close: async () => {} };

const staticDir = mkdtempSync(path.join(os.tmpdir(), 'minato-static-'));
let server: HeadlessServer;
const token = 'test-token-0123456789';

beforeAll(async () => {
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Minato</title>');
  server = await startHeadlessServer({ engine, host: '127.0.0.1', port: 0, token, staticDir });
});

afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(pathWithQuery: string, headers: Record<string, string> = {}) {
  return new Promise<http.IncomingMessage>((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: pathWithQuery, headers: { Host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
        res.resume();
        resolve(res);
      })
      .on('error', reject);
  });
}

function openSocket(headers: Record<string, string>) {
  return new Promise<{ status: number; socket?: WebSocket }>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('headless server', () => {
  it('prints a URL bound to loopback with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('trades the token in the URL for an HttpOnly cookie and cleans the URL', async () => {
    expect((await get('/')).statusCode).toBe(401);
    expect((await get('/?token=nope')).statusCode).toBe(401);
    const login = await get(`/?token=${token}&tab=logs`);
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe('/?tab=logs');
    expect(login.headers['set-cookie']?.[0]).toMatch(/^minato_token=.+; HttpOnly; SameSite=Strict; Path=\//);
    const page = await get('/', { Cookie: `minato_token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses a foreign Host even with the cookie', async () => {
    expect((await get('/', { Cookie: `minato_token=${token}`, Host: `evil.example:${server.port}` })).statusCode).toBe(403);
  });

  it('guards the WebSocket by token, Origin and Host, then carries the contract', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect((await openSocket({ Origin: origin })).status).toBe(401);
    expect((await openSocket({ Origin: 'http://evil.example', Cookie: `minato_token=${token}` })).status).toBe(403);
    const { status, socket } = await openSocket({ Origin: origin, Cookie: `minato_token=${token}` });
    expect(status).toBe(101);
    const reply = new Promise<unknown>((resolve) => socket!.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket!.send(JSON.stringify({ t: 'call', id: 1, method: 'engines:list', input: {} }));
    expect(await reply).toEqual({ t: 'result', id: 1, value: [info] });
    const malformed = new Promise<unknown>((resolve) => socket!.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket!.send('this is not json');
    expect(await malformed).toMatchObject({ t: 'error', error: { code: 'invalid-input' } });
    socket!.close();
  });
});

describe('headless server on every address (--host 0.0.0.0)', () => {
  // The machine as a remote browser sees it: one LAN address and a hostname.
  const machine = {
    addresses: () => [
      { address: '127.0.0.1', internal: true },
      { address: '10.11.12.13', internal: false },
    ],
    hostname: () => 'minato-box',
  };
  let wide: HeadlessServer;

  beforeAll(async () => {
    wide = await startHeadlessServer({ engine, host: '0.0.0.0', port: 0, token, staticDir, machine });
  });

  afterAll(async () => {
    await wide.close();
  });

  const page = (host: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: wide.port, path: '/', headers: { Host: `${host}:${wide.port}`, Cookie: `minato_token=${token}` } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject);
    });

  it('prints an address a browser elsewhere can open, not 0.0.0.0', () => {
    expect(wide.url).toBe(`http://10.11.12.13:${wide.port}/?token=${token}`);
  });

  it('answers a browser that names it by its LAN address or hostname, and still refuses other names', async () => {
    expect(await page('10.11.12.13')).toBe(200);
    expect(await page('minato-box.local')).toBe(200);
    expect(await page('localhost')).toBe(200);
    expect(await page('evil.example')).toBe(403);
    expect(await page('10.11.12.14')).toBe(403);
  });
});
