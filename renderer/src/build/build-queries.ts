import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BuildOptionsInput } from '../../../engine/contract';
import { useClient } from '../client-context';

/** `docker build` as a task: the answer is the task's id once the engine has checked the folder. */
export function useStartBuild(engineId: string) {
  const client = useClient();
  return useMutation({ mutationFn: (options: BuildOptionsInput) => client.call('build:start', { engineId, ...options }) });
}

/** A value once it has stopped changing for `ms`: the folder is checked after typing pauses, not at each key. */
export function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** What the engine finds at the folder typed or picked: there or not, a Dockerfile or not, its .dockerignore. */
export function useContextStatus(engineId: string, contextPath: string, dockerfile: string, enabled: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: ['build', 'context', engineId, contextPath, dockerfile],
    queryFn: ({ signal }) => client.call('build:checkContext', { engineId, contextPath, dockerfile }, { signal }),
    enabled,
    retry: false,
  });
}

/** Whether this window can show a folder dialog (the desktop app can; a browser on headless mode cannot). */
export function useCanPickFolder(): boolean {
  const client = useClient();
  const picker = useQuery({ queryKey: ['build', 'can-pick-folder'], queryFn: ({ signal }) => client.call('host:canPickFolder', {}, { signal }), staleTime: Infinity });
  return picker.data?.available ?? false;
}
