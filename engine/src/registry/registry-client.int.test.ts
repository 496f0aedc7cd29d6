import http from 'node:http';
import type net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenServer, type TokenServer } from '../../../scripts/test-support/token-server';
import { createRegistryClient } from './registry-client';

let dir: string;
let tokens: TokenServer;
let server: http.Server;
let address: string;
const seen: Array<string | undefined> = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-scopes-'));
  tokens = await startTokenServer(dir, 'ann', 'secret-ann');
  // A registry front of the test's own whose challenge names two scopes at once, as registries do for a cross-repository mount.
  server = http.createServer((request, response) => {
    seen.push(request.headers.authorization);
    if (!request.headers.authorization?.startsWith('Bearer ')) {
      response
        .writeHead(401, { 'www-authenticate': `Bearer realm="${tokens.realm}",service="${tokens.service}",scope="repository:team/a:pull repository:team/b:pull,push"` })
        .end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"tags":["1"],"name":"team/a"}');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  address = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await tokens.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('Bearer challenges with several scopes', () => {
  it('asks the token endpoint with each scope as its own scope=, then retries with the token', async () => {
    const client = createRegistryClient({ location: { address, url: `http://${address}`, plainHttp: true }, login: async () => ({ username: 'ann', password: 'secret-ann' }) });
    const response = await client.request('/v2/team/a/tags/list');
    expect(response.status).toBe(200);
    await response.body?.cancel();
    expect(tokens.requests).toEqual([['repository:team/a:pull', 'repository:team/b:pull,push']]);
    expect(seen[0]).toBeUndefined();
    expect(seen[1]).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    // The token is kept for the scope: the next request goes straight through.
    await (await client.request('/v2/team/a/tags/list')).body?.cancel();
    expect(tokens.requests).toHaveLength(1);
    expect(seen).toHaveLength(3);
  });

  it('a token endpoint that refuses the login reads as a wrong login', async () => {
    const client = createRegistryClient({ location: { address, url: `http://${address}`, plainHttp: true }, login: async () => ({ username: 'ann', password: 'not-it' }) });
    await expect(client.request('/v2/team/a/tags/list')).rejects.toMatchObject({ code: 'permission-denied', key: 'registry.wrongLogin' });
  });
});

describe('where a login may go', () => {
  it('an HTTPS registry naming a plain-HTTP realm gets no login sent there', async () => {
    const before = tokens.requests.length;
    // The location says HTTPS; the fetch is steered to the test's plain front so its challenge is what answers.
    const client = createRegistryClient({
      location: { address, url: `https://${address}`, plainHttp: false },
      login: async () => ({ username: 'ann', password: 'secret-ann' }),
      fetch: (input, init) => fetch(String(input).replace(/^https:\/\/127\.0\.0\.1/, 'http://127.0.0.1'), init),
    });
    await expect(client.request('/v2/team/a/tags/list')).rejects.toMatchObject({ key: 'registry.badAnswer', params: { what: 'a plain-HTTP token realm' } });
    expect(tokens.requests.length).toBe(before);
  });
});
