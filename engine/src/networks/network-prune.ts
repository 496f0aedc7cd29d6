import type Docker from 'dockerode';
import { pruneLabelsMatch, parseUntil } from '../../contract/network-checks';
import { isBuiltInNetwork, type NetworkPruneFilters, type NetworkPrunePlan } from '../../contract/networks';
import { engineRequest } from '../images/engine-request';
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

/** The engine's prune with the preview's filters and its newest candidate as `until`: networks made since stay. */
export async function pruneNetworks(docker: Docker, filters: { labels: readonly string[]; notLabels: readonly string[]; until: string }, signal: AbortSignal): Promise<string[]> {
  const answer = await engineRequest<{ NetworksDeleted?: string[] | null }>(docker, {
    method: 'POST',
    path: '/networks/prune?',
    query: {
      filters: JSON.stringify({
        until: [filters.until],
        ...(filters.labels.length > 0 ? { label: filters.labels } : {}),
        ...(filters.notLabels.length > 0 ? { 'label!': filters.notLabels } : {}),
      }),
    },
    signal,
  });
  return (answer.NetworksDeleted ?? []).slice().sort((a, b) => a.localeCompare(b));
}
