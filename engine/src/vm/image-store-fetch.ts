import { createWriteStream } from 'node:fs';
import { rm, stat, truncate } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MinatoError } from '../../contract';

export interface FetchContext {
  signal: AbortSignal;
  /** For the error messages: which image was asked for. */
  version: string;
  arch: string;
  /** No byte for this long and the connection is given up (then resumed): a stalled link does not hang the task. */
  idleTimeoutMs?: number;
}

const MAX_REDIRECTS = 5;

/** GET with redirects followed by hand, so an https download is never sent on over plain http. */
async function get(url: string, headers: Record<string, string>, signal: AbortSignal, context: FetchContext): Promise<Response> {
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(current, { headers, signal, redirect: 'manual' });
    } catch (error) {
      if (context.signal.aborted) throw context.signal.reason ?? error;
      throw new MinatoError('engine-unavailable', { key: 'vmImage.unreachable', params: { url: current.href, reason: reasonOf(error) } });
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location || hop >= MAX_REDIRECTS) return response;
    await response.body?.cancel();
    const next = new URL(location, current);
    if (current.protocol === 'https:' && next.protocol !== 'https:') {
      throw new MinatoError('permission-denied', { key: 'vmImage.insecureRedirect', params: { url: next.href } });
    }
    current = next;
  }
}

function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

function statusError(url: string, response: Response, context: FetchContext): MinatoError {
  return new MinatoError('not-found', {
    key: 'vmImage.httpStatus',
    params: { url, status: `${response.status} ${response.statusText}`.trim(), version: context.version, arch: context.arch },
  });
}

/** A small text file (the manifest and its checksum), refused beyond `limit` bytes. */
export async function fetchText(url: string, limit: number, context: FetchContext): Promise<string> {
  const response = await get(url, {}, context.signal, context);
  if (response.status !== 200) {
    await response.body?.cancel();
    throw statusError(url, response, context);
  }
  const text = await response.text();
  if (Buffer.byteLength(text) > limit) {
    throw new MinatoError('invalid-input', { key: 'vmImage.badManifest', params: { reason: `${url} is larger than ${limit} bytes` } });
  }
  return text;
}

const sizeOf = (path: string) => stat(path).then((info) => info.size, () => 0);

/**
 * Downloads `url` into `dest` until it holds `size` bytes, carrying on from the bytes already there (HTTP Range):
 * a cut connection loses nothing already written. Resolves once the file is whole; throws on the first failure
 * (the caller decides whether to try again). `onBytes` is told every chunk written.
 */
export async function fetchRange(url: string, dest: string, size: number, context: FetchContext, onBytes: (count: number) => void): Promise<void> {
  let have = await sizeOf(dest);
  if (have > size) {
    await rm(dest, { force: true });
    have = 0;
  }
  if (have === size) return;
  // Each attempt has its own controller: the idle timer ends this connection, the task's signal ends everything.
  const attempt = new AbortController();
  const onAbort = () => attempt.abort(context.signal.reason);
  context.signal.addEventListener('abort', onAbort, { once: true });
  const idleMs = context.idleTimeoutMs ?? 30_000;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const armIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(() => attempt.abort(new Error(`no data for ${idleMs / 1000} s`)), idleMs);
  };
  try {
    armIdle();
    const response = await get(url, have > 0 ? { range: `bytes=${have}-` } : {}, attempt.signal, context);
    let offset: number;
    if (response.status === 206) {
      const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1];
      if (Number(start) !== have) {
        await response.body?.cancel();
        throw new MinatoError('engine-error', { key: 'vmImage.unreachable', params: { url, reason: 'the server sent another part of the file' } });
      }
      offset = have;
    } else if (response.status === 200) {
      // The server does not do ranges: start again from the first byte.
      await truncate(dest).catch(() => undefined);
      offset = 0;
    } else {
      await response.body?.cancel();
      throw statusError(url, response, context);
    }
    if (!response.body) throw new MinatoError('engine-error', { key: 'vmImage.unreachable', params: { url, reason: 'empty answer' } });
    let written = offset;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        armIdle();
        written += chunk.length;
        // More than the manifest says is never written: the file could only fail its checksum.
        if (written > size) return callback(new MinatoError('invalid-input', { key: 'vmImage.size', params: { file: url } }));
        onBytes(chunk.length);
        callback(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), count, createWriteStream(dest, { flags: offset === 0 ? 'w' : 'a' }), {
      signal: attempt.signal,
    });
    if (written !== size) {
      throw new MinatoError('engine-unavailable', { key: 'vmImage.unreachable', params: { url, reason: `the connection ended after ${written} of ${size} bytes` } });
    }
  } catch (error) {
    // Cancelled: the caller's reason, not the stream's generic AbortError.
    if (context.signal.aborted) throw context.signal.reason ?? error;
    if (error instanceof MinatoError) throw error;
    throw new MinatoError('engine-unavailable', { key: 'vmImage.unreachable', params: { url, reason: reasonOf(error) } });
  } finally {
    clearTimeout(idle);
    context.signal.removeEventListener('abort', onAbort);
  }
}
