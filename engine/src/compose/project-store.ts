import path from 'node:path';
import { createJsonListFile } from '../util/json-list-file';
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

/** `compose-projects.json` beside Minato's settings. */
export function createProjectStore(file: string) {
  const { read, update } = createJsonListFile(file, 'projects', isRemembered, { damaged: 'empty' });

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
