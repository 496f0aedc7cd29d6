import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface DockerConfigEnvironment {
  env: Record<string, string | undefined>;
  homeDir: string;
}

/** The parts of `config.json` logins use; every other key is kept as it was read. */
export interface DockerConfigFile {
  auths?: Record<string, { auth?: string; identitytoken?: string; [key: string]: unknown }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
  [key: string]: unknown;
}

/** The CLI's folder: `DOCKER_CONFIG`, else `~/.docker`. */
export function dockerConfigDir({ env, homeDir }: DockerConfigEnvironment): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG.length > 0 ? env.DOCKER_CONFIG : path.join(homeDir, '.docker');
}

export function dockerConfigPath(environment: DockerConfigEnvironment): string {
  return path.join(dockerConfigDir(environment), 'config.json');
}

/** The file as an object; a missing or empty file is an empty config, as the CLI has it. */
export async function readDockerConfig(file: string): Promise<DockerConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${file} does not hold a JSON object.`);
  return parsed as DockerConfigFile;
}

/**
 * Writes the whole file through a temporary file and a rename, so a reader (the CLI, at the same moment) sees the old
 * file or the new one, never half of one; 0600 because `auths` may hold passwords.
 */
export async function writeDockerConfig(file: string, config: DockerConfigFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
    await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Reads, changes and writes back, one change at a time per file (two logins at once must not lose one). */
export function createConfigEditor(file: string) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    read: () => readDockerConfig(file),
    update<T>(change: (config: DockerConfigFile) => T): Promise<T> {
      const next = queue.then(async () => {
        const config = await readDockerConfig(file);
        const result = change(config);
        await writeDockerConfig(file, config);
        return result;
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
export type ConfigEditor = ReturnType<typeof createConfigEditor>;
