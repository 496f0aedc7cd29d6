import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A list kept in a JSON file of Minato's own (`{ "<key>": [...] }`, 0600), written through a temporary file and a
 * rename so a reader never sees half of it. Entries that fail `isEntry` are dropped on reading; a missing file reads as
 * an empty list. A damaged one (not JSON) either reads as empty, when losing it costs little (the next change writes a
 * good one), or fails every read, when it holds what the person cannot easily give again.
 */
export function createJsonListFile<T>(
  file: string,
  key: string,
  isEntry: (entry: unknown) => entry is T,
  { damaged }: { damaged: 'empty' | 'throw' },
) {
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<T[]> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> | null;
      const entries = parsed?.[key];
      return Array.isArray(entries) ? entries.filter(isEntry) : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      if (error instanceof SyntaxError && damaged === 'empty') return [];
      throw error;
    }
  };

  const write = async (entries: T[]) => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify({ [key]: entries }, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  /** One change at a time, so two adds at once both land. */
  const update = <R>(change: (entries: T[]) => { next: T[]; result: R }): Promise<R> => {
    const run = queue.then(async () => {
      const { next, result } = change(await read());
      await write(next);
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return { read, update };
}
