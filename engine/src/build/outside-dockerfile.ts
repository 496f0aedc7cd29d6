import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { ContextEntry } from './context-walk';

/** A Dockerfile outside the context folder, read whole (the CLI reads it whole too), and the name it gets in the tar. */
export interface OutsideDockerfile {
  name: string;
  text: Buffer;
  stats: Stats;
  absolute: string;
}

/** The CLI's name for it: `.dockerfile.` and 20 random hex digits, so it meets no file of the context. */
export async function readOutsideDockerfile(absolute: string): Promise<OutsideDockerfile> {
  const [text, stats] = await Promise.all([readFile(absolute), stat(absolute)]);
  return { name: `.dockerfile.${randomBytes(10).toString('hex')}`, text, stats, absolute };
}

/**
 * The context with a Dockerfile from outside it, packed as `docker build -f ../Dockerfile .` packs it: the file is
 * added under its generated name, and that name is appended to the `.dockerignore` sent (one holding `.dockerignore`
 * and the name is added when the folder has none), so the classic builder drops both from what COPY sees. The
 * folder's own `.dockerignore` is read from disk, never changed.
 */
export async function* withOutsideDockerfile(entries: AsyncIterable<ContextEntry>, dockerfile: OutsideDockerfile): AsyncGenerator<ContextEntry> {
  const line = Buffer.from(`\n${dockerfile.name}\n`);
  let ignoreSent = false;
  for await (const entry of entries) {
    if (entry.relative !== '.dockerignore') {
      yield entry;
      continue;
    }
    ignoreSent = true;
    yield entry.stats.isFile() ? { ...entry, data: Buffer.concat([await readFile(entry.absolute), line]) } : entry;
  }
  if (!ignoreSent) yield { relative: '.dockerignore', absolute: dockerfile.absolute, stats: dockerfile.stats, data: Buffer.from(`.dockerignore${line.toString()}`) };
  yield { relative: dockerfile.name, absolute: dockerfile.absolute, stats: dockerfile.stats, data: dockerfile.text };
}
