import { useQueries } from '@tanstack/react-query';
import type { StatsSample } from '../../../engine/contract';
import { useClient } from '../client-context';
import { refKey, type ContainerRef, type RefKey } from '../stores/refs';
import { containerKeys } from './containers';

/** How often the list's small figures refresh; only the rows on screen are read. */
export const LIST_STATS_INTERVAL_MS = 5000;

/** CPU and memory of the running rows on screen: one one-shot read per engine shown, keyed by engine. */
export function useVisibleStats(shown: readonly ContainerRef[]): ReadonlyMap<RefKey, StatsSample> {
  const client = useClient();
  const byEngine = new Map<string, string[]>();
  for (const ref of shown) byEngine.set(ref.engineId, [...(byEngine.get(ref.engineId) ?? []), ref.id]);
  return useQueries({
    queries: [...byEngine].map(([engineId, ids]) => ({
      queryKey: [...containerKeys.all(engineId), 'stats', ids],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const snapshots = await client.call('containers:statsSnapshot', { engineId, ids }, { signal });
        return snapshots.flatMap((snapshot) => (snapshot.sample ? [[refKey({ engineId, id: snapshot.id }), snapshot.sample] as [RefKey, StatsSample]] : []));
      },
      refetchInterval: LIST_STATS_INTERVAL_MS,
      staleTime: 0,
      placeholderData: <T,>(previous: T | undefined) => previous,
    })),
    combine: (results) => new Map(results.flatMap((result) => result.data ?? [])),
  });
}
