import { useQuery } from '@tanstack/react-query';
import type { StatsSample } from '../../../engine/contract';
import { useClient } from '../client-context';
import { containerKeys } from './containers';

/** How often the list's small figures refresh; only the rows on screen are read. */
export const LIST_STATS_INTERVAL_MS = 5000;

export function useVisibleStats(engineId: string, ids: string[]) {
  const client = useClient();
  return useQuery({
    queryKey: [...containerKeys.all(engineId), 'stats', ids],
    queryFn: async ({ signal }) => {
      const snapshots = await client.call('containers:statsSnapshot', { engineId, ids }, { signal });
      return new Map(snapshots.flatMap((snapshot) => (snapshot.sample ? [[snapshot.id, snapshot.sample] as [string, StatsSample]] : [])));
    },
    enabled: ids.length > 0,
    refetchInterval: LIST_STATS_INTERVAL_MS,
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}
