import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useClient } from '../client-context';

/**
 * One module for the registries' server state: keys, reads and the mutations that refresh them. A registry sends no
 * events, so what it lists is read again whenever a view of it mounts (the app's default is to wait for events).
 */
const NO_EVENTS = { staleTime: 0 } as const;
export const registryKeys = {
  all: ['registries'] as const,
  list: () => [...registryKeys.all, 'list'] as const,
  registry: (address: string) => [...registryKeys.all, 'registry', address] as const,
  catalog: (address: string) => [...registryKeys.registry(address), 'catalog'] as const,
  tags: (address: string, repository: string) => [...registryKeys.registry(address), 'tags', repository] as const,
  manifest: (address: string, repository: string, reference: string) => [...registryKeys.registry(address), 'manifest', repository, reference] as const,
  config: (address: string, repository: string, digest: string) => [...registryKeys.registry(address), 'config', repository, digest] as const,
};

export function useRegistries() {
  const client = useClient();
  return useQuery({ queryKey: registryKeys.list(), queryFn: ({ signal }) => client.call('registries:list', {}, { signal }), ...NO_EVENTS });
}

export function useAddRegistry() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { url: string; allowPlainHttp: boolean }) => client.call('registries:add', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.list() }),
  });
}

export function useRemoveRegistry() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (address: string) => client.call('registries:remove', { address }),
    onSuccess: (_result, address) => {
      queryClient.removeQueries({ queryKey: registryKeys.registry(address) });
      return queryClient.invalidateQueries({ queryKey: registryKeys.list() });
    },
  });
}

/** A login or logout changes what the registry shows: everything read from it is read again. */
export function useLogin() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { engineId: string; address: string; username: string; password: string }) => client.call('registries:login', input),
    onSuccess: (_info, { address }) => {
      void queryClient.invalidateQueries({ queryKey: registryKeys.registry(address) });
      return queryClient.invalidateQueries({ queryKey: registryKeys.list() });
    },
  });
}

export function useLogout() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (address: string) => client.call('registries:logout', { address }),
    onSuccess: (_result, address) => {
      queryClient.removeQueries({ queryKey: registryKeys.registry(address) });
      return queryClient.invalidateQueries({ queryKey: registryKeys.list() });
    },
  });
}

/** The catalog page by page, each page asked for with the cursor the last one gave. */
export function useCatalog(address: string) {
  const client = useClient();
  return useInfiniteQuery({
    queryKey: registryKeys.catalog(address),
    queryFn: ({ pageParam, signal }) => client.call('registries:catalog', { address, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
    retry: false,
    ...NO_EVENTS,
  });
}

export function useTags(address: string, repository: string | undefined) {
  const client = useClient();
  return useInfiniteQuery({
    queryKey: registryKeys.tags(address, repository ?? ''),
    queryFn: ({ pageParam, signal }) => client.call('registries:tags', { address, repository: repository ?? '', ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next,
    enabled: repository !== undefined,
    retry: false,
    ...NO_EVENTS,
  });
}

export function useManifest(address: string, repository: string, reference: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: registryKeys.manifest(address, repository, reference ?? ''),
    queryFn: ({ signal }) => client.call('registries:manifest', { address, repository, reference: reference ?? '' }, { signal }),
    enabled: reference !== undefined,
    retry: false,
    ...NO_EVENTS,
  });
}

export function useImageConfig(address: string, repository: string, digest: string | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: registryKeys.config(address, repository, digest ?? ''),
    queryFn: ({ signal }) => client.call('registries:config', { address, repository, digest: digest ?? '' }, { signal }),
    enabled: digest !== undefined,
    // A config is named by its digest: it never changes.
    staleTime: Infinity,
    retry: false,
  });
}

export function useDeleteTag(address: string, repository: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) => client.call('registries:deleteTag', { address, repository, tag }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: registryKeys.registry(address) }),
  });
}

export function usePushImage(engineId: string) {
  const client = useClient();
  return useMutation({ mutationFn: (ref: string) => client.call('images:push', { engineId, ref }) });
}
