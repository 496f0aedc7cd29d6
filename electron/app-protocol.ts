import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';

/**
 * The UI is served from `app://minato/`, not `file://`: a file: page shares its (opaque) origin with every file on
 * disk and may read them; a privileged standard scheme gives the page an origin of its own, so 'self' in the CSP,
 * the navigation guards and the IPC sender check all mean "the app" and nothing else.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'minato';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready: standard (real origin, relative URLs), secure (a secure context like https). */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request names inside `root`, or undefined. The URL parser already folded `..` segments; what is left is
 * decoded once and checked again, so `%2e%2e%2f`, `%2f`, a backslash (a separator on Windows) or a NUL never reach
 * the file system, and the final path must still lie under `root`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return undefined;
  const segments: string[] = [];
  for (const raw of url.pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..' || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const resolved = path.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
}

function refused(status: 403 | 404 | 405): Response {
  return new Response(null, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * `protocol.handle` for the app scheme: GET of existing files under the built renderer only. Symbolic links are
 * followed only when they stay inside the folder. Every answer carries the CSP, so it holds even if a session-wide
 * header hook never sees custom-scheme responses.
 */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refused(405);
    const file = resolveAppPath(root, request.url);
    if (!file) return refused(404);
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]).catch(() => [undefined, undefined]);
    if (!realRoot || !realFile) return refused(404);
    if (!realFile.startsWith(realRoot + path.sep)) return refused(403);
    const body = await readFile(realFile).catch(() => undefined);
    if (!body) return refused(404);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeType(realFile),
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
