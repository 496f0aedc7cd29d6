import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { tokenProtocols } from '../engine/server/credentials';
import { expect, test } from './support/fixtures';

function request(port: number, pathWithQuery: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathWithQuery, headers }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

function upgrade(url: string, headers: Record<string, string>, protocols: string[] = []) {
  return new Promise<{ status: number; protocol?: string }>((resolve) => {
    const socket = new WebSocket(url, protocols, { headers });
    socket.on('open', () => {
      socket.close();
      resolve({ status: 101, protocol: socket.protocol });
    });
    socket.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    socket.on('error', () => resolve({ status: 0 }));
  });
}

/** Another server on this host, as a container's published port would be: it records what the browser sends it. */
async function bystander() {
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Some container</title><p>hello</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

test.describe('headless mode guards the Docker engine', () => {
  test('rejects requests without the token, a foreign Host and a foreign Origin', async ({ server }) => {
    const host = `127.0.0.1:${server.port}`;
    expect((await request(server.port, '/', { Host: host })).status).toBe(401);
    expect((await request(server.port, '/?token=wrong', { Host: host })).status).toBe(401);

    const login = await request(server.port, `/?token=${server.token}`, { Host: host });
    expect(login.status).toBe(200);
    const setCookie = String(login.headers['set-cookie']?.[0] ?? '');
    const cookie = setCookie.split(';')[0]!;
    expect(cookie).toMatch(new RegExp(`^minato_token_${server.port}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).not.toContain(server.token);

    expect((await request(server.port, '/', { Host: host, Cookie: cookie })).status).toBe(200);
    expect((await request(server.port, '/', { Host: `evil.example:${server.port}`, Cookie: cookie })).status).toBe(403);

    const wsUrl = `ws://${host}/ws`;
    const protocols = tokenProtocols(server.token);
    expect((await upgrade(wsUrl, { Origin: server.origin })).status).toBe(401);
    expect((await upgrade(wsUrl, { Origin: server.origin, Cookie: cookie })).status).toBe(401);
    expect((await upgrade(wsUrl, { Origin: server.origin }, tokenProtocols('wrong'))).status).toBe(401);
    expect((await upgrade(wsUrl, { Origin: 'http://evil.example' }, protocols)).status).toBe(403);
    expect((await upgrade(wsUrl, { Origin: server.origin, Host: `evil.example:${server.port}` }, protocols)).status).toBe(403);
    expect(await upgrade(wsUrl, { Origin: server.origin }, protocols)).toEqual({ status: 101, protocol: 'minato' });
  });

  test('the token leaves the address bar', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
    expect(page.url()).not.toContain(server.token);
  });

  test('what the browser sends to another port on this host does not open /ws', async ({ page, server }) => {
    const other = await bystander();
    try {
      await page.goto(server.url);
      await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
      await page.goto(`http://127.0.0.1:${other.port}/`);
      await expect(page.getByText('hello')).toBeVisible();

      const sent = other.seen[0]!;
      // Cookies ignore the port: the static cookie does reach the other server, which is why it cannot open /ws.
      expect(sent.cookie).toContain(`minato_token_${server.port}=`);
      expect(JSON.stringify(other.seen)).not.toContain(server.token);
      const forged = { Origin: server.origin, Cookie: sent.cookie ?? '' };
      expect((await upgrade(`ws://127.0.0.1:${server.port}/ws`, forged)).status).toBe(401);
      expect((await request(server.port, '/ws', { Host: `127.0.0.1:${server.port}`, Cookie: forged.Cookie })).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  test('a tab opened on the bare address asks for the token and connects once it is pasted', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();

    const tab = await page.context().newPage();
    await tab.goto(`${server.origin}/`);
    await expect(tab.getByRole('heading', { name: 'Minato needs its token' })).toBeVisible();
    const field = tab.getByLabel('Address or token');
    await field.fill('not-the-token');
    await tab.getByRole('button', { name: 'Connect' }).click();
    await expect(tab.getByRole('alert').filter({ hasText: 'Minato refused this token' })).toBeVisible();

    await field.fill(server.url);
    await tab.getByRole('button', { name: 'Connect' }).click();
    await expect(tab.getByRole('grid', { name: 'Containers' })).toBeVisible();
    await expect(tab.getByRole('heading', { name: 'Minato needs its token' })).toHaveCount(0);
    await tab.close();
  });
});
