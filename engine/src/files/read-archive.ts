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
 * body; returning false stops early (the engine's stream is closed).
 */
export async function readArchive(
  container: Docker.Container,
  path: string,
  onEntry: (name: string, header: Header, body: ArchiveEntryBody) => Promise<boolean>,
): Promise<void> {
  const source = (await container.getArchive({ path })) as unknown as Readable;
  const parser = extract();
  let stopped = false;
  await new Promise<void>((resolve, reject) => {
    parser.on('entry', (header, body, next) => {
      if (stopped) {
        body.resume();
        return next();
      }
      onEntry(entryName(header), header, body as unknown as ArchiveEntryBody)
        .then((goOn) => {
          if (!goOn) {
            stopped = true;
            source.destroy();
            parser.destroy();
            resolve();
            return;
          }
          body.on('end', () => next());
          body.resume();
        })
        .catch((error: Error) => {
          source.destroy();
          reject(error);
        });
    });
    parser.on('finish', () => resolve());
    parser.on('error', (error) => (stopped ? resolve() : reject(error)));
    source.on('error', (error: Error) => (stopped ? resolve() : reject(error)));
    // tar-stream's parser is a streamx stream; Node's pipe() can write into it.
    source.pipe(parser as unknown as NodeJS.WritableStream);
  });
}
