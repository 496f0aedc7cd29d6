import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import { startPull, type PullAuth } from './pull-task';
import type { TaskManager } from './task-manager';

type TaskProcedures = Pick<ProcedureHandlers, 'images:pull' | 'tasks:list' | 'tasks:cancel' | 'tasks:log' | 'tasks:layers'>;

export function taskProcedures(tasks: TaskManager, registry: EngineRegistry, auth?: PullAuth): TaskProcedures {
  return {
    // The task belongs to the engine process, not to the caller: a window that closes leaves it running.
    'images:pull': async ({ engineId, ref, platform }) => ({ taskId: startPull(tasks, registry, engineId, ref, platform, auth).id }),
    'tasks:list': async () => tasks.list(),
    'tasks:cancel': async ({ id }) => {
      tasks.cancel(id);
      return {};
    },
    'tasks:log': async ({ id }) => tasks.log(id),
    'tasks:layers': async ({ id }) => tasks.layers(id),
  };
}

export function taskSubscriptions(tasks: TaskManager): Pick<SubscriptionHandlers, 'tasks:changes'> {
  return {
    // All tasks first, so a window that opens (or reconnects) catches up, then every change as it comes.
    'tasks:changes': (_input, emit) => {
      emit({ type: 'snapshot', tasks: tasks.list() });
      return tasks.watch((task) => emit({ type: 'task', task }));
    },
  };
}
