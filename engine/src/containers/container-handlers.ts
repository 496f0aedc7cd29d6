import type { EngineRegistry } from '../engines/engine-registry';
import { toMinatoError } from '../docker/engine-errors';
import type { ProcedureHandlers } from '../rpc/handlers';
import { runContainerAction } from './container-actions';
import { helperImageId, isHelperContainer } from '../volumes/helper-identity';
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
        const [raw, helperImage] = await Promise.all([
          docker.listContainers({ all: true, abortSignal: signal, ...(ids ? { filters: { id: ids } } : {}) }),
          helperImageId(docker),
        ]);
        // The engine's id filter matches prefixes: keep exactly the asked ones. Minato's own volume helpers are not
        // the person's containers: they are left out here, so every list and count (and an image's "used by") agrees.
        const asked = ids && new Set(ids);
        const rows = raw.filter((container) => (!asked || asked.has(container.Id)) && !isHelperContainer(container, helperImage)).map((container) => toContainerSummary(engineId, container));
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
