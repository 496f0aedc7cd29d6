import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { MinatoError, type BuildContextStatus, type BuildRefusal, type EngineInfo } from '../../contract';
import { contextFilter, readIgnoreFile } from './dockerignore';

/**
 * The folder is read by Minato's engine process and sent to the Docker engine, so it must be on this machine: an
 * engine declared as sharing this machine's folders (a local socket, TCP on loopback). SSH engines are not yet.
 */
export function readsFoldersHere(engine: Pick<EngineInfo, 'capabilities'>): boolean {
  return engine.capabilities.bindFolders === 'local';
}

/** The context folder and its Dockerfile as they are now: what the form shows next to its fields. */
export async function contextStatus(engine: Pick<EngineInfo, 'capabilities'>, contextPath: string, dockerfile: string): Promise<BuildContextStatus> {
  const nothing = { dockerfile: 'unknown', ignoreRules: 0, buildFilesExcluded: false } as const;
  if (!readsFoldersHere(engine)) return { folder: 'remote', ...nothing };
  const folder = await stat(contextPath).catch((error: NodeJS.ErrnoException) => error);
  if (folder instanceof Error) return { folder: folder.code === 'EACCES' ? 'unreadable' : 'missing', ...nothing };
  if (!folder.isDirectory()) return { folder: 'not-a-folder', ...nothing };
  const file = await stat(path.join(contextPath, dockerfile)).catch(() => undefined);
  const ignore = await readIgnorePatterns(contextPath).catch(() => []);
  const { buildFilesExcluded } = contextFilter(ignore, dockerfile);
  return { folder: 'ok', dockerfile: file?.isFile() ? 'ok' : 'missing', ignoreRules: ignore.length, buildFilesExcluded };
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
  remote: 'Building from a folder works only for an engine on this machine for now; builds on SSH or remote engines are not supported yet.',
  'no-dockerfile': 'There is no Dockerfile at this path inside the folder.',
  'buildkit-unavailable': 'This engine has no BuildKit: choose the classic builder.',
};

export function buildRefused(field: BuildRefusal['field'], reason: BuildRefusal['reason']): MinatoError {
  const details: BuildRefusal = { kind: 'build-refused', field, reason };
  return new MinatoError('invalid-input', REFUSALS[reason], details);
}

/** Refuses, before any task starts, a build whose folder or Dockerfile is not there: the form shows it by its field. */
export async function checkContext(engine: Pick<EngineInfo, 'capabilities'>, contextPath: string, dockerfile: string): Promise<string[]> {
  const status = await contextStatus(engine, contextPath, dockerfile);
  if (status.folder === 'remote') throw buildRefused('engine', 'remote');
  if (status.folder !== 'ok') throw buildRefused('contextPath', status.folder);
  if (status.dockerfile !== 'ok') throw buildRefused('dockerfile', 'no-dockerfile');
  return readIgnorePatterns(contextPath);
}
