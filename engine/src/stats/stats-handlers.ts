import type { StatsSnapshot } from '../../contract/stats';
import { toMinatoError } from '../docker/engine-errors';
import { createLineParser } from '../engines/event-stream';
import type { EngineRegistry } from '../engines/engine-registry';
import type { Logger } from '../log/logger';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import { mapWithLimit } from '../util/map-limit';
import { toStatsSample, type RawStats } from './compute-stats';
import { createCpuBaselines } from './cpu-baselines';

/** One-shot reads for the list are few at a time, so the cost follows what is on screen. */
const SNAPSHOT_CONCURRENCY = 4;
/** The list re-reads visible rows every 5 s: a baseline a minute old belongs to a row no longer on screen. */
const BASELINE_MAX_AGE_MS = 60_000;
const BASELINE_MAX_ENTRIES = 1000;

interface Readable extends NodeJS.ReadableStream {
  destroy(error?: Error): void;
}

export function statsSubscription(registry: EngineRegistry, logger?: Logger): Pick<SubscriptionHandlers, 'containers:stats'> {
  return {
    'containers:stats': ({ engineId, id }, emit, end) => {
      let stream: Readable | undefined;
      let disposed = false;
      const start = async () => {
        const result = (await registry.get(engineId).docker().getContainer(id).stats({ stream: true })) as unknown as Readable;
        if (disposed) return result.destroy();
        stream = result;
        const parse = createLineParser((line) => {
          try {
            emit(toStatsSample(JSON.parse(line) as RawStats));
          } catch (error) {
            // A torn or foreign line: the next sample comes within a second.
            logger?.debug({ err: error, container: id }, 'skipped an unreadable stats sample');
          }
        });
        result.on('data', parse);
        result.on('end', () => end());
        result.on('error', (error: Error) => {
          if (!disposed) end(toMinatoError(error));
        });
      };
      start().catch((error: unknown) => end(toMinatoError(error)));
      return () => {
        disposed = true;
        stream?.destroy();
      };
    },
  };
}

/**
 * Figures for the visible rows of the list: one-shot reads (no second sample taken by the engine), with the CPU
 * delta computed against this engine's previous read of the same container.
 */
export function statsProcedures(registry: EngineRegistry, logger?: Logger): Pick<ProcedureHandlers, 'containers:statsSnapshot'> {
  const previous = createCpuBaselines({ maxAgeMs: BASELINE_MAX_AGE_MS, maxEntries: BASELINE_MAX_ENTRIES });
  return {
    'containers:statsSnapshot': async ({ engineId, ids }) => {
      const docker = registry.get(engineId).docker();
      return mapWithLimit(ids, SNAPSHOT_CONCURRENCY, async (id): Promise<StatsSnapshot> => {
        try {
          const raw = (await docker.getContainer(id).stats({ stream: false, 'one-shot': true } as never)) as unknown as RawStats;
          const total = raw.cpu_stats?.cpu_usage?.total_usage;
          const system = raw.cpu_stats?.system_cpu_usage;
          const before = previous.swap(`${engineId}/${id}`, total !== undefined && system !== undefined ? { total, system } : undefined);
          const withPrevious: RawStats = before ? { ...raw, precpu_stats: { cpu_usage: { total_usage: before.total }, system_cpu_usage: before.system } } : raw;
          return { id, sample: toStatsSample(withPrevious) };
        } catch (error) {
          // One container gone or stopped mid-read shows no figures; the rest of the list still gets its own.
          logger?.debug({ err: error, container: id }, 'no stats snapshot for a container');
          return { id };
        }
      });
    },
  };
}
