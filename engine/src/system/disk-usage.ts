import { diskUsageCommand } from '../../contract/system-commands';
import type { DiskUsage, DiskUsageState } from '../../contract/system';
import type { EngineRegistry } from '../engines/engine-registry';
import { engineRequest } from '../images/engine-request';
import type { TaskManager } from '../tasks/task-manager';
import { mapDiskUsage, type RawDiskUsage } from './disk-usage-map';

export interface DiskUsageStore {
  /** Starts a measurement as a task, or answers the one already running for that engine. */
  start(engineId: string): { taskId: string };
  state(engineId: string): DiskUsageState;
  /** Volume sizes of the last measurement, for the prune preview (sizes come only from a measurement). */
  volumeSizes(engineId: string): { at: number; sizes: ReadonlyMap<string, number> } | undefined;
  forget(engineId: string): void;
}

/**
 * `GET /system/df` on demand only: the engine walks every layer and volume to answer (seconds with many files), so
 * it is never on a timer. The last result of each engine is kept until a newer one succeeds; a cancelled or failed
 * measurement leaves it as it was. Cancel aborts the request (the engine stops answering us at once).
 */
export function createDiskUsageStore(registry: EngineRegistry, tasks: TaskManager): DiskUsageStore {
  const results = new Map<string, DiskUsage>();
  const sizes = new Map<string, { at: number; sizes: Map<string, number> }>();
  const running = new Map<string, string>();

  return {
    start(engineId) {
      const connection = registry.get(engineId);
      const docker = connection.docker();
      const current = running.get(engineId);
      if (current) return { taskId: current };
      const task = tasks.start({ kind: 'disk-usage', engineId, subject: connection.info().name, command: diskUsageCommand() }, async (control) => {
        try {
          const started = Date.now();
          control.progress({ unit: 'steps', current: 0, total: 1 });
          control.status('Measuring disk use…');
          const raw = await engineRequest<RawDiskUsage>(docker, { method: 'GET', path: '/system/df?', signal: control.signal });
          const at = Date.now();
          results.set(engineId, { at, durationMs: at - started, taskId: task.id, ...mapDiskUsage(raw) });
          sizes.set(engineId, { at, sizes: new Map((raw.Volumes ?? []).flatMap((volume) => ((volume.UsageData?.Size ?? -1) >= 0 ? [[volume.Name, volume.UsageData?.Size ?? 0]] : []))) });
          control.log(`Measured in ${at - started} ms`);
          control.progress({ unit: 'steps', current: 1, total: 1, percent: 100 });
        } finally {
          running.delete(engineId);
        }
      });
      running.set(engineId, task.id);
      return { taskId: task.id };
    },
    state(engineId) {
      const result = results.get(engineId);
      const taskId = running.get(engineId);
      return { ...(result ? { result } : {}), ...(taskId ? { runningTaskId: taskId } : {}) };
    },
    volumeSizes: (engineId) => sizes.get(engineId),
    forget(engineId) {
      results.delete(engineId);
      sizes.delete(engineId);
    },
  };
}
