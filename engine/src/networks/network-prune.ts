import type Docker from 'dockerode';
import { pruneLabelsMatch, parseUntil } from '../../contract/network-checks';
import { isBuiltInNetwork, type NetworkPruneFilters, type NetworkPrunePlan } from '../../contract/networks';
import { removeNetworks } from '../system/prune-exact';
import { membersByNetwork, type EngineNetwork } from './map-network';
import { inspectNetwork } from './network-reads';

/** An RFC 3339 time to the nanosecond (the engine's own precision; Date.parse stops at the millisecond). */
function preciseTime(text: string): bigint {
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  const wholeMs = Date.parse(text.replace(/\.\d+/, ''));
  return BigInt(Number.isNaN(wholeMs) ? 0 : wholeMs) * 1_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}

/**
 * What `POST /networks/prune` would remove, worked out as the engine does it (it has no dry run): local networks
 * that are not Docker's own, not config-only, with no endpoint now (a network only stopped containers name goes
 * too: those are listed, since they will not start again), created no later than `until`, with matching labels.
 */
export async function planNetworkPrune(docker: Docker, filters: NetworkPruneFilters, signal: AbortSignal, now = Date.now()): Promise<NetworkPrunePlan> {
  const until = filters.until === undefined ? undefined : parseUntil(filters.until, now);
  const [listed, containers] = await Promise.all([
    docker.listNetworks({ abortSignal: signal }) as Promise<EngineNetwork[]>,
    docker.listContainers({ all: true, abortSignal: signal }),
  ]);
  const members = membersByNetwork(containers, listed);
  const plan: NetworkPrunePlan['networks'] = [];
  let newest: string | undefined;
  for (const summary of listed) {
    if (isBuiltInNetwork(summary.Name) || (summary.Scope ?? 'local') !== 'local') continue;
    if (until !== undefined && Date.parse(summary.Created ?? '') > until) continue;
    if (!pruneLabelsMatch(summary.Labels ?? {}, filters.labels, filters.notLabels)) continue;
    // The list leaves endpoints out: inspect says whether a container is on it now. One removed meanwhile is skipped.
    const network = await inspectNetwork(docker, summary.Id, signal).catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    });
    if (!network || network.ConfigOnly || Object.keys(network.Containers ?? {}).length > 0) continue;
    const users = members.get(summary.Id) ?? [];
    plan.push({ id: network.Id, name: network.Name, driver: network.Driver ?? '', created: network.Created ?? '', stoppedUsers: users.map((user) => user.name) });
    if (network.Created && (!newest || preciseTime(network.Created) > preciseTime(newest))) newest = network.Created;
  }
  plan.sort((a, b) => a.name.localeCompare(b.name));
  return { networks: plan, ...(newest ? { until: newest } : {}) };
}

/**
 * Removes exactly the networks the preview listed, by id. The engine's prune with `until` also took a network a
 * container left after the preview (older than the newest candidate); one in use again by now is refused and stays.
 */
export async function pruneNetworks(docker: Docker, ids: readonly string[], signal: AbortSignal): Promise<string[]> {
  return (await removeNetworks(docker, ids, signal)).sort((a, b) => a.localeCompare(b));
}
