import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { NetworkConnectInput, NetworkDisconnectInput, NetworkDraft, NetworkPruneFilters } from '../../../engine/contract/networks';
import { useClient } from '../client-context';
import { containerKeys } from '../queries/containers';

export const networkKeys = {
  all: (engineId: string) => ['networks', engineId] as const,
  overview: (engineId: string) => [...networkKeys.all(engineId), 'overview'] as const,
  inspect: (engineId: string, id: string) => [...networkKeys.all(engineId), 'inspect', id] as const,
  ofContainer: (engineId: string, id: string) => [...networkKeys.all(engineId), 'container', id] as const,
  prunePreview: (engineId: string, filters: NetworkPruneFilters) => [...networkKeys.all(engineId), 'prune', filters] as const,
};

/**
 * Network and container events make every network read of this engine stale (a container that starts or stops
 * changes the addresses and endpoints shown): one `engines:changes` subscription while a networks view is shown.
 */
export function useNetworkChanges(engineId: string | undefined): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!engineId) return;
    return client.subscribe('engines:changes', { engineId }, {
      onEvent: (batch) => {
        if (batch.resync || batch.kinds.includes('network') || batch.kinds.includes('container')) void queryClient.invalidateQueries({ queryKey: networkKeys.all(engineId) });
      },
    });
  }, [client, queryClient, engineId]);
}

export function useNetworkOverview(engineId: string, enabled = true) {
  const client = useClient();
  return useQuery({ queryKey: networkKeys.overview(engineId), queryFn: ({ signal }) => client.call('networks:overview', { engineId }, { signal }), enabled });
}

export function useNetworkInspect(engineId: string, id: string) {
  const client = useClient();
  return useQuery({ queryKey: networkKeys.inspect(engineId, id), queryFn: ({ signal }) => client.call('networks:inspect', { engineId, id }, { signal }) });
}

export function useContainerNetworking(engineId: string, id: string) {
  const client = useClient();
  return useQuery({ queryKey: networkKeys.ofContainer(engineId, id), queryFn: ({ signal }) => client.call('networks:ofContainer', { engineId, id }, { signal }), enabled: id !== '' });
}

export function useNetworkPrunePreview(engineId: string, filters: NetworkPruneFilters, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: networkKeys.prunePreview(engineId, filters),
    queryFn: ({ signal }) => client.call('networks:prunePreview', { engineId, filters }, { signal }),
    enabled,
  });
}

/** After a change: every network read of the engine, and its container reads (a container's page lists its networks). */
function useRefresh(engineId: string) {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: networkKeys.all(engineId) }), queryClient.invalidateQueries({ queryKey: containerKeys.all(engineId) })]);
}

export function useCreateNetwork(engineId: string) {
  const client = useClient();
  const refresh = useRefresh(engineId);
  return useMutation({ mutationFn: (draft: NetworkDraft) => client.call('networks:create', { ...draft, engineId }), onSuccess: refresh });
}

export function useRemoveNetwork(engineId: string) {
  const client = useClient();
  const refresh = useRefresh(engineId);
  return useMutation({ mutationFn: (id: string) => client.call('networks:remove', { engineId, id }), onSuccess: refresh });
}

export function useConnectContainer(engineId: string) {
  const client = useClient();
  const refresh = useRefresh(engineId);
  return useMutation({ mutationFn: (input: Omit<NetworkConnectInput, 'engineId'>) => client.call('networks:connect', { ...input, engineId }), onSuccess: refresh });
}

export function useDisconnectContainer(engineId: string) {
  const client = useClient();
  const refresh = useRefresh(engineId);
  return useMutation({ mutationFn: (input: Omit<NetworkDisconnectInput, 'engineId'>) => client.call('networks:disconnect', { ...input, engineId }), onSuccess: refresh });
}

export function usePruneNetworks(engineId: string) {
  const client = useClient();
  const refresh = useRefresh(engineId);
  return useMutation({
    mutationFn: (input: { labels: string[]; notLabels: string[]; until: string; ids: string[] }) => client.call('networks:prune', { ...input, engineId }),
    onSuccess: refresh,
  });
}
