import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeToken, tokenProtocols } from '../engine/server/credentials';
import { descendants, isRunning, portAnswers, waitFor } from './test-support/processes';

const root = path.resolve(import.meta.dirname, '..');
const token = randomBytes(24).toString('base64url');
let npm: ChildProcess | undefined;
const startedPids: number[] = [];

afterAll(() => {
  if (npm && npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
  for (const pid of startedPids.filter(isRunning)) process.kill(pid, 'SIGKILL');
});

/** Opens a WebSocket through the dev server and says how it went: the first answer, or the HTTP status refusing it. */
function openSocket(url: string, origin: string, protocols: string[], headers: Record<string, string> = {}): Promise<{ answer?: { id: number }; status?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, { origin, headers });
    socket.once('open', () => socket.send(JSON.stringify({ t: 'call', id: 1, method: 'engines:list', input: {} })));
    socket.once('message', (data) => {
      socket.close();
      resolve({ answer: JSON.parse(String(data)) as { id: number } });
    });
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate();
      resolve({ status: response.statusCode });
    });
    socket.once('error', reject);
  });
}

describe.runIf(process.platform === 'linux')('npm run dev', () => {
  it('serves the renderer with hot reload, proxies /ws to the engine behind the token, and stops whole', async () => {
    npm = spawn('npm', ['run', 'dev'], {
      cwd: root,
      env: { ...process.env, MINATO_TOKEN: token, DOCKER_HOST: process.env.MINATO_TEST_DOCKER_HOST ?? 'unix:///nonexistent/minato-test.sock' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const stderr: string[] = [];
    npm.stderr!.on('data', (chunk: Buffer) => stderr.push(String(chunk)));
    const address = await new Promise<URL>((resolve, reject) => {
      readline.createInterface({ input: npm!.stdout! }).on('line', (line) => {
        const match = /^Minato \(dev\) is serving at (\S+)$/.exec(line);
        if (match) resolve(new URL(match[1]!));
      });
      npm!.once('exit', (code) => reject(new Error(`npm run dev exited (${code}): ${stderr.join('')}`)));
    });
    expect(address.searchParams.get('token')).toBe(token);
    const origin = address.origin;
    const tree = descendants(npm.pid!);
    startedPids.push(...tree);

    // vite's page: it loads vite's client, which is what hot reload runs on.
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/@vite/client');

    // The page's token check and the WebSocket reach the engine through the proxy, still behind the token.
    const check = (bearer: string) => fetch(`${origin}/ws`, { headers: { Authorization: `Bearer ${bearer}` } }).then((response) => response.status);
    expect(await check(encodeToken(token))).toBe(204);
    expect(await check(encodeToken('wrong'))).toBe(401);
    const socketUrl = `${origin.replace(/^http/, 'ws')}/ws`;
    // engines:list answers whether or not an engine is reachable: the session on the other side is the engine's.
    expect((await openSocket(socketUrl, origin, tokenProtocols(token))).answer).toMatchObject({ t: 'result', id: 1 });
    expect((await openSocket(socketUrl, origin, tokenProtocols('wrong'))).status).toBe(401);
    // A page from elsewhere keeps its Origin through the proxy, and the engine refuses it.
    expect((await openSocket(socketUrl, 'http://evil.example', tokenProtocols(token))).status).toBe(403);
    // A DNS-rebound page (evil.example resolving to 127.0.0.1) names itself in Host and Origin alike: refused too.
    const rebound = `evil.example:${address.port}`;
    expect((await openSocket(socketUrl, `http://${rebound}`, tokenProtocols(token), { Host: rebound })).status).toBe(403);

    npm.kill('SIGTERM');
    await waitFor(() => npm!.exitCode !== null || npm!.signalCode !== null, 'npm to exit');
    await waitFor(() => tree.every((pid) => !isRunning(pid)), `processes ${tree.filter(isRunning).join(', ')} to end`);
    expect(await portAnswers(Number(address.port))).toBe(false);
  });
});
