import type { DomainDeps, DomainHandlers } from '../domain';
import type { systemProcedures, systemSubscriptions } from '../../contract/system-procedures';
import type { SystemPruneReport } from '../../contract/system-prune';
import { MinatoError } from '../../contract/errors';
import { systemPruneCommands } from '../../contract/system-commands';
import { toMinatoError } from '../docker/engine-errors';
import { createDiskUsageStore } from './disk-usage';
import { readEngineFacts } from './engine-facts';
import { createEventsLog, type EventsLogOptions } from './events-log';
import { previewSystemPrune } from './prune-preview';
import { runSystemPrune } from './prune-run';

export type SystemDomain = DomainHandlers<keyof typeof systemProcedures, keyof typeof systemSubscriptions>;

/** Reports of finished prunes, kept for the window that asks after the task ends; the oldest go first. */
const KEPT_REPORTS = 20;

/** The system domain: engine facts, disk use as a task, prune with a preview, and the events log of each engine. */
export function systemDomain(deps: DomainDeps, eventsOptions: EventsLogOptions = {}): SystemDomain {
  const { registry, tasks } = deps;
  const diskUsage = createDiskUsageStore(registry, tasks);
  const events = createEventsLog(registry, eventsOptions);
  const reports = new Map<string, SystemPruneReport>();
  const stopForgetting = registry.onChange((change) => {
    if ('removed' in change) diskUsage.forget(change.removed.info().id);
  });

  return {
    procedures: {
      'system:info': async ({ engineId }, { signal }) => {
        const docker = registry.get(engineId).docker();
        try {
          return await readEngineFacts(docker, signal);
        } catch (error) {
          throw toMinatoError(error);
        }
      },
      'system:diskUsage': async ({ engineId }) => diskUsage.start(engineId),
      'system:diskUsageResult': async ({ engineId }) => diskUsage.state(engineId),
      'system:prunePreview': async ({ engineId, ...input }, { signal }) => {
        const connection = registry.get(engineId);
        const docker = connection.docker();
        try {
          return await previewSystemPrune(input, { docker, apiVersion: connection.info().version?.api ?? '1.41', signal, volumeSizes: diskUsage.volumeSizes(engineId) });
        } catch (error) {
          throw toMinatoError(error);
        }
      },
      'system:prune': async (input) => {
        const connection = registry.get(input.engineId);
        const docker = connection.docker();
        const report: SystemPruneReport = {};
        const task = tasks.start(
          { kind: 'system-prune', engineId: input.engineId, subject: connection.info().name, command: systemPruneCommands(input).join('\n') },
          async (control) => {
            // Kept from the start, so a failure or cancel halfway still says what already went.
            reports.set(task.id, report);
            for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - KEPT_REPORTS))) reports.delete(old);
            await runSystemPrune(docker, input, control, report);
          },
        );
        return { taskId: task.id };
      },
      'system:pruneReport': async ({ taskId }) => {
        const report = reports.get(taskId);
        if (!report) throw new MinatoError('not-found', { key: 'engine.noTask', params: { id: taskId } });
        return report;
      },
    },
    subscriptions: {
      'system:events': ({ engineId }, emit, end) => events.subscribe(engineId, emit, end),
    },
    close() {
      stopForgetting();
      events.close();
    },
  };
}
