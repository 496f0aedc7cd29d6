import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EngineInfo, MinatoClient } from '../../../engine/contract';
import { useClient } from '../client-context';

export const engineKeys = {
  all: ['engines'] as const,
  list: () => [...engineKeys.all, 'list'] as const,
};

export function useEngines() {
  const client = useClient();
  return useQuery({ queryKey: engineKeys.list(), queryFn: ({ signal }) => client.call('engines:list', {}, { signal }) });
}

/** A status push replaces that engine's entry in place: no refetch needed. */
export function patchEngine(queryClient: QueryClient, info: EngineInfo): void {
  queryClient.setQueryData<EngineInfo[]>(engineKeys.list(), (engines) => {
    if (!engines) return [info];
    const index = engines.findIndex((engine) => engine.id === info.id);
    if (index === -1) return [...engines, info];
    const next = engines.slice();
    next[index] = info;
    return next;
  });
}

export function useRetryEngine() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (engineId: string) => client.call('engines:retry', { engineId }),
    onSuccess: (info) => patchEngine(queryClient, info),
  });
}

export function subscribeEngineStatus(client: MinatoClient, queryClient: QueryClient): () => void {
  return client.subscribe('engines:status', {}, { onEvent: (info) => patchEngine(queryClient, info) });
}
