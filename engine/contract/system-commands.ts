import { shellJoin } from './commands';
import { imagePruneCommand } from './image-commands';
import type { PruneScope } from './image-details';

/** The `docker …` commands the System section stands for, shell-quoted so they paste safely. */

export const systemInfoCommand = () => 'docker info';
export const systemVersionCommand = () => 'docker version';
export const diskUsageCommand = () => 'docker system df -v';
export const eventsCommand = () => 'docker events';

const labelFilter = (label: string | undefined) => (label ? ['--filter', `label=${label}`] : []);

/** A build cache filter matching exactly these records: the engine reads `id` as a regular expression. */
export const buildCacheIdPattern = (ids: readonly string[]) => `^(${ids.join('|')})$`;

/** The choice as a person makes it: which kinds, the label, and each kind's own flags; no filter Minato adds. */
export interface SystemPruneChoice {
  label?: string | undefined;
  containers?: unknown;
  networks?: unknown;
  volumes?: { all: boolean } | undefined;
  images?: { scope: PruneScope } | undefined;
  buildCache?: { all: boolean } | undefined;
}

/**
 * The prune as a person would type it for the same choice, one `docker … prune` per kind in the engine's order
 * (containers, networks, volumes, images, build cache). Minato also keeps the run to exactly what the preview listed
 * (its own filters); those are no part of what a person would type.
 */
export function systemPruneCommands(choice: SystemPruneChoice): string[] {
  const { label } = choice;
  return [
    ...(choice.containers ? [shellJoin(['docker', 'container', 'prune', ...labelFilter(label), '-f'])] : []),
    ...(choice.networks ? [shellJoin(['docker', 'network', 'prune', ...labelFilter(label), '-f'])] : []),
    ...(choice.volumes ? [shellJoin(['docker', 'volume', 'prune', ...(choice.volumes.all ? ['-a'] : []), ...labelFilter(label), '-f'])] : []),
    ...(choice.images ? [imagePruneCommand({ scope: choice.images.scope, label })] : []),
    ...(choice.buildCache ? [shellJoin(['docker', 'builder', 'prune', ...(choice.buildCache.all ? ['-a'] : []), '-f'])] : []),
  ];
}
