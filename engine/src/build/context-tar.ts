import { close, constants, fstat, open, read, type Stats } from 'node:fs';
import { open as openFile, readlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { MinatoError } from '../../contract';
import type { ContextEntry } from './context-walk';
import { encodeHeader, END_OF_ARCHIVE, padding, type TarHeader } from './tar-header';

/** Files up to this size are read whole; larger ones stream through in chunks of CHUNK. */
const WHOLE_FILE_LIMIT = 512 * 1024;
const CHUNK = 512 * 1024;
/** Small entries are sent in batches of about this size (fewer, larger writes to the engine). */
const BATCH = 256 * 1024;
/** Small files read ahead of the one being sent, to hide each read's latency: bounded in count and bytes. */
const AHEAD_FILES = 16;
const AHEAD_BYTES = 4 * 1024 * 1024;

function headerOf(entry: ContextEntry, hardlinkTo: string | undefined): TarHeader {
  const { stats } = entry;
  const base = { name: entry.relative, mode: stats.mode, mtime: Math.floor(stats.mtimeMs / 1000) };
  if (entry.data) return { ...base, type: 'file', size: entry.data.length };
  if (hardlinkTo !== undefined) return { ...base, type: 'link', linkname: hardlinkTo };
  if (stats.isDirectory()) return { ...base, type: 'directory' };
  if (stats.isSymbolicLink()) return { ...base, type: 'symlink' };
  if (stats.isFIFO()) return { ...base, type: 'fifo' };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return { ...base, type: stats.isCharacterDevice() ? 'character-device' : 'block-device', devmajor: Math.floor(stats.rdev / 256), devminor: stats.rdev % 256 };
  }
  return { ...base, type: 'file', size: stats.size };
}

function changedWhileSent(entry: ContextEntry): MinatoError {
  return new MinatoError('conflict', `${entry.relative} changed while the build context was being sent: try again once it stays put.`);
}

/**
 * Files are opened without following a link, and what was opened must be the very file the walk listed (same device
 * and inode): a folder shared with a container could otherwise swap a listed file, or a folder above it, for a link
 * to a host file (a private key) between the listing and the read, and send that file into the image.
 */
const OPEN_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW;

function sameFile(listed: Stats, opened: Stats): boolean {
  return opened.isFile() && listed.dev === opened.dev && listed.ino === opened.ino;
}

/**
 * A small file read whole: one open, one read, one close through the callback API (fs/promises' readFile costs a
 * FileHandle per file, which shows at 50,000 files). One byte more than expected is asked for, so a file that grew
 * since it was listed is noticed; the answer holds what was read.
 */
function readSmall(entry: ContextEntry): Promise<Buffer> {
  const size = entry.stats.size;
  return new Promise((resolve, reject) => {
    open(entry.absolute, OPEN_FLAGS, (openError, fd) => {
      if (openError) return reject(openError.code === 'ELOOP' ? changedWhileSent(entry) : openError);
      fstat(fd, (statError, opened) => {
        if (statError || !sameFile(entry.stats, opened)) {
          close(fd, () => reject(statError ?? changedWhileSent(entry)));
          return;
        }
        readOpened(fd, size, resolve, reject);
      });
    });
  });
}

function readOpened(fd: number, size: number, resolve: (data: Buffer) => void, reject: (error: Error) => void): void {
  const buffer = Buffer.allocUnsafe(size + 1);
  const readFrom = (offset: number) =>
    read(fd, buffer, offset, buffer.length - offset, offset, (readError, count) => {
      if (readError || count === 0 || offset + count === buffer.length) {
        close(fd, () => (readError ? reject(readError) : resolve(buffer.subarray(0, offset + count))));
        return;
      }
      readFrom(offset + count);
    });
  readFrom(0);
}

interface Upcoming {
  entry: ContextEntry;
  /** A small file's content, being read already. */
  content?: Promise<Buffer>;
}

/** What an entry holds in memory while it waits in the read-ahead window. */
function sizeAhead(entry: ContextEntry): number {
  if (entry.data) return entry.data.length;
  return entry.stats.isFile() && entry.stats.size <= WHOLE_FILE_LIMIT ? entry.stats.size : 0;
}

/** The walk's entries with the next few small files already being read: a bounded window, never the whole folder. */
async function* readAhead(entries: AsyncIterable<ContextEntry>): AsyncGenerator<Upcoming> {
  const iterator = entries[Symbol.asyncIterator]();
  const window: Upcoming[] = [];
  let bytes = 0;
  let ended = false;
  try {
    for (;;) {
      while (!ended && window.length < AHEAD_FILES && bytes < AHEAD_BYTES) {
        const next = await iterator.next();
        if (next.done) {
          ended = true;
          break;
        }
        const entry = next.value;
        const small = entry.stats.isFile() && entry.stats.size <= WHOLE_FILE_LIMIT;
        const content = entry.data ? Promise.resolve(entry.data) : small ? readSmall(entry) : undefined;
        // Awaited when its turn comes; until then a failure must not count as unhandled.
        content?.catch(() => undefined);
        bytes += sizeAhead(entry);
        window.push(content ? { entry, content } : { entry });
      }
      const upcoming = window.shift();
      if (!upcoming) return;
      bytes -= sizeAhead(upcoming.entry);
      yield upcoming;
    }
  } finally {
    await iterator.return?.();
  }
}

/** What was sent so far, for progress: entries and bytes of file content. */
export interface PackCounters {
  files: number;
  bytes: number;
}

async function* tarChunks(entries: AsyncIterable<ContextEntry>, counters: PackCounters): AsyncGenerator<Buffer> {
  const seen = new Map<string, string>();
  let batch: Buffer[] = [];
  let batched = 0;
  const add = (...parts: Buffer[]) => {
    for (const part of parts) {
      batch.push(part);
      batched += part.length;
    }
  };
  const take = () => {
    const chunk = Buffer.concat(batch, batched);
    batch = [];
    batched = 0;
    return chunk;
  };
  for await (const { entry, content } of readAhead(entries)) {
    let hardlinkTo: string | undefined;
    if (!entry.data && entry.stats.isFile() && entry.stats.nlink > 1) {
      const inode = `${entry.stats.dev}:${entry.stats.ino}`;
      hardlinkTo = seen.get(inode);
      if (hardlinkTo === undefined) seen.set(inode, entry.relative);
    }
    const header = headerOf(entry, hardlinkTo);
    if (header.type === 'symlink') header.linkname = await readlink(entry.absolute);
    const size = header.type === 'file' ? (header.size ?? 0) : 0;
    if (header.type !== 'file') add(encodeHeader(header));
    else if (content) {
      const data = await content;
      if (data.length !== size) throw changedWhileSent(entry);
      add(encodeHeader(header), data, padding(size));
    } else {
      if (batched > 0) yield take();
      yield encodeHeader(header);
      let sent = 0;
      // No further than the size in the header: a file that grows meanwhile is cut there, one that shrinks fails.
      const handle = await openFile(entry.absolute, OPEN_FLAGS).catch((error: NodeJS.ErrnoException) => {
        throw error.code === 'ELOOP' ? changedWhileSent(entry) : error;
      });
      try {
        if (!sameFile(entry.stats, await handle.stat())) throw changedWhileSent(entry);
        for await (const chunk of handle.createReadStream({ highWaterMark: CHUNK, end: size - 1, autoClose: false }) as AsyncIterable<Buffer>) {
          sent += chunk.length;
          yield chunk;
        }
      } finally {
        await handle.close();
      }
      if (sent !== size) throw changedWhileSent(entry);
      add(padding(size));
    }
    counters.files++;
    counters.bytes += size;
    if (batched >= BATCH) yield take();
  }
  add(END_OF_ARCHIVE);
  yield take();
}

/**
 * The build context as a tar stream, packed as the docker CLI packs it: the next part is read only when the engine
 * has taken the previous ones (the returned stream's consumer sets the pace), so a context of any size holds at most
 * one large file's chunk, or a small window of small files, in memory. A file with several hard links is sent once,
 * then as links to it. Destroying the stream stops the walk and closes any open file.
 */
export function packContext(entries: AsyncIterable<ContextEntry>, counters: PackCounters = { files: 0, bytes: 0 }): Readable {
  return Readable.from(tarChunks(entries, counters), { objectMode: false, highWaterMark: BATCH });
}
