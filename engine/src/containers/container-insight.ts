import type { FilesystemChange } from '../../contract/inspect';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';

const CHANGE_KINDS: Record<number, FilesystemChange['kind']> = { 0: 'changed', 1: 'added', 2: 'deleted' };

type InsightProcedures = Pick<ProcedureHandlers, 'containers:inspectRaw' | 'containers:top' | 'containers:diff'>;

/** `docker inspect`, `docker top` and `docker diff`, for the detail view's tabs. */
export function insightProcedures(registry: EngineRegistry): InsightProcedures {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw toMinatoError(error);
    }
  };
  return {
    'containers:inspectRaw': ({ engineId, id }, { signal }) =>
      guard(async () => (await registry.get(engineId).docker().getContainer(id).inspect({ abortSignal: signal })) as unknown as Record<string, unknown>),
    'containers:top': ({ engineId, id }, { signal }) =>
      guard(async () => {
        const top = (await registry.get(engineId).docker().getContainer(id).top({ abortSignal: signal })) as { Titles?: string[]; Processes?: string[][] };
        return { titles: top.Titles ?? [], processes: top.Processes ?? [] };
      }),
    'containers:diff': ({ engineId, id }, { signal }) =>
      guard(async () => {
        // With no changes the engine answers `null`, which dockerode hands back as an unparsed Buffer.
        const answer: unknown = await registry.get(engineId).docker().getContainer(id).changes({ abortSignal: signal });
        const changes = (Buffer.isBuffer(answer) ? JSON.parse(answer.toString('utf8')) ?? [] : answer ?? []) as Array<{ Path: string; Kind: number }>;
        return changes.map((change) => ({ path: change.Path, kind: CHANGE_KINDS[change.Kind] ?? 'changed' }));
      }),
  };
}
