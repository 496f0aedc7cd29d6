import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SystemPruneInput, SystemPrunePreviewInput } from '../../../engine/contract/system-prune';
import { useClient } from '../client-context';
import { useTasks } from '../queries/tasks';

/** The system section's server state: engine facts, disk use (measured only on demand), the prune and its report. */
export const systemKeys = {
  all: (engineId: string) => ['system', engineId] as const,
  info: (engineId: string) => [...systemKeys.all(engineId), 'info'] as const,
  /** Keyed by the last measurement that ended, so a newly finished one is read once, and an old one stays cached. */
  disk: (engineId: string, lastEnded: string) => [...systemKeys.all(engineId), 'disk', lastEnded] as const,
  report: (taskId: string) => ['system-prune-report', taskId] as const,
};

/** `docker info` + `docker version`: read when the view mounts (they change rarely and send no events). */
export function useEngineFacts(engineId: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: systemKeys.info(engineId), queryFn: ({ signal }) => client.call('system:info', { engineId }, { signal }), enabled, staleTime: 0 });
}

/**
 * The engine's disk-use tasks, newest first: the running one (if any) and the last that ended. The result is the
 * engine's to keep; it is read again only when a measurement ends.
 */
export function useDiskUsage(engineId: string) {
  const client = useClient();
  const tasks = useTasks().data ?? [];
  const mine = tasks.filter((task) => task.kind === 'disk-usage' && task.engineId === engineId);
  const running = mine.find((task) => task.state === 'running');
  const lastEnded = mine.find((task) => task.state !== 'running');
  const state = useQuery({
    queryKey: systemKeys.disk(engineId, lastEnded?.id ?? ''),
    queryFn: ({ signal }) => client.call('system:diskUsageResult', { engineId }, { signal }),
    staleTime: Infinity,
  });
  const start = useMutation({ mutationFn: () => client.call('system:diskUsage', { engineId }) });
  return { state, running, lastEnded, start };
}

export function usePrunePreview() {
  const client = useClient();
  return useMutation({ mutationFn: (input: SystemPrunePreviewInput) => client.call('system:prunePreview', input) });
}

export function useStartSystemPrune() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SystemPruneInput) => client.call('system:prune', input),
    // The facts count containers and images; they are read again after a clean-up.
    onSuccess: (_started, input) => queryClient.invalidateQueries({ queryKey: systemKeys.info(input.engineId) }),
  });
}

export function useSystemPruneReport(taskId: string | undefined, ended: boolean) {
  const client = useClient();
  return useQuery({
    queryKey: systemKeys.report(taskId ?? ''),
    queryFn: ({ signal }) => client.call('system:pruneReport', { taskId: taskId as string }, { signal }),
    enabled: taskId !== undefined && ended,
    staleTime: Infinity,
  });
}
