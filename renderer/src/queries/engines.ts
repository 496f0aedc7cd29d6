import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { onEngine, type EngineDraft, type EngineInfo, type MinatoClient } from '../../../engine/contract';
import { useClient } from '../client-context';
import { containerKeys } from './containers';

export const engineKeys = {
  all: ['engines'] as const,
  list: () => [...engineKeys.all, 'list'] as const,
};

export function useEngines() {
  const client = useClient();
  return useQuery({ queryKey: engineKeys.list(), queryFn: ({ signal }) => client.call('engines:list', {}, { signal }) });
}

export function useEngine(engineId: string | undefined): EngineInfo | undefined {
  return useEngines().data?.find((engine) => engine.id === engineId);
}

/** The shown `docker …` command aimed at an engine as the CLI would name it (`--context`, `-H`), none for the default. */
export function useEngineCommand(engineId: string | undefined): (command: string) => string {
  const engine = useEngine(engineId);
  return useCallback((command: string) => onEngine(command, engine), [engine]);
}

/**
 * A status push replaces that engine's entry in place: no refetch needed. An engine that leaves is dropped with
 * everything cached for it, so none of its rows can show under another view later.
 */
export function patchEngine(queryClient: QueryClient, info: EngineInfo): void {
  if (info.removed) {
    queryClient.setQueryData<EngineInfo[]>(engineKeys.list(), (engines) => engines?.filter((engine) => engine.id !== info.id));
    queryClient.removeQueries({ queryKey: containerKeys.all(info.id) });
    return;
  }
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

/** Settings → Engines: each change answers with the engine as it is now, patched in at once. */
export function useEngineEdits() {
  const client = useClient();
  const queryClient = useQueryClient();
  const patch = (info: EngineInfo) => patchEngine(queryClient, info);
  return {
    add: useMutation({ mutationFn: (draft: EngineDraft) => client.call('engines:add', draft), onSuccess: patch }),
    update: useMutation({ mutationFn: (input: EngineDraft & { engineId: string }) => client.call('engines:update', input), onSuccess: patch }),
    remove: useMutation({
      mutationFn: async (engine: EngineInfo) => {
        await client.call('engines:remove', { engineId: engine.id });
        return engine;
      },
      onSuccess: (engine) => patch({ ...engine, removed: true }),
    }),
    test: useMutation({ mutationFn: (draft: EngineDraft) => client.call('engines:test', draft) }),
    allowInsecure: useMutation({ mutationFn: (engineId: string) => client.call('engines:allowInsecure', { engineId }), onSuccess: patch }),
  };
}

/** What an engine waits for from the person: a host key to trust, a key's passphrase. */
export function useEngineAnswers() {
  const client = useClient();
  return {
    acceptHostKey: useMutation({
      mutationFn: (hostKey: { host: string; port: number; fingerprint: string }) => client.call('engines:acceptHostKey', hostKey),
    }),
    unlockKey: useMutation({ mutationFn: (input: { keyFile: string; passphrase: string }) => client.call('engines:unlockKey', input) }),
  };
}
