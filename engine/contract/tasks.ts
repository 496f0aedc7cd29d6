import { z } from 'zod';
import { EngineId } from './engines';
import { WireError } from './errors';

/** What a long job is: each kind has its title in the UI's tasks.title table. */
export const TaskKind = z.enum([
  'pull',
  'save',
  'load',
  'import',
  'export',
  'prune',
  'push',
  'build',
  'volume-backup',
  'volume-restore',
  'volume-clone',
  'compose',
  'disk-usage',
  'system-prune',
  'vm',
  'vm-image',
]);
export type TaskKind = z.infer<typeof TaskKind>;

export const TaskState = z.enum(['running', 'succeeded', 'failed', 'cancelled']);
export type TaskState = z.infer<typeof TaskState>;

/**
 * How far a task is. `unit` says what `current`/`total` count: bytes when the engine tells sizes, layers when it
 * only tells their number, steps otherwise. `percent` is the one figure to show; absent while it cannot be known.
 */
export const TaskProgress = z.object({
  unit: z.enum(['bytes', 'layers', 'steps']),
  current: z.number().nonnegative(),
  total: z.number().nonnegative().optional(),
  percent: z.number().min(0).max(100).optional(),
});
export type TaskProgress = z.infer<typeof TaskProgress>;

/** One task as every window sees it. Times are milliseconds since the epoch (plain JSON, no Dates). */
export const TaskSummary = z.object({
  id: z.string(),
  kind: TaskKind,
  engineId: EngineId,
  /** What the task works on (an image reference for a pull): the UI words the title from kind and subject. */
  subject: z.string(),
  /** The `docker …` command the task stands for. */
  command: z.string(),
  state: TaskState,
  progress: TaskProgress,
  /** The engine's latest status line, shown under the bar. */
  status: z.string().optional(),
  /** Why it failed, in the engine's words, classified. */
  error: WireError.optional(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
});
export type TaskSummary = z.infer<typeof TaskSummary>;

/**
 * What `tasks:changes` sends: every task the engine process knows when the subscription starts (again after a
 * reconnect, so tasks of an engine that restarted do not linger), then each task as it changes.
 */
export const TaskChange = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), tasks: z.array(TaskSummary) }),
  z.object({ type: z.literal('task'), task: TaskSummary }),
]);
export type TaskChange = z.infer<typeof TaskChange>;

export const TaskRef = z.object({ id: z.string().min(1).max(64) });

export const TaskLogLine = z.object({ at: z.number(), text: z.string() });
export type TaskLogLine = z.infer<typeof TaskLogLine>;

/** A task's log is bounded: the oldest lines go first, and `dropped` says how many went. */
export const TaskLog = z.object({ lines: z.array(TaskLogLine), dropped: z.number().int().nonnegative() });
export type TaskLog = z.infer<typeof TaskLog>;

/** One layer of a pull, for the details a person opens on demand. */
export const TaskLayer = z.object({
  id: z.string(),
  phase: z.enum(['waiting', 'downloading', 'downloaded', 'extracting', 'done', 'present', 'uploading', 'exists']),
  /** Compressed size, once the engine has said it. */
  size: z.number().nonnegative().optional(),
  downloaded: z.number().nonnegative(),
  /** The engine's own words for the layer's latest step ("Verifying Checksum", "Retrying in 5 seconds"…). */
  status: z.string(),
});
export type TaskLayer = z.infer<typeof TaskLayer>;

export const PullStarted = z.object({ taskId: z.string() });
