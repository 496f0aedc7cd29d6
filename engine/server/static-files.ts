import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Resolves a URL path inside `root`; undefined when it would step outside (`..`, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const resolved = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : undefined;
}

/** Serves the built renderer; unknown paths fall back to index.html (the app routes itself). */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse, headers: Record<string, string>): Promise<void> {
  const target = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  let file = target;
  if (file) {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) file = undefined;
  }
  file ??= path.join(root, 'index.html');
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    response.end('The UI is not built. Run `npm run build:renderer` (npm run serve does it for you).\n');
    return;
  }
  const isHtml = file.endsWith('.html');
  response.writeHead(200, {
    'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(info.size),
    'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    ...headers,
  });
  createReadStream(file).pipe(response);
}
