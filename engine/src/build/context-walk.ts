import type { Stats } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { ContextFilter } from './dockerignore';

export interface ContextEntry {
  /** "/"-separated, relative to the context folder. */
  relative: string;
  absolute: string;
  stats: Stats;
  /** Content given rather than read from `absolute` (a regular file's): what the CLI writes into the tar itself. */
  data?: Buffer;
}

/** Go sorts names by their bytes; JavaScript's default compares UTF-16 units, which differs above U+FFFF. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** lstat a folder's entries a few at a time: quicker than one by one, without holding a huge folder's stats at once. */
const STAT_BATCH = 32;

/**
 * The context's files in the order the CLI's archiver walks them (depth first, names sorted), leaving out what the
 * filter excludes. An excluded folder is skipped whole unless an exception may bring back something inside it; then
 * its own entry stays out and its children are matched one by one, as the CLI does. Sockets are left out (tar has
 * no place for them). Nothing is read ahead beyond one batch of one folder's stats.
 */
export async function* walkContext(root: string, filter: ContextFilter, signal?: AbortSignal): AsyncGenerator<ContextEntry> {
  async function* folder(absoluteFolder: string, relativeFolder: string): AsyncGenerator<ContextEntry> {
    const names = (await readdir(absoluteFolder)).sort(byBytes);
    for (let start = 0; start < names.length; start += STAT_BATCH) {
      signal?.throwIfAborted();
      const batch = names.slice(start, start + STAT_BATCH);
      const stats = await Promise.all(batch.map((name) => lstat(path.join(absoluteFolder, name))));
      for (const [index, name] of batch.entries()) {
        const entryStats = stats[index] as Stats;
        const relative = relativeFolder ? `${relativeFolder}/${name}` : name;
        const absolute = path.join(absoluteFolder, name);
        if (filter.excludes(relative)) {
          if (entryStats.isDirectory() && filter.walkInto(relative)) yield* folder(absolute, relative);
          continue;
        }
        if (entryStats.isSocket()) continue;
        yield { relative, absolute, stats: entryStats };
        if (entryStats.isDirectory()) yield* folder(absolute, relative);
      }
    }
  }
  yield* folder(root, '');
}
