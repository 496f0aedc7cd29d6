import type { DomainDeps, DomainHandlers } from '../domain';
import type { EngineConnection } from '../engines/engine-connection';
import type { volumeProcedures as contractProcedures, volumeSubscriptions } from '../../contract/volumes-procedures';
import { browseSubscription } from './volume-browse';
import { backupSubscription, cloneProcedure } from './volume-copies';
import { volumeProcedures } from './volume-handlers';
import { createHelpers } from './volume-helpers';
import { restoreProcedures } from './volume-restore';

export type VolumeDomain = DomainHandlers<keyof typeof contractProcedures, keyof typeof volumeSubscriptions>;

/**
 * The volumes domain's handlers. Helper containers left by an earlier Minato (it crashed or was killed while
 * browsing or copying) are swept by their label the first time each engine connects.
 */
export function volumeDomain({ registry, tasks, logger }: DomainDeps): VolumeDomain {
  const helpers = createHelpers();
  const swept = new Set<string>();
  const stops: Array<() => void> = [];

  const sweepOnce = (connection: EngineConnection) => {
    const info = connection.info();
    if (info.state !== 'connected' || swept.has(info.id)) return;
    swept.add(info.id);
    helpers.sweep(connection.docker()).then(
      (removed) => {
        if (removed.length > 0) logger.info({ engineId: info.id, removed: removed.length }, 'removed leftover volume helpers');
      },
      (error: unknown) => {
        swept.delete(info.id);
        logger.warn({ engineId: info.id, err: error }, 'could not sweep leftover volume helpers');
      },
    );
  };
  const watch = (connection: EngineConnection) => {
    stops.push(connection.onStatus(() => sweepOnce(connection)));
    sweepOnce(connection);
  };
  for (const connection of registry.all()) watch(connection);
  stops.push(
    registry.onChange((change) => {
      if ('added' in change) watch(change.added);
    }),
  );

  return {
    procedures: {
      ...volumeProcedures(registry, helpers),
      ...restoreProcedures(tasks, registry, helpers),
      ...cloneProcedure(tasks, registry, helpers),
    },
    subscriptions: {
      ...browseSubscription(registry, helpers),
      ...backupSubscription(tasks, registry, helpers),
    },
    close() {
      for (const stop of stops.splice(0)) stop();
    },
  };
}
