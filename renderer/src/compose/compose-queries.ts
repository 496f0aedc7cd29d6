import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ComposeOptionsInput, ComposeAction } from '../../../engine/contract/compose';
import { useClient } from '../client-context';

export const composeKeys = {
  all: (engineId: string) => ['compose', engineId] as const,
  cli: (engineId: string) => [...composeKeys.all(engineId), 'cli'] as const,
  /** `labelled` is the project names the live container list holds: a new one read from the engine at once. */
  projects: (engineId: string, labelled: string) => [...composeKeys.all(engineId), 'projects', labelled] as const,
  project: (engineId: string, name: string) => [...composeKeys.all(engineId), 'project', name] as const,
  config: (engineId: string, name: string) => [...composeKeys.all(engineId), 'config', name] as const,
  path: (engineId: string, path: string) => [...composeKeys.all(engineId), 'path', path] as const,
};

export function useComposeCli(engineId: string) {
  const client = useClient();
  return useQuery({ queryKey: composeKeys.cli(engineId), queryFn: ({ signal }) => client.call('compose:cli', { engineId }, { signal }), staleTime: 30_000 });
}

export function useComposeProjects(engineId: string, labelled: string) {
  const client = useClient();
  return useQuery({
    queryKey: composeKeys.projects(engineId, labelled),
    queryFn: ({ signal }) => client.call('compose:projects', { engineId }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useComposeProject(engineId: string, name: string) {
  const client = useClient();
  return useQuery({ queryKey: composeKeys.project(engineId, name), queryFn: ({ signal }) => client.call('compose:project', { engineId, name }, { signal }), retry: false });
}

export function useComposeConfig(engineId: string, name: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: composeKeys.config(engineId, name), queryFn: ({ signal }) => client.call('compose:config', { engineId, name }, { signal }), enabled, retry: false });
}

/** What a typed path holds, asked once typing pauses. */
export function useComposePath(engineId: string, path: string) {
  const client = useClient();
  const [settled, setSettled] = useState(path);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(path), 300);
    return () => clearTimeout(timer);
  }, [path]);
  const absolute = settled.startsWith('/') || /^[A-Za-z]:[\\/]/.test(settled);
  return useQuery({
    queryKey: composeKeys.path(engineId, settled),
    queryFn: ({ signal }) => client.call('compose:checkPath', { engineId, path: settled }, { signal }),
    enabled: absolute,
    retry: false,
  });
}

export function useAddProject(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => client.call('compose:add', { engineId, path }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: composeKeys.all(engineId) }),
  });
}

export function useForgetProject(engineId: string) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.call('compose:forget', { engineId, name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: composeKeys.all(engineId) }),
  });
}

export function useRunCompose(engineId: string, name: string) {
  const client = useClient();
  return useMutation({
    mutationFn: ({ action, options }: { action: ComposeAction; options?: ComposeOptionsInput }) => client.call('compose:run', { engineId, name, action, options: options ?? {} }),
  });
}
