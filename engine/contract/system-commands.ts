import { shellJoin } from './commands';
import { imagePruneCommand } from './image-commands';
import type { SystemPruneInput } from './system-prune';

/** The `docker …` commands the System section stands for, shell-quoted so they paste safely. */

export const systemInfoCommand = () => 'docker info';
export const systemVersionCommand = () => 'docker version';
export const diskUsageCommand = () => 'docker system df -v';
export const eventsCommand = () => 'docker events';

const filters = (label: string | undefined, until?: string) => [
  ...(label ? ['--filter', `label=${label}`] : []),
  ...(until ? ['--filter', `until=${until}`] : []),
];

/** A build cache filter matching exactly these records: the engine reads `id` as a regular expression. */
export const buildCacheIdPattern = (ids: readonly string[]) => `^(${ids.join('|')})$`;

/**
 * The prune as it runs, one `docker … prune` per kind in the engine's order (containers, networks, volumes,
 * images, build cache), each with the filters Minato sends: what `docker system prune` does, kept to the preview.
 */
export function systemPruneCommands(input: Omit<SystemPruneInput, 'engineId'>): string[] {
  const { label } = input;
  return [
    ...(input.containers ? [shellJoin(['docker', 'container', 'prune', ...filters(label, input.containers.until), '-f'])] : []),
    ...(input.networks ? [shellJoin(['docker', 'network', 'prune', ...filters(label, input.networks.until), '-f'])] : []),
    ...(input.volumes ? [shellJoin(['docker', 'volume', 'prune', ...(input.volumes.all ? ['-a'] : []), ...filters(label), '-f'])] : []),
    ...(input.images ? [imagePruneCommand({ scope: input.images.scope, label, until: input.images.until })] : []),
    ...(input.buildCache
      ? [shellJoin(['docker', 'builder', 'prune', ...(input.buildCache.all ? ['-a'] : []), '--filter', `id=${buildCacheIdPattern(input.buildCache.ids)}`, '-f'])]
      : []),
  ];
}
