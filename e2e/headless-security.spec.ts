import http from 'node:http';
import WebSocket from 'ws';
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

function upgrade(url: string, headers: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

test.describe('headless mode guards the Docker engine', () => {
  test('rejects requests without the token, a foreign Host and a foreign Origin', async ({ server }) => {
    const host = `127.0.0.1:${server.port}`;
    expect((await request(server.port, '/', { Host: host })).status).toBe(401);
    expect((await request(server.port, '/?token=wrong', { Host: host })).status).toBe(401);

    const login = await request(server.port, `/?token=${server.token}`, { Host: host });
    expect([302, 303]).toContain(login.status);
    expect(login.headers.location).not.toContain(server.token);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^minato_token=/);
    expect(login.headers['set-cookie']?.[0]).toMatch(/HttpOnly/i);

    expect((await request(server.port, '/', { Host: host, Cookie: cookie })).status).toBe(200);
    expect((await request(server.port, '/', { Host: `evil.example:${server.port}`, Cookie: cookie })).status).toBe(403);

    const wsUrl = `ws://${host}/ws`;
    expect(await upgrade(wsUrl, { Origin: server.origin })).toBe(401);
    expect(await upgrade(wsUrl, { Origin: 'http://evil.example', Cookie: cookie })).toBe(403);
    expect(await upgrade(wsUrl, { Origin: server.origin, Cookie: cookie, Host: `evil.example:${server.port}` })).toBe(403);
    expect(await upgrade(wsUrl, { Origin: server.origin, Cookie: cookie })).toBe(101);
  });

  test('the token leaves the address bar', async ({ page, server }) => {
    await page.goto(server.url);
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
    expect(page.url()).not.toContain(server.token);
  });
});
