import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RegistryLocation } from './registry-url';

/** A registry as kept: where it is, and the private CA (PEM) given when it was added, if one was. */
export interface SavedRegistry extends RegistryLocation {
  caCertificate?: string;
}

/** The registries a person added, in Minato's config folder (logins stay where the docker CLI keeps them). */
export function createRegistryList(file: string) {
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<SavedRegistry[]> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { registries?: unknown };
      if (!Array.isArray(parsed.registries)) return [];
      return parsed.registries.filter(
        (entry): entry is SavedRegistry =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof entry.address === 'string' &&
          typeof entry.url === 'string' &&
          typeof entry.plainHttp === 'boolean' &&
          (entry.caCertificate === undefined || typeof entry.caCertificate === 'string'),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };

  const write = async (registries: SavedRegistry[]) => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify({ registries }, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  /** One change at a time, so two adds at once both land. */
  const update = <T>(change: (registries: SavedRegistry[]) => { next: SavedRegistry[]; result: T }): Promise<T> => {
    const run = queue.then(async () => {
      const { next, result } = change(await read());
      await write(next);
      return result;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    list: read,
    async find(address: string): Promise<SavedRegistry | undefined> {
      return (await read()).find((entry) => entry.address === address);
    },
    add: (location: SavedRegistry) =>
      update((registries) => {
        const added = !registries.some((entry) => entry.address === location.address);
        return { next: added ? [...registries, location] : registries, result: added };
      }),
    remove: (address: string) => update((registries) => ({ next: registries.filter((entry) => entry.address !== address), result: undefined })),
  };
}
export type RegistryList = ReturnType<typeof createRegistryList>;
