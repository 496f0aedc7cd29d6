import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EngineDraft } from '../../contract';
import { maskAddress } from '../../contract/secrets';
import type { Logger } from '../log/logger';

// A file written before addresses with a password were refused still loads (its other engines are kept); the password
// is masked wherever the address is shown, and editing the engine asks for an address without one.
export const StoredEngine = EngineDraft.extend({ id: z.string().min(1).max(64), address: z.string().max(1024) });
export type StoredEngine = z.infer<typeof StoredEngine>;

const SettingsFile = z.object({
  version: z.literal(1),
  engines: z.array(StoredEngine),
  /** Plain tcp:// addresses on other machines the person allowed (root over the network, no authentication). */
  insecureAllowed: z.array(z.string()),
});
type SettingsFile = z.infer<typeof SettingsFile>;

export interface SettingsStore {
  engines(): StoredEngine[];
  addEngine(draft: EngineDraft): Promise<StoredEngine>;
  updateEngine(id: string, draft: EngineDraft): Promise<StoredEngine>;
  removeEngine(id: string): Promise<boolean>;
  insecureAllowed(address: string): boolean;
  allowInsecure(address: string): Promise<void>;
}

const EMPTY: SettingsFile = { version: 1, engines: [], insecureAllowed: [] };

/**
 * Minato's settings file (JSON in the user's config folder; the path is passed in). Written whole to a temporary
 * file and renamed, so a crash never leaves half a file; a file that does not parse is kept aside, not overwritten.
 */
export async function openSettingsStore(file: string, logger?: Logger): Promise<SettingsStore> {
  let data = await load(file, logger);
  let writing = Promise.resolve();
  const save = (next: SettingsFile) => {
    data = next;
    // One write at a time, in order; a failed write does not block the next.
    writing = writing.catch(() => {}).then(() => persist(file, next));
    return writing;
  };
  return {
    engines: () => data.engines,
    async addEngine(draft) {
      const engine = { ...draft, id: `custom-${randomBytes(4).toString('hex')}` };
      await save({ ...data, engines: [...data.engines, engine] });
      return engine;
    },
    async updateEngine(id, draft) {
      if (!data.engines.some((engine) => engine.id === id)) throw new Error(`No engine "${id}" in settings.`);
      const engine = { ...draft, id };
      await save({ ...data, engines: data.engines.map((existing) => (existing.id === id ? engine : existing)) });
      return engine;
    },
    async removeEngine(id) {
      if (!data.engines.some((engine) => engine.id === id)) return false;
      await save({ ...data, engines: data.engines.filter((engine) => engine.id !== id) });
      return true;
    },
    // Kept and compared masked: consent arrives with the address EngineInfo shows, and the file keeps no password.
    insecureAllowed: (address) => data.insecureAllowed.includes(maskAddress(address)),
    async allowInsecure(address) {
      const masked = maskAddress(address);
      if (!data.insecureAllowed.includes(masked)) await save({ ...data, insecureAllowed: [...data.insecureAllowed, masked] });
    },
  };
}

async function load(file: string, logger?: Logger): Promise<SettingsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    logger?.debug({ file, code: (error as NodeJS.ErrnoException).code }, 'no settings file read');
    return EMPTY;
  }
  try {
    return SettingsFile.parse(JSON.parse(text));
  } catch (error) {
    const aside = `${file}.unreadable-${Date.now()}`;
    // Engines the person added vanish from the app: say where their file went.
    logger?.warn({ err: error, file, movedTo: aside }, 'the settings file could not be read; starting with empty settings');
    await rename(file, aside).catch((renameError: unknown) => logger?.warn({ err: renameError, file }, 'could not move the unreadable settings file aside'));
    return EMPTY;
  }
}

async function persist(file: string, data: SettingsFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
}
