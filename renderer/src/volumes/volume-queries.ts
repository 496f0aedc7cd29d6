import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { VolumeCreateInput } from '../../../engine/contract/volumes';
import { useClient } from '../client-context';

export const volumeKeys = {
  all: (engineId: string) => ['volumes', engineId] as const,
  list: (engineId: string) => [...volumeKeys.all(engineId), 'list'] as const,
  sizes: (engineId: string) => [...volumeKeys.all(engineId), 'sizes'] as const,
  inspect: (engineId: string, name: string) => [...volumeKeys.all(engineId), 'inspect', name] as const,
  prune: (engineId: string, all: boolean) => [...volumeKeys.all(engineId), 'prune', all] as const,
};

/**
 * The list is read again when the engine says a volume or a container changed (a container's mounts make "used by"),
 * or after a reconnect: this section's own `engines:changes` subscription, held while it is shown.
 */
export function useVolumeChanges(engineId: string): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe('engines:changes', { engineId }, {
        onEvent: (batch) => {
          if (!batch.resync && !batch.kinds.includes('volume') && !batch.kinds.includes('container')) return;
          void queryClient.invalidateQueries({ queryKey: volumeKeys.list(engineId) });
          if (batch.resync || batch.kinds.includes('volume')) void queryClient.invalidateQueries({ queryKey: [...volumeKeys.all(engineId), 'inspect'] });
        },
      }),
    [client, queryClient, engineId],
  );
}

export function useVolumeList(engineId: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: volumeKeys.list(engineId), queryFn: ({ signal }) => client.call('volumes:list', { engineId }, { signal }), enabled });
}

/** The engine's disk-use walk, only when the person asks (it reads every file of every volume). */
export function useVolumeSizes(engineId: string, asked: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: volumeKeys.sizes(engineId),
    queryFn: ({ signal }) => client.call('volumes:sizes', { engineId }, { signal }),
    enabled: asked,
    staleTime: Infinity,
  });
}

export function useVolumeInspect(engineId: string, name: string) {
  const client = useClient();
  return useQuery({ queryKey: volumeKeys.inspect(engineId, name), queryFn: ({ signal }) => client.call('volumes:inspect', { engineId, name }, { signal }) });
}

export function useCreateVolume(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (spec: Omit<VolumeCreateInput, 'engineId'>) => client.call('volumes:create', { ...spec, engineId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: volumeKeys.list(engineId) }),
  });
}

export function useRemoveVolume(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, removeContainers }: { name: string; removeContainers: string[] }) => client.call('volumes:remove', { engineId, name, removeContainers }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: volumeKeys.list(engineId) }),
  });
}

export function usePrunePreview(engineId: string, all: boolean, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: volumeKeys.prune(engineId, all), queryFn: ({ signal }) => client.call('volumes:prunePreview', { engineId, all }, { signal }), enabled, staleTime: 0 });
}

export function usePruneVolumes(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ all, expected }: { all: boolean; expected: string[] }) => client.call('volumes:prune', { engineId, all, expected }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: volumeKeys.list(engineId) }),
  });
}

export function useCloneVolume(engineId: string) {
  const client = useClient();
  return useMutation({ mutationFn: ({ source, target }: { source: string; target: string }) => client.call('volumes:clone', { engineId, source, target }) });
}
