import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import type { EngineRegistry } from './engine-registry';

export function engineProcedures(registry: EngineRegistry): Pick<ProcedureHandlers, 'engines:list' | 'engines:retry'> {
  return {
    'engines:list': async () => registry.all().map((connection) => connection.info()),
    'engines:retry': async ({ engineId }) => registry.get(engineId).retry(),
  };
}

export function engineSubscriptions(registry: EngineRegistry): Pick<SubscriptionHandlers, 'engines:status' | 'engines:changes'> {
  return {
    'engines:status': (_input, emit) => {
      const disposers = registry.all().map((connection) => {
        emit(connection.info());
        return connection.onStatus(emit);
      });
      return () => disposers.forEach((dispose) => dispose());
    },
    'engines:changes': ({ engineId }, emit) => registry.get(engineId).onChanges(emit),
  };
}
