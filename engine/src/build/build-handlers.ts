import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import type { TaskManager } from '../tasks/task-manager';
import { contextStatus } from './build-context';
import { startBuild } from './build-task';

type BuildProcedures = Pick<ProcedureHandlers, 'build:start' | 'build:checkContext'>;

export function buildProcedures(tasks: TaskManager, registry: EngineRegistry): BuildProcedures {
  return {
    // Answers with the task once the folder is checked; the build goes on whoever asked goes away.
    'build:start': async ({ engineId, ...options }) => ({ taskId: (await startBuild(tasks, registry, engineId, options)).id }),
    'build:checkContext': async ({ engineId, contextPath, dockerfile }) => {
      registry.get(engineId); // An engine that is not there is refused as for a build.
      return contextStatus(contextPath, dockerfile);
    },
  };
}
