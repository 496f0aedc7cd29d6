import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { RunSpec } from '../../contract/run/run-spec';
import { createFromSpec } from './create';
import { recreateContainer } from './recreate';
import { specFromInspect } from './spec-from-inspect';

/** docker run, editing, and reading a container back into the Run form. */
type RunProcedures = Pick<ProcedureHandlers, 'containers:create' | 'containers:specOf' | 'containers:recreate' | 'containers:rename'>;

export function runProcedures(registry: EngineRegistry): RunProcedures {
  return {
    'containers:recreate': async ({ engineId, id, spec }) => recreateContainer(registry.get(engineId).docker(), id, spec),
    'containers:rename': async ({ engineId, id, name }) => {
      try {
        await registry.get(engineId).docker().getContainer(id).rename({ name });
        return {};
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    // The Run form's options for an existing container: for "run another like this" and for editing.
    'containers:specOf': async ({ engineId, id }) => {
      const docker = registry.get(engineId).docker();
      try {
        const container = await docker.getContainer(id).inspect();
        const image = await docker
          .getImage(container.Image)
          .inspect()
          .catch(() => undefined);
        return RunSpec.parse(specFromInspect(container, image));
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    // With `likeId` (engine/contract/run/create-input.ts) it is "run another like this".
    'containers:create': async (input) => createFromSpec(registry.get(input.engineId).docker(), input),
  };
}
