import { createReadStream } from 'node:fs';
import { readFile, readlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import { MinatoError } from '../../contract';
import type { ContextEntry } from './context-walk';

/** Files up to this size are read in one go; larger ones stream through in chunks. */
const WHOLE_FILE_LIMIT = 512 * 1024;
const CHUNK = 256 * 1024;

type Header = Partial<tar.Header> & Pick<tar.Header, 'name'>;
type Sink = ReturnType<tar.Pack['entry']>;

function headerOf(entry: ContextEntry, hardlinkTo: string | undefined): Header {
  const { stats } = entry;
  // Owned by root, as the CLI sends every entry (`ChownOpts 0:0`); times to the second, as it truncates them.
  const base = { name: entry.relative, mode: stats.mode & 0o7777, uid: 0, gid: 0, mtime: new Date(Math.floor(stats.mtimeMs / 1000) * 1000) };
  if (hardlinkTo !== undefined) return { ...base, type: 'link', linkname: hardlinkTo, size: 0 };
  if (stats.isDirectory()) return { ...base, type: 'directory' };
  if (stats.isSymbolicLink()) return { ...base, type: 'symlink' };
  if (stats.isFIFO()) return { ...base, type: 'fifo' };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return { ...base, type: stats.isCharacterDevice() ? 'character-device' : 'block-device', devmajor: Math.floor(stats.rdev / 256), devminor: stats.rdev % 256 };
  }
  return { ...base, type: 'file', size: stats.size };
}

/** The entry can take more, or it was torn down (the upload was aborted): never wait on a sink that is gone. */
function drained(sink: Sink): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      sink.off('close', onClose);
      resolve();
    };
    const onClose = () => {
      sink.off('drain', onDrain);
      reject(new MinatoError('cancelled', 'The build context stopped being sent.'));
    };
    sink.once('drain', onDrain);
    sink.once('close', onClose);
  });
}

/** Resolves once the pack has taken the whole entry, so only one file is ever in flight. */
function entryDone(): { promise: Promise<void>; callback: (error?: Error | null) => void } {
  let callback!: (error?: Error | null) => void;
  const promise = new Promise<void>((resolve, reject) => {
    callback = (error) => (error ? reject(error) : resolve(undefined));
  });
  return { promise, callback };
}

async function addFile(pack: tar.Pack, entry: ContextEntry, header: Header): Promise<void> {
  const size = header.size ?? 0;
  const done = entryDone();
  if (size <= WHOLE_FILE_LIMIT) {
    const content = await readFile(entry.absolute);
    if (content.length !== size) throw changedWhileSent(entry);
    pack.entry(header, content, done.callback);
    return done.promise;
  }
  const sink = pack.entry(header, done.callback);
  let sent = 0;
  // Read no further than the size in the header: a file that grows meanwhile is cut there, one that shrinks fails.
  for await (const chunk of createReadStream(entry.absolute, { highWaterMark: CHUNK, end: size - 1 }) as AsyncIterable<Buffer>) {
    sent += chunk.length;
    if (!sink.write(chunk)) await drained(sink);
  }
  if (sent !== size) {
    sink.destroy(changedWhileSent(entry));
    throw changedWhileSent(entry);
  }
  sink.end(undefined);
  return done.promise;
}

function changedWhileSent(entry: ContextEntry): MinatoError {
  return new MinatoError('conflict', `${entry.relative} changed while the build context was being sent: try again once it stays put.`);
}

/** What was sent so far, for progress: entries and bytes of file content. */
export interface PackCounters {
  files: number;
  bytes: number;
}

/**
 * The build context as a tar stream, packed as the docker CLI packs it, one entry at a time: the next file is read
 * only once the engine has taken the previous one (the returned stream's consumer sets the pace), so a context of
 * any size holds at most one file's worth of memory. A file with several hard links is sent once, then as links.
 */
export function packContext(entries: AsyncIterable<ContextEntry>, counters: PackCounters = { files: 0, bytes: 0 }): Readable {
  const pack = tar.pack();
  const run = async () => {
    const seen = new Map<string, string>();
    for await (const entry of entries) {
      let hardlinkTo: string | undefined;
      if (entry.stats.isFile() && entry.stats.nlink > 1) {
        const inode = `${entry.stats.dev}:${entry.stats.ino}`;
        hardlinkTo = seen.get(inode);
        if (hardlinkTo === undefined) seen.set(inode, entry.relative);
      }
      const header = headerOf(entry, hardlinkTo);
      if (header.type === 'symlink') header.linkname = await readlink(entry.absolute);
      if (header.type === 'file') await addFile(pack, entry, header);
      else {
        const done = entryDone();
        pack.entry(header, done.callback);
        await done.promise;
      }
      counters.files++;
      counters.bytes += header.type === 'file' ? (header.size ?? 0) : 0;
    }
    pack.finalize();
  };
  run().catch((error: unknown) => pack.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.from(pack, { objectMode: false });
}
