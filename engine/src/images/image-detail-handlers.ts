import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { engineRequest, splitRef } from './engine-request';
import { toImageDetail, type HistoryEntry } from './image-detail';
import { inspectImage } from './inspect-image';

type DetailProcedures = Pick<ProcedureHandlers, 'images:detail' | 'images:tag' | 'containers:commit'>;

export function imageDetailProcedures(registry: EngineRegistry): DetailProcedures {
  return {
    'images:detail': async ({ engineId, ref }, { signal }) => {
      const docker = registry.get(engineId).docker();
      try {
        const inspect = await inspectImage(docker, ref, signal);
        // By id, so a tag moved between the two reads cannot mix two images' data.
        const { name } = docker.getImage(inspect.Id) as unknown as { name: string };
        const history = await engineRequest<HistoryEntry[]>(docker, { method: 'GET', path: `/images/${name}/history?`, signal });
        return toImageDetail(inspect, history);
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'images:tag': async ({ engineId, source, target }, { signal }) => {
      const docker = registry.get(engineId).docker();
      const { name } = docker.getImage(source) as unknown as { name: string };
      try {
        await engineRequest(docker, { method: 'POST', path: `/images/${name}/tag?`, query: { ...splitRef(target) }, signal });
        return {};
      } catch (error) {
        throw toMinatoError(error);
      }
    },
    'containers:commit': async ({ engineId, id, ref, message, author, changes, pause }, { signal }) => {
      const docker = registry.get(engineId).docker();
      try {
        const answer = await engineRequest<{ Id: string }>(docker, {
          method: 'POST',
          path: '/commit?',
          query: { container: id, ...(ref ? splitRef(ref) : {}), comment: message, author, changes, pause },
          signal,
        });
        return { id: answer.Id };
      } catch (error) {
        throw toMinatoError(error);
      }
    },
  };
}
