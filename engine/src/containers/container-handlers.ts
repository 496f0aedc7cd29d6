import type { EngineRegistry } from '../engines/engine-registry';
import { toMinatoError } from '../docker/engine-errors';
import type { ProcedureHandlers } from '../rpc/handlers';
import { runContainerAction } from './container-actions';
import { settleExits } from './settle-exits';
import { toContainerDetail, toContainerSummary } from './map-container';

type ContainerProcedures = Pick<ProcedureHandlers, 'containers:list' | 'containers:inspect' | 'containers:act'>;

export function containerProcedures(registry: EngineRegistry): ContainerProcedures {
  return {
    // One /containers/json?all=1 call: no size, no per-container inspect.
    'containers:list': async ({ engineId, ids }, { signal }) => {
      const connection = registry.get(engineId);
      const docker = connection.docker();
      try {
        const raw = await docker.listContainers({ all: true, abortSignal: signal, ...(ids ? { filters: { id: ids } } : {}) });
        // The engine's id filter matches prefixes: keep exactly the asked ones.
        const asked = ids && new Set(ids);
        const rows = (asked ? raw.filter((container) => asked.has(container.Id)) : raw).map((container) => toContainerSummary(engineId, container));
        return await settleExits(docker, rows, connection.diedLately, signal);
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'containers:inspect': async ({ engineId, id }, { signal }) => {
      const docker = registry.get(engineId).docker();
      try {
        return toContainerDetail(engineId, await docker.getContainer(id).inspect({ abortSignal: signal }));
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'containers:act': async ({ engineId, ids, action, options }) => {
      const docker = registry.get(engineId).docker();
      return { results: await runContainerAction(docker, ids, action, options) };
    },
  };
}
