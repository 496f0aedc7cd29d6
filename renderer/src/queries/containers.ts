import { queryOptions, useMutation, useQueries, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ActionOptions, ChangeBatch, ContainerAction, ContainerSummary, EngineInfo, MinatoClient } from '../../../engine/contract';
import { useClient } from '../client-context';
import { applyImageChanges } from './images';
import { listFreshness } from './list-freshness';
import { MAX_PATCHED_IDS } from './patch-list';

export const containerKeys = {
  all: (engineId: string) => ['containers', engineId] as const,
  list: (engineId: string) => [...containerKeys.all(engineId), 'list'] as const,
  detail: (engineId: string, id: string) => [...containerKeys.all(engineId), 'detail', id] as const,
};

/** The whole list, ordered against the narrow patches that events bring (see `ListFreshness`). */
export function containerListQuery(client: MinatoClient, queryClient: QueryClient, engineId: string) {
  return queryOptions({
    queryKey: containerKeys.list(engineId),
    queryFn: async ({ signal }) => {
      const freshness = listFreshness(queryClient, engineId);
      const seq = freshness.begin();
      const answer = await client.call('containers:list', { engineId }, { signal });
      // A cancelled read (a newer one replaced it) never lands, so it must not count as the latest full list either.
      signal.throwIfAborted();
      // The benchmark reads this mark to time data-to-paint in the page.
      performance.mark('minato:list-data', { detail: answer.length });
      return freshness.fullAnswer(seq, answer);
    },
  });
}

export function useContainerList(engineId: string | undefined, enabled: boolean) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({ ...containerListQuery(client, queryClient, engineId ?? ''), enabled: enabled && engineId !== undefined });
}

/** An engine whose list can be read, or shown as last known while it reconnects. */
export const listable = (engine: EngineInfo) => engine.state === 'connected' || engine.state === 'disconnected';

/** Module-level, so react-query rebuilds the merged list only when one of the lists changes. */
function mergeLists(results: Array<{ data?: ContainerSummary[] | undefined; isPending: boolean; error: unknown }>) {
  return {
    containers: results.flatMap((result) => result.data ?? []),
    pending: results.some((result) => result.isPending),
    /** By position: the n-th listable engine's error, if its list failed. */
    errors: results.map((result) => result.error ?? undefined),
  };
}

/**
 * The All engines view: each engine's list under its own key (the same cache the one-engine view uses, patched by
 * that engine's events), side by side. An engine that cannot be reached adds nothing and slows no other.
 */
export function useAllContainerLists(engines: readonly EngineInfo[]) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQueries({ queries: engines.filter(listable).map((engine) => containerListQuery(client, queryClient, engine.id)), combine: mergeLists });
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
  engineId: string;
  ids: string[];
  action: ContainerAction;
  options: ActionOptions;
}

/** One engine's containers at a time: the engine goes with every request, never taken from what is on screen. */
export function useContainerAction() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ engineId, ids, action, options }: ActionRequest) => client.call('containers:act', { engineId, ids, action, options }),
    // Events refresh the list too; invalidating here makes the result visible even if an event is slow.
    onSettled: (_data, _error, request) => queryClient.invalidateQueries({ queryKey: containerKeys.list(request.engineId) }),
  });
}

/**
 * Engine events (already coalesced by the engine) refresh what went stale; nothing polls. A batch naming a few
 * containers reads just those and patches their rows (one narrow list call instead of the whole list); a burst, a
 * resync or a list that is not settled yet is simply refetched.
 */
export function applyChangeBatch(client: MinatoClient, queryClient: QueryClient, batch: ChangeBatch, patches: PatchQueue): void {
  if (batch.resync) {
    void queryClient.invalidateQueries({ queryKey: containerKeys.all(batch.engineId) });
    return;
  }
  if (!batch.kinds.includes('container')) return;
  for (const id of batch.ids) void queryClient.invalidateQueries({ queryKey: containerKeys.detail(batch.engineId, id) });
  const listKey = containerKeys.list(batch.engineId);
  const state = queryClient.getQueryState(listKey);
  const patchable = batch.ids.length > 0 && batch.ids.length <= MAX_PATCHED_IDS && state?.status === 'success' && state.fetchStatus === 'idle';
  if (!patchable) {
    void queryClient.invalidateQueries({ queryKey: listKey });
    return;
  }
  const ids = batch.ids;
  const freshness = listFreshness(queryClient, batch.engineId);
  // One patch after another, so an older narrow read never lands on top of a newer one; `freshness` orders them
  // against full reads.
  patches.tail = patches.tail.then(async () => {
    try {
      const seq = freshness.begin();
      const fresh = await client.call('containers:list', { engineId: batch.engineId, ids });
      queryClient.setQueryData<ContainerSummary[]>(listKey, (list) => (list ? freshness.narrowAnswer(seq, ids, fresh, list) : list));
    } catch {
      await queryClient.invalidateQueries({ queryKey: listKey });
    }
  });
}

/** Per subscription: the chain of list patches in flight. */
export interface PatchQueue {
  tail: Promise<void>;
}

export function subscribeEngineChanges(client: MinatoClient, queryClient: QueryClient, engineId: string): () => void {
  const patches: PatchQueue = { tail: Promise.resolve() };
  return client.subscribe('engines:changes', { engineId }, {
    onEvent: (batch) => {
      applyChangeBatch(client, queryClient, batch, patches);
      applyImageChanges(queryClient, batch);
    },
  });
}
