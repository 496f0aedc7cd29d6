import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { COMPOSE_PROJECT_NAME } from '../../contract/compose';

/** A project the person opened from a file: kept for every engine (the file is not tied to one). */
export interface RememberedProject {
  name: string;
  workingDir: string;
  configFiles: string[];
}

const isRemembered = (entry: unknown): entry is RememberedProject => {
  const candidate = entry as Partial<RememberedProject> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.name === 'string' &&
    COMPOSE_PROJECT_NAME.test(candidate.name) &&
    typeof candidate.workingDir === 'string' &&
    Array.isArray(candidate.configFiles) &&
    candidate.configFiles.every((file) => typeof file === 'string' && path.isAbsolute(file))
  );
};

/** `compose-projects.json` beside Minato's settings, written atomically (a temporary file renamed over it). */
export function createProjectStore(file: string) {
  let queue: Promise<unknown> = Promise.resolve();

  const read = async (): Promise<RememberedProject[]> => {
    try {
      const parsed = JSON.parse(await readFile(file, 'utf8')) as { projects?: unknown };
      return Array.isArray(parsed.projects) ? parsed.projects.filter(isRemembered) : [];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A missing or damaged file is an empty list: opening a project again writes a good one.
      if (code === 'ENOENT' || error instanceof SyntaxError) return [];
      throw error;
    }
  };

  const write = async (projects: RememberedProject[]) => {
    await mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, `${JSON.stringify({ projects }, null, 2)}\n`, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  };

  /** One change at a time, so two adds at once both land. */
  const update = <T>(change: (projects: RememberedProject[]) => { next: RememberedProject[]; result: T }): Promise<T> => {
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
    /** Adds a project; when one of that name is already remembered, leaves the list as it is and returns that one. */
    add: (project: RememberedProject) =>
      update((projects): { next: RememberedProject[]; result: RememberedProject | undefined } => {
        const existing = projects.find((entry) => entry.name === project.name);
        return existing ? { next: projects, result: existing } : { next: [...projects, project], result: undefined };
      }),
    forget: (name: string) => update((projects) => ({ next: projects.filter((entry) => entry.name !== name), result: undefined })),
  };
}

export type ProjectStore = ReturnType<typeof createProjectStore>;
