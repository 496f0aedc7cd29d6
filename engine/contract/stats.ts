import { z } from 'zod';
import { ContainerId } from './docker-names';
import { EngineId } from './engines';

/** One sample, computed exactly as `docker stats` computes its columns. */
export const StatsSample = z.object({
  /** Epoch milliseconds of the engine's reading. */
  at: z.number(),
  /** Percent of one CPU × online CPUs (200 % = two CPUs busy), as docker stats shows it; null without a previous reading. */
  cpuPercent: z.number().nullable(),
  memoryUsed: z.number(),
  memoryLimit: z.number(),
  memoryPercent: z.number(),
  networkRx: z.number(),
  networkTx: z.number(),
  blockRead: z.number(),
  blockWrite: z.number(),
  pids: z.number(),
});
export type StatsSample = z.infer<typeof StatsSample>;

export const StatsInput = z.object({ engineId: EngineId, id: ContainerId });
export const StatsSnapshotInput = z.object({ engineId: EngineId, ids: z.array(ContainerId).min(1).max(200) });
export const StatsSnapshot = z.object({ id: z.string(), sample: StatsSample.optional() });
export type StatsSnapshot = z.infer<typeof StatsSnapshot>;
