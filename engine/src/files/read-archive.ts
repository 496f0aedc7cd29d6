import type Docker from 'dockerode';
import { extract, type Header } from 'tar-stream';

/** An entry's bytes: read them with for-await, or leave them (they are skipped). */
export type ArchiveEntryBody = AsyncIterable<Buffer>;

interface Readable extends NodeJS.ReadableStream {
  destroy(error?: Error): void;
}

/** Where an archive's entry names start: "/" for the root, "var/" for /var, "" for a single file. */
function entryName(header: Header): string {
  return header.name.replace(/^\/+/, '');
}

/**
 * Streams `GET /containers/{id}/archive` through a tar parser. `onEntry` sees each header and may read or skip its
 * body; returning false stops early. However it ends (done, stopped, failed, or `signal` aborted) the engine's
 * stream is destroyed: while it is open, dockerd holds the container locked (inspect and stop wait for it).
 */
export async function readArchive(
  container: Docker.Container,
  path: string,
  onEntry: (name: string, header: Header, body: ArchiveEntryBody) => Promise<boolean>,
  signal?: AbortSignal,
): Promise<void> {
  signal?.throwIfAborted();
  const source = (await container.getArchive({ path, ...(signal ? { abortSignal: signal } : {}) })) as unknown as Readable;
  const parser = extract();
  let stopped = false;
  const stop = () => {
    stopped = true;
    source.destroy();
    parser.destroy();
  };
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      onAbort = () => {
        stop();
        reject(signal?.reason as Error);
      };
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      parser.on('entry', (header, body, next) => {
        if (stopped) {
          body.resume();
          return next();
        }
        onEntry(entryName(header), header, body as unknown as ArchiveEntryBody)
          .then((goOn) => {
            if (!goOn) {
              stop();
              resolve();
              return;
            }
            body.on('end', () => next());
            body.resume();
          })
          .catch((error: Error) => {
            stop();
            reject(error);
          });
      });
      parser.on('finish', () => resolve());
      parser.on('error', (error) => (stopped ? resolve() : reject(error)));
      source.on('error', (error: Error) => (stopped ? resolve() : reject(error)));
      // tar-stream's parser is a streamx stream; Node's pipe() can write into it.
      source.pipe(parser as unknown as NodeJS.WritableStream);
    });
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    if (!stopped) stop();
  }
}
