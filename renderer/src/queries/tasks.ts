import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TaskChange, TaskSummary } from '../../../engine/contract';
import { useClient } from '../client-context';

/** Tasks belong to the engine process, not to an engine: one list for the whole app. */
export const taskKeys = {
  all: ['tasks'] as const,
  list: () => [...taskKeys.all, 'list'] as const,
  log: (id: string) => [...taskKeys.all, 'log', id] as const,
  layers: (id: string) => [...taskKeys.all, 'layers', id] as const,
};

const newestFirst = (tasks: TaskSummary[]) => [...tasks].sort((a, b) => b.startedAt - a.startedAt);

/**
 * Applies one `tasks:changes` message to the cached list, newest first (people look for what they just started): a
 * snapshot replaces the list, a task replaces its own entry.
 */
export function applyTaskChange(list: TaskSummary[] | undefined, change: TaskChange): TaskSummary[] {
  if (change.type === 'snapshot') return newestFirst(change.tasks);
  return newestFirst([change.task, ...(list ?? []).filter((candidate) => candidate.id !== change.task.id)]);
}

export function useTasks() {
  const client = useClient();
  return useQuery({
    queryKey: taskKeys.list(),
    queryFn: ({ signal }) => client.call('tasks:list', {}, { signal }),
    // Kept fresh by `tasks:changes`; a refetch would only repeat what that says.
    staleTime: Infinity,
  });
}

export function useTask(id: string | undefined): TaskSummary | undefined {
  return useTasks().data?.find((task) => task.id === id);
}

/**
 * Follows every task for as long as the app is open. `onChange` hears each update with the state the list held
 * before it, so a caller can tell when a task has just ended.
 */
export function useTaskUpdates(onChange?: (task: TaskSummary, previous: TaskSummary | undefined) => void): void {
  const client = useClient();
  const queryClient = useQueryClient();
  useEffect(
    () =>
      client.subscribe('tasks:changes', {}, {
        onEvent: (change) => {
          const before = queryClient.getQueryData<TaskSummary[]>(taskKeys.list());
          queryClient.setQueryData<TaskSummary[]>(taskKeys.list(), (list) => applyTaskChange(list, change));
          for (const task of change.type === 'snapshot' ? change.tasks : [change.task]) {
            // Open details read the log and layers again, at the pace the engine sends updates (a few a second).
            void queryClient.invalidateQueries({ queryKey: taskKeys.log(task.id) });
            void queryClient.invalidateQueries({ queryKey: taskKeys.layers(task.id) });
            onChange?.(task, before?.find((candidate) => candidate.id === task.id));
          }
        },
      }),
    [client, queryClient, onChange],
  );
}

export function useCancelTask() {
  const client = useClient();
  return useMutation({ mutationFn: (id: string) => client.call('tasks:cancel', { id }) });
}

export function useTaskLog(id: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: taskKeys.log(id), queryFn: ({ signal }) => client.call('tasks:log', { id }, { signal }), enabled });
}

export function useTaskLayers(id: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: taskKeys.layers(id), queryFn: ({ signal }) => client.call('tasks:layers', { id }, { signal }), enabled });
}

/** `docker pull` as a task: the answer is the task's id; its progress arrives with the task list. A platform may be asked for. */
export function usePullImage(engineId: string) {
  const client = useClient();
  return useMutation({
    mutationFn: (request: string | { ref: string; platform?: string }) => client.call('images:pull', { engineId, ...(typeof request === 'string' ? { ref: request } : request) }),
  });
}
