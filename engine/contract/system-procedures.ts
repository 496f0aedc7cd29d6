import { z } from 'zod';
import { EngineFacts, DiskUsageState, SystemEngineInput } from './system';
import { EventsLogInput, EventsLogMessage } from './system-events';
import { SystemPruneInput, SystemPrunePlan, SystemPrunePreviewInput, SystemPruneReport } from './system-prune';

const TaskStarted = z.object({ taskId: z.string() });

/**
 * The system domain's procedures and subscriptions (channel names `system:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files.
 */
export const systemProcedures = {
  // `docker info` + `docker version`.
  'system:info': { input: SystemEngineInput, output: EngineFacts },
  // `docker system df -v` as a task (it walks every layer and volume); its result is kept per engine.
  'system:diskUsage': { input: SystemEngineInput, output: TaskStarted },
  'system:diskUsageResult': { input: SystemEngineInput, output: DiskUsageState },
  // The engine has no dry run: the preview lists what each prune would remove and the filters that keep it to that.
  'system:prunePreview': { input: SystemPrunePreviewInput, output: SystemPrunePlan },
  'system:prune': { input: SystemPruneInput, output: TaskStarted },
  'system:pruneReport': { input: z.object({ taskId: z.string().max(64) }), output: SystemPruneReport },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const systemSubscriptions = {
  // The events Minato recorded for the engine since it started, then each new one as it comes.
  'system:events': { input: EventsLogInput, event: EventsLogMessage },
} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
