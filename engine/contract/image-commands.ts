import { shellJoin } from './commands';
import type { PruneScope } from './image-details';

/** The `docker …` commands the image page and its actions stand for, shell-quoted so they paste safely. */

export const imageInspectCommand = (ref: string) => shellJoin(['docker', 'image', 'inspect', ref]);
export const imageHistoryCommand = (ref: string) => shellJoin(['docker', 'history', ref]);
export const imageTagCommand = (source: string, target: string) => shellJoin(['docker', 'tag', source, target]);
export const imageSaveCommand = (refs: readonly string[], file: string) => shellJoin(['docker', 'save', '-o', file, ...refs]);
export const imageLoadCommand = (file: string) => shellJoin(['docker', 'load', '-i', file]);
export const containerExportCommand = (container: string, file: string) => shellJoin(['docker', 'export', '-o', file, container]);
export const usedByCommand = (id: string) => shellJoin(['docker', 'ps', '-a', '--filter', `ancestor=${id}`]);

const changeFlags = (changes: readonly string[]) => changes.flatMap((change) => ['-c', change]);

export interface CommitOptions {
  ref?: string | undefined;
  message?: string | undefined;
  author?: string | undefined;
  changes?: readonly string[] | undefined;
  pause?: boolean | undefined;
}

export function containerCommitCommand(container: string, options: CommitOptions = {}): string {
  return shellJoin([
    'docker',
    'commit',
    ...(options.author ? ['-a', options.author] : []),
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlags(options.changes ?? []),
    ...(options.pause === false ? ['--pause=false'] : []),
    container,
    ...(options.ref ? [options.ref] : []),
  ]);
}

export function imageImportCommand(file: string, options: Omit<CommitOptions, 'author' | 'pause'> = {}): string {
  return shellJoin([
    'docker',
    'import',
    ...(options.message ? ['-m', options.message] : []),
    ...changeFlags(options.changes ?? []),
    file,
    ...(options.ref ? [options.ref] : []),
  ]);
}

export interface PruneFilters {
  scope: PruneScope;
  label?: string | undefined;
  until?: string | undefined;
}

/** `docker image prune` with the very filters Minato sends, so the command does what the preview showed. */
export function imagePruneCommand({ scope, label, until }: PruneFilters): string {
  return shellJoin([
    'docker',
    'image',
    'prune',
    ...(scope === 'unused' ? ['-a'] : []),
    ...(label ? ['--filter', `label=${label}`] : []),
    ...(until ? ['--filter', `until=${until}`] : []),
    '-f',
  ]);
}
