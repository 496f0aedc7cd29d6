import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionFactory, type MinatoEngine } from '../src/minato-engine';
import type { EngineHandlers } from '../src/rpc/handlers';
import { encodeToken, staticCookieName, staticCookieValue, tokenProtocols } from './credentials';
import { startHeadlessServer, type HeadlessServer } from './headless-server';

// A carrier test: a small engine of our own answers engines:list, so only the server's behaviour is under test.
const info = {
  id: 'local', name: 'Local', endpoint: 'unix:///x', source: 'default', state: 'connected', since: 0, kind: 'local', address: 'unix:///x',
  capabilities: { checkHostPorts: true, bindFolders: 'local', publishedPorts: { via: 'direct', host: 'localhost' } },
} as const;
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

function openSocket(headers: Record<string, string>, protocols: string[] = []) {
  return new Promise<{ status: number; socket?: WebSocket }>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, protocols, { headers });
    socket.once('open', () => resolve({ status: 101, socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
    socket.once('error', () => resolve({ status: 0 }));
  });
}

describe('headless server', () => {
  it('prints a URL bound to loopback with the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  const cookie = () => `${staticCookieName(server.port)}=${staticCookieValue(token)}`;

  it('serves the page for the token in the URL and sets a per-port cookie that is not the token', async () => {
    expect((await get('/')).statusCode).toBe(401);
    expect((await get('/?token=nope')).statusCode).toBe(401);
    const login = await get(`/?token=${token}&tab=logs`);
    expect(login.statusCode).toBe(200);
    const setCookie = login.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^minato_token_${server.port}=[^;]+; HttpOnly; SameSite=Strict; Path=/$`));
    expect(setCookie).not.toContain(token);
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves static files with the cookie and refuses them without it', async () => {
    const page = await get('/', { Cookie: cookie() });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/index.html')).statusCode).toBe(401);
    expect((await get('/', { Cookie: `minato_token=${token}` })).statusCode).toBe(401);
    expect((await get('/', { Cookie: `${staticCookieName(server.port + 1)}=${staticCookieValue(token)}` })).statusCode).toBe(401);
  });

  it('refuses a foreign Host even with the cookie', async () => {
    expect((await get('/', { Cookie: cookie(), Host: `evil.example:${server.port}` })).statusCode).toBe(403);
  });

  it('tells the page over HTTP whether its token is good, never for the cookie', async () => {
    expect((await get('/ws', { Authorization: `Bearer ${encodeToken(token)}` })).statusCode).toBe(204);
    expect((await get('/ws', { Authorization: `Bearer ${encodeToken('nope')}` })).statusCode).toBe(401);
    expect((await get('/ws', { Cookie: cookie() })).statusCode).toBe(401);
  });

  it('opens /ws for the token in the handshake only: the cookie alone or a wrong token get 401', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    expect((await openSocket({ Origin: origin })).status).toBe(401);
    expect((await openSocket({ Origin: origin, Cookie: cookie() })).status).toBe(401);
    expect((await openSocket({ Origin: origin, Cookie: `minato_token=${token}` })).status).toBe(401);
    expect((await openSocket({ Origin: origin, Cookie: cookie() }, tokenProtocols('nope'))).status).toBe(401);
    expect((await openSocket({ Origin: origin }, [tokenProtocols(token)[1]!])).status).toBe(401);
    expect((await openSocket({ Origin: 'http://evil.example' }, tokenProtocols(token))).status).toBe(403);
    expect((await openSocket({ Origin: origin, Host: `evil.example:${server.port}` }, tokenProtocols(token))).status).toBe(403);
  });

  it('upgrades for the token in the handshake, answers with the plain protocol, then carries the contract', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    const { status, socket } = await openSocket({ Origin: origin }, tokenProtocols(token));
    expect(status).toBe(101);
    expect(socket!.protocol).toBe('minato');
    const reply = new Promise<unknown>((resolve) => socket!.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket!.send(JSON.stringify({ t: 'call', id: 1, method: 'engines:list', input: {} }));
    expect(await reply).toEqual({ t: 'result', id: 1, value: [info] });
    const malformed = new Promise<unknown>((resolve) => socket!.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket!.send('this is not json');
    expect(await malformed).toMatchObject({ t: 'error', error: { code: 'invalid-input' } });
    socket!.close();
  });

  it('accepts a MINATO_TOKEN with characters a subprotocol could not carry raw', async () => {
    const odd = await startHeadlessServer({ engine, host: '127.0.0.1', port: 0, token: 'pass word/é=', staticDir });
    try {
      const socket = new WebSocket(`ws://127.0.0.1:${odd.port}/ws`, tokenProtocols('pass word/é='), { headers: { Origin: odd.origin } });
      await new Promise((resolve, reject) => {
        socket.once('open', resolve);
        socket.once('error', reject);
      });
      socket.close();
    } finally {
      await odd.close();
    }
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
        .get({ host: '127.0.0.1', port: wide.port, path: '/', headers: { Host: `${host}:${wide.port}`, Cookie: `${staticCookieName(wide.port)}=${staticCookieValue(token)}` } }, (res) => {
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
