import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PruneScope } from '../../../engine/contract';
import { useClient } from '../client-context';
import { imageKeys } from './images';

/** Under imageKeys.all, so the image events that refetch the list refresh an open image page too. */
export const imageDetailKeys = {
  detail: (engineId: string, ref: string) => [...imageKeys.all(engineId), 'detail', ref] as const,
  prune: (engineId: string, scope: PruneScope) => [...imageKeys.all(engineId), 'prune', scope] as const,
};

export function useImageDetail(engineId: string, ref: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: imageDetailKeys.detail(engineId, ref ?? ''),
    queryFn: ({ signal }) => client.call('images:detail', { engineId, ref: ref as string }, { signal }),
    enabled: ref !== undefined,
  });
}

export function useTagImage(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ source, target }: { source: string; target: string }) => client.call('images:tag', { engineId, source, target }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: imageKeys.all(engineId) }),
  });
}

/** What a prune would remove now; read again each time the dialog opens (gcTime 0), never from an old answer. */
export function usePrunePreview(engineId: string, scope: PruneScope) {
  const client = useClient();
  return useQuery({
    queryKey: imageDetailKeys.prune(engineId, scope),
    queryFn: ({ signal }) => client.call('images:prunePreview', { engineId, scope }, { signal }),
    gcTime: 0,
    staleTime: Infinity,
  });
}

export function useStartPrune(engineId: string) {
  const client = useClient();
  return useMutation({
    mutationFn: ({ scope, until, ids }: { scope: PruneScope; until: string | undefined; ids: string[] }) =>
      client.call('images:prune', { engineId, scope, ...(until ? { until } : {}), ids }),
  });
}

export function usePruneReport(taskId: string | undefined, finished: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: ['prune-report', taskId ?? ''],
    queryFn: ({ signal }) => client.call('images:pruneReport', { taskId: taskId as string }, { signal }),
    enabled: taskId !== undefined && finished,
    staleTime: Infinity,
  });
}

export function useCommitContainer(engineId: string) {
  const client = useClient();
  return useMutation({
    mutationFn: (input: { id: string; ref?: string; message?: string; author?: string; changes: string[]; pause: boolean }) =>
      client.call('containers:commit', { engineId, ...input }),
  });
}
