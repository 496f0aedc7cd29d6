import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, appProtocolHandler, resolveAppPath } from './app-protocol';

let base: string;
let renderer: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'minato-test-protocol-'));
  renderer = path.join(base, 'renderer');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await writeFile(path.join(renderer, 'index.html'), '<!doctype html><title>Minato</title>');
  await writeFile(path.join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(renderer, 'assets', 'font.woff2'), 'w');
  await writeFile(path.join(renderer, 'assets', 'a b.svg'), '<svg/>');
  await writeFile(path.join(renderer, 'assets', 'blob.xyz'), 'x');
  await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  await symlink(path.join(base, 'secret.txt'), path.join(renderer, 'assets', 'link.txt'));
  handle = appProtocolHandler(renderer);
});
afterAll(() => rm(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

describe('the app:// protocol', () => {
  it('serves the built renderer with its MIME types and the CSP', async () => {
    const page = await get(APP_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Minato</title>');
    expect((await get('app://minato/')).status).toBe(200);
    expect((await get('app://minato/assets/index-abc.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://minato/assets/index-abc.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://minato/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect((await get('app://minato/assets/blob.xyz')).headers.get('content-type')).toBe('application/octet-stream');
    expect(await (await get('app://minato/assets/a%20b.svg')).text()).toBe('<svg/>');
  });

  it('never leaves the renderer folder, however the path is written', async () => {
    const attempts = [
      'app://minato/../secret.txt',
      'app://minato/assets/../../secret.txt',
      'app://minato/%2e%2e/secret.txt',
      'app://minato/..%2fsecret.txt',
      'app://minato/..%2Fsecret.txt',
      'app://minato/%2e%2e%2fsecret.txt',
      'app://minato/..%5csecret.txt',
      'app://minato/assets%2f..%2f..%2fsecret.txt',
      'app://minato/%252e%252e/secret.txt',
      'app://minato/index.html%00.js',
      'app://minato/../renderer-evil/x.js',
      `app://minato/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
      'app://minato/C:%5cWindows%5cwin.ini',
      'app://minato/%',
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
  });

  it('refuses a symbolic link that points outside the folder', async () => {
    expect((await get('app://minato/assets/link.txt')).status).toBe(403);
  });

  it('answers only for its own host and scheme, and only GET/HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    expect((await get('app://minato.evil/index.html')).status).toBe(404);
    expect((await get('app://minato/missing.js')).status).toBe(404);
    expect((await get('app://minato/assets')).status).toBe(404);
    expect((await get(APP_URL, 'POST')).status).toBe(405);
    const head = await get(APP_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('resolves paths without touching the disk', () => {
    expect(resolveAppPath('/r', 'app://minato/assets/x.js')).toBe(path.resolve('/r/assets/x.js'));
    expect(resolveAppPath('/r', 'app://minato/')).toBe(path.resolve('/r/index.html'));
    expect(resolveAppPath('/r', 'file:///r/index.html')).toBeUndefined();
    expect(resolveAppPath('/r', 'not a url')).toBeUndefined();
  });
});
