import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dockerfileLocation, MinatoError, type BuildContextStatus, type BuildRefusal } from '../../contract';
import { contextFilter, readIgnoreFile } from './dockerignore';

/**
 * The context folder and its Dockerfile as they are now: what the form shows next to its fields. The folder is on the
 * machine Minato's engine runs on whatever engine builds: its tar travels over the engine connection (a local socket,
 * TCP or SSH), as the docker CLI sends it.
 */
export async function contextStatus(contextPath: string, dockerfile: string): Promise<BuildContextStatus> {
  const nothing = { dockerfile: 'unknown', ignoreRules: 0, buildFilesExcluded: false } as const;
  const folder = await stat(contextPath).catch((error: NodeJS.ErrnoException) => error);
  if (folder instanceof Error) return { folder: folder.code === 'EACCES' ? 'unreadable' : 'missing', ...nothing };
  if (!folder.isDirectory()) return { folder: 'not-a-folder', ...nothing };
  const location = dockerfileLocation(contextPath, dockerfile);
  const file = await stat(location.absolute).catch(() => undefined);
  const ignore = await readIgnorePatterns(contextPath).catch(() => []);
  const { buildFilesExcluded } = contextFilter(ignore, location.inside);
  return { folder: 'ok', dockerfile: file?.isFile() ? 'ok' : 'missing', ignoreRules: ignore.length, buildFilesExcluded: buildFilesExcluded || location.inside === undefined };
}

/** The context's `.dockerignore` patterns; none when it has no such file. */
export async function readIgnorePatterns(contextPath: string): Promise<string[]> {
  try {
    return readIgnoreFile(await readFile(path.join(contextPath, '.dockerignore'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

const REFUSALS: Record<BuildRefusal['reason'], string> = {
  missing: 'There is no folder at this path on the machine Minato runs on.',
  'not-a-folder': 'This path is a file, not a folder.',
  unreadable: 'Minato may not read this folder.',
  'no-dockerfile': 'There is no Dockerfile at this path inside the folder.',
  'buildkit-unavailable': 'This engine has no BuildKit: choose the classic builder.',
};

export function buildRefused(field: BuildRefusal['field'], reason: BuildRefusal['reason']): MinatoError {
  const details: BuildRefusal = { kind: 'build-refused', field, reason };
  return new MinatoError('invalid-input', REFUSALS[reason], details);
}

/** What a build sends: the `.dockerignore` patterns, and where the Dockerfile is (inside the folder or not). */
export interface CheckedContext {
  patterns: string[];
  dockerfile: { absolute: string; inside?: string };
}

/** Refuses, before any task starts, a build whose folder or Dockerfile is not there: the form shows it by its field. */
export async function checkContext(contextPath: string, dockerfile: string): Promise<CheckedContext> {
  const status = await contextStatus(contextPath, dockerfile);
  if (status.folder !== 'ok') throw buildRefused('contextPath', status.folder);
  if (status.dockerfile !== 'ok') throw buildRefused('dockerfile', 'no-dockerfile');
  return { patterns: await readIgnorePatterns(contextPath), dockerfile: dockerfileLocation(contextPath, dockerfile) };
}
