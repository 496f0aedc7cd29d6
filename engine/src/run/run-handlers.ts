import { MinatoError } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { RunSpec } from '../../contract/run/run-spec';
import { toCreateBody } from './create-body';
import { recreateContainer } from './recreate';
import { specFromInspect } from './spec-from-inspect';

/** docker run: create from a spec, then start unless asked not to; a failed start leaves no half-made container. */
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
    'containers:create': async ({ engineId, spec, start }) => {
      const docker = registry.get(engineId).docker();
      let created: { id: string; warnings: string[] };
      try {
        const container = await docker.createContainer(toCreateBody(spec));
        const info = (await container.inspect()) as { Id: string };
        created = { id: info.Id, warnings: [] };
      } catch (error) {
        throw toMinatoError(error);
      }
      if (start) {
        try {
          await docker.getContainer(created.id).start();
        } catch (error) {
          await docker
            .getContainer(created.id)
            .remove({ force: true, v: true })
            .catch(() => undefined);
          const failure = toMinatoError(error);
          throw new MinatoError(failure.code, failure.message, { ...(failure.details as object), removed: created.id });
        }
      }
      return { id: created.id, name: spec.name ?? '', warnings: created.warnings };
    },
  };
}
