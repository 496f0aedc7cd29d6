import { shellJoin } from './commands';
import type { NetworkDraft } from './networks';

/** The `docker network …` commands the Networks section stands for, shell-quoted so they paste safely. */

export const networkListCommand = () => 'docker network ls';
export const networkInspectCommand = (network: string) => shellJoin(['docker', 'network', 'inspect', network]);
export const networkRemoveCommand = (network: string) => shellJoin(['docker', 'network', 'rm', network]);
export const networkDisconnectCommand = (network: string, container: string) => shellJoin(['docker', 'network', 'disconnect', network, container]);
/** The containers on a network, stopped ones too (network inspect lists only those with an endpoint now). */
export const networkUsersCommand = (network: string) => shellJoin(['docker', 'ps', '-a', '--filter', `network=${network}`]);

export function networkCreateCommand(draft: Partial<NetworkDraft>): string {
  return shellJoin([
    'docker',
    'network',
    'create',
    ...(draft.driver && draft.driver !== 'bridge' ? ['--driver', draft.driver] : []),
    ...(draft.subnet ? ['--subnet', draft.subnet] : []),
    ...(draft.gateway ? ['--gateway', draft.gateway] : []),
    ...(draft.ipRange ? ['--ip-range', draft.ipRange] : []),
    ...(draft.internal ? ['--internal'] : []),
    ...(draft.attachable ? ['--attachable'] : []),
    ...Object.entries(draft.labels ?? {}).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
    draft.name || 'NAME',
  ]);
}

export function networkConnectCommand(network: string, container: string, aliases: readonly string[] = [], ipv4?: string): string {
  return shellJoin(['docker', 'network', 'connect', ...aliases.flatMap((alias) => ['--alias', alias]), ...(ipv4 ? ['--ip', ipv4] : []), network, container]);
}

export interface NetworkPruneCommandFilters {
  labels?: readonly string[] | undefined;
  notLabels?: readonly string[] | undefined;
  until?: string | undefined;
}

/**
 * `docker network prune` as a person would type it for these filters. Minato also sends the newest candidate's
 * creation time as `until`, so the run stays to the preview; that is not part of what a person types.
 */
export function networkPruneCommand({ labels = [], notLabels = [], until }: NetworkPruneCommandFilters): string {
  return shellJoin([
    'docker',
    'network',
    'prune',
    ...labels.flatMap((label) => ['--filter', `label=${label}`]),
    ...notLabels.flatMap((label) => ['--filter', `label!=${label}`]),
    ...(until ? ['--filter', `until=${until}`] : []),
    '-f',
  ]);
}
