import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ChangeBatch } from '../../../engine/contract';
import { useClient } from '../client-context';

export const imageKeys = {
  all: (engineId: string) => ['images', engineId] as const,
  list: (engineId: string) => [...imageKeys.all(engineId), 'list'] as const,
};

export function useImageList(engineId: string | undefined, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: imageKeys.list(engineId ?? ''),
    queryFn: ({ signal }) => client.call('images:list', { engineId: engineId as string }, { signal }),
    enabled: enabled && engineId !== undefined,
  });
}

export interface RemoveRequest {
  ref: string;
  force: boolean;
}

export function useRemoveImage(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ref, force }: RemoveRequest) => client.call('images:remove', { engineId, ref, force }),
    // Events refresh the list too; invalidating here shows the result even if an event is slow.
    onSettled: () => queryClient.invalidateQueries({ queryKey: imageKeys.list(engineId) }),
  });
}

/**
 * Image events (pull, tag, untag, delete, import, load) mark the image list stale. The list is one cheap call, so
 * it is refetched whole rather than patched. The Run form's "is this image here" answers go stale with it.
 */
export function applyImageChanges(queryClient: QueryClient, batch: ChangeBatch): void {
  if (!batch.resync && !batch.kinds.includes('image')) return;
  void queryClient.invalidateQueries({ queryKey: imageKeys.all(batch.engineId) });
  // The prefix of runKeys.image: every image the Run form asked about on this engine.
  void queryClient.invalidateQueries({ queryKey: ['run', batch.engineId, 'image'] });
}
