import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { helperImageId } from '../volumes/helper-identity';
import { toImageSummary } from './map-image';
import { withRemoveConflict } from './remove-conflict';

type ImageListProcedures = Pick<ProcedureHandlers, 'images:list' | 'images:remove'>;

export function imageListProcedures(registry: EngineRegistry): ImageListProcedures {
  return {
    // One /images/json call, as `docker image ls`: no per-image inspect, no size computed on demand.
    'images:list': async ({ engineId }, { signal }) => {
      try {
        const docker = registry.get(engineId).docker();
        const [raw, helperImage] = await Promise.all([docker.listImages({ abortSignal: signal }), helperImageId(docker)]);
        // The image Minato's volume helpers are made from is Minato's, not the person's: not listed, not counted.
        return raw.filter((image) => image.Id !== helperImage).map(toImageSummary);
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
