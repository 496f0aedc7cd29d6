import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ActionOptions, ChangeBatch, ContainerAction, MinatoClient } from '../../../engine/contract';
import { useClient } from '../client-context';

export const containerKeys = {
  all: (engineId: string) => ['containers', engineId] as const,
  list: (engineId: string) => [...containerKeys.all(engineId), 'list'] as const,
  detail: (engineId: string, id: string) => [...containerKeys.all(engineId), 'detail', id] as const,
};

export function useContainerList(engineId: string | undefined, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: containerKeys.list(engineId ?? ''),
    queryFn: async ({ signal }) => {
      const list = await client.call('containers:list', { engineId: engineId as string }, { signal });
      // The benchmark reads this mark to time data-to-paint in the page.
      performance.mark('minato:list-data', { detail: list.length });
      return list;
    },
    enabled: enabled && engineId !== undefined,
  });
}

export function useContainerDetail(engineId: string | undefined, id: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: containerKeys.detail(engineId ?? '', id ?? ''),
    queryFn: ({ signal }) => client.call('containers:inspect', { engineId: engineId as string, id: id as string }, { signal }),
    enabled: engineId !== undefined && id !== undefined,
    retry: false,
  });
}

export interface ActionRequest {
  ids: string[];
  action: ContainerAction;
  options: ActionOptions;
}

export function useContainerAction(engineId: string | undefined) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ids, action, options }: ActionRequest) =>
      client.call('containers:act', { engineId: engineId as string, ids, action, options }),
    // Events refresh the list too; invalidating here makes the result visible even if an event is slow.
    onSettled: () => queryClient.invalidateQueries({ queryKey: containerKeys.list(engineId ?? '') }),
  });
}

/** Engine events (already coalesced by the engine) mark what went stale; nothing polls. */
export function applyChangeBatch(queryClient: QueryClient, batch: ChangeBatch): void {
  if (batch.resync) {
    void queryClient.invalidateQueries({ queryKey: containerKeys.all(batch.engineId) });
    return;
  }
  if (!batch.kinds.includes('container')) return;
  void queryClient.invalidateQueries({ queryKey: containerKeys.list(batch.engineId) });
  for (const id of batch.ids) void queryClient.invalidateQueries({ queryKey: containerKeys.detail(batch.engineId, id) });
}

export function subscribeEngineChanges(client: MinatoClient, queryClient: QueryClient, engineId: string): () => void {
  return client.subscribe('engines:changes', { engineId }, { onEvent: (batch) => applyChangeBatch(queryClient, batch) });
}
