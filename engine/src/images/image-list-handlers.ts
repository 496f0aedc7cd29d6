import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { toImageSummary } from './map-image';
import { withRemoveConflict } from './remove-conflict';

type ImageListProcedures = Pick<ProcedureHandlers, 'images:list' | 'images:remove'>;

export function imageListProcedures(registry: EngineRegistry): ImageListProcedures {
  return {
    // One /images/json call, as `docker image ls`: no per-image inspect, no size computed on demand.
    'images:list': async ({ engineId }, { signal }) => {
      try {
        const raw = await registry.get(engineId).docker().listImages({ abortSignal: signal });
        return raw.map(toImageSummary);
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'images:remove': async ({ engineId, ref, force }, { signal }) => {
      try {
        const answer = (await registry.get(engineId).docker().getImage(ref).remove({ force, abortSignal: signal })) as Array<{ Untagged?: string; Deleted?: string }> | null;
        return {
          untagged: (answer ?? []).flatMap((entry) => (entry.Untagged ? [entry.Untagged] : [])),
          deleted: (answer ?? []).flatMap((entry) => (entry.Deleted ? [entry.Deleted] : [])),
        };
      } catch (error) {
        throw withRemoveConflict(toMinatoError(error));
      }
    },
  };
}
