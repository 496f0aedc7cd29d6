import { shellJoin } from './commands';
import { VOLUME_MOUNT } from './volumes';

/**
 * The `docker …` commands the Volumes section stands for, shell-quoted so they paste safely. Backup, restore and
 * clone are done with a helper container that is created and never started, through `docker cp` (the archive API):
 * nothing runs, so nothing runs as root. Each also has the classic recipe (a throw-away busybox running `tar`) that
 * does the same with a running container.
 */

/** The image helpers are made from: an empty tar imported with a label, so nothing is pulled. */
export const HELPER_IMAGE = 'minato/volume-helper:empty';
/** Every helper container and the helper image carry it; leftovers are swept by it. */
export const HELPER_LABEL = 'minato.helper';
export const HELPER_LABEL_VALUE = 'volume';
/** Which volume a helper mounts. */
export const HELPER_VOLUME_LABEL = 'minato.helper.volume';
/**
 * A helper's entrypoint: an absolute path to nothing (the image has no files), so a start someone else makes fails
 * instead of finding a program in PATH that a restored tar put in the helper's own layer.
 */
export const HELPER_COMMAND = '/nonexistent/minato-helper-never-runs';
/** A helper's user: nobody, never root, should anything ever run in one. */
export const HELPER_USER = '65534:65534';

export const volumeListCommand = () => 'docker volume ls';
export const volumeInspectCommand = (name: string) => shellJoin(['docker', 'volume', 'inspect', name]);
export const volumeUsedByCommand = (name: string) => shellJoin(['docker', 'ps', '-a', '--filter', `volume=${name}`]);

export interface VolumeCreateSpec {
  name?: string | undefined;
  driver?: string | undefined;
  driverOpts?: Readonly<Record<string, string>> | undefined;
  labels?: Readonly<Record<string, string>> | undefined;
}

export function volumeCreateCommand({ name, driver, driverOpts = {}, labels = {} }: VolumeCreateSpec): string {
  return shellJoin([
    'docker',
    'volume',
    'create',
    ...(driver && driver !== 'local' ? ['--driver', driver] : []),
    ...Object.entries(driverOpts).flatMap(([key, value]) => ['--opt', `${key}=${value}`]),
    ...Object.entries(labels).flatMap(([key, value]) => ['--label', value === '' ? key : `${key}=${value}`]),
    ...(name ? [name] : []),
  ]);
}

/** `docker volume rm`, after `docker rm -f` of the containers the person agreed to remove first. */
export function volumeRemoveCommand(name: string, containers: readonly string[] = []): string {
  const lines = containers.length > 0 ? [shellJoin(['docker', 'rm', '-f', ...containers])] : [];
  return [...lines, shellJoin(['docker', 'volume', 'rm', name])].join('\n');
}

/** `docker volume prune`; `-a` (CLI 23+) only where the engine takes `all` (API 1.42+). */
export const volumePruneCommand = (all: boolean) => shellJoin(['docker', 'volume', 'prune', ...(all ? ['--all'] : []), '-f']);

/** `docker create` of a helper: no network, labelled, the volume mounted read-only unless it is written. */
export function helperCreateCommand(helper: string, volume: string, writable: boolean): string {
  return shellJoin([
    'docker',
    'create',
    '--name',
    helper,
    '--network',
    'none',
    '--user',
    HELPER_USER,
    '--entrypoint',
    HELPER_COMMAND,
    '--label',
    `${HELPER_LABEL}=${HELPER_LABEL_VALUE}`,
    '-v',
    `${volume}:${VOLUME_MOUNT}${writable ? '' : ':ro'}`,
    HELPER_IMAGE,
  ]);
}

const helperRemove = (...helpers: string[]) => shellJoin(['docker', 'rm', ...helpers]);

/** A backup as Minato makes it: the volume's files as a tar on stdout of `docker cp`, into a file here. */
export function volumeBackupCommand(volume: string, file: string): string {
  const helper = `${volume}-backup`;
  return [helperCreateCommand(helper, volume, false), `${shellJoin(['docker', 'cp', `${helper}:${VOLUME_MOUNT}/.`, '-'])} > ${shellJoin([file])}`, helperRemove(helper)].join('\n');
}

/** The classic recipe the backup stands for: a throw-away container that runs tar. */
export const volumeBackupRecipe = (volume: string, file: string) =>
  `${shellJoin(['docker', 'run', '--rm', '-v', `${volume}:/volume:ro`, '-v'])} "$PWD":/backup ${shellJoin(['busybox', 'tar', 'cf', `/backup/${file}`, '-C', '/volume', '.'])}`;

export function volumeRestoreCommand(volume: string, file: string, create: boolean): string {
  const helper = `${volume}-restore`;
  return [
    ...(create ? [volumeCreateCommand({ name: volume })] : []),
    helperCreateCommand(helper, volume, true),
    `${shellJoin(['docker', 'cp', '-', `${helper}:${VOLUME_MOUNT}`])} < ${shellJoin([file])}`,
    helperRemove(helper),
  ].join('\n');
}

export const volumeRestoreRecipe = (volume: string, file: string) =>
  `${shellJoin(['docker', 'run', '--rm', '-v', `${volume}:/volume`, '-v'])} "$PWD":/backup ${shellJoin(['busybox', 'tar', 'xf', `/backup/${file}`, '-C', '/volume'])}`;

export function volumeCloneCommand(source: string, target: string): string {
  const from = `${source}-from`;
  const to = `${target}-to`;
  return [
    volumeCreateCommand({ name: target }),
    helperCreateCommand(from, source, false),
    helperCreateCommand(to, target, true),
    `${shellJoin(['docker', 'cp', `${from}:${VOLUME_MOUNT}/.`, '-'])} | ${shellJoin(['docker', 'cp', '-', `${to}:${VOLUME_MOUNT}`])}`,
    helperRemove(from, to),
  ].join('\n');
}

export const volumeCloneRecipe = (source: string, target: string) =>
  [
    volumeCreateCommand({ name: target }),
    `${shellJoin(['docker', 'run', '--rm', '-v', `${source}:/from:ro`, '-v', `${target}:/to`, 'busybox', 'sh', '-c', 'cd /from && tar cf - . | tar xf - -C /to'])}`,
  ].join('\n');
