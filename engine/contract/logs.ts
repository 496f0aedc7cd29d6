import { z } from 'zod';
import { EngineId } from './engines';

export const LogsInput = z.object({
  engineId: EngineId,
  id: z.string().min(1).max(256),
  /** How many of the latest lines to start with; 'all' for the whole log. */
  tail: z.union([z.number().int().min(0).max(10_000_000), z.literal('all')]).default(1000),
  /** Epoch seconds (fractions allowed), as `docker logs --since/--until` take them. */
  since: z.number().min(0).optional(),
  until: z.number().min(0).optional(),
  follow: z.boolean().default(true),
});
export type LogsInput = z.input<typeof LogsInput>;

export const LogStream = z.enum(['stdout', 'stderr']);
export type LogStream = z.infer<typeof LogStream>;

export const LogLine = z.object({
  stream: LogStream,
  /** The engine's RFC 3339 timestamp (nanoseconds), always fetched so "load older" and since/until can use it. */
  ts: z.string(),
  text: z.string(),
});
export type LogLine = z.infer<typeof LogLine>;

/** Lines arrive in batches (a few ms or a few hundred KB each), so a chatty container costs few messages. */
export const LogBatch = z.object({
  lines: z.array(LogLine),
  /** True for a TTY container: one stream, raw terminal output (stderr is merged into stdout). */
  tty: z.boolean(),
});
export type LogBatch = z.infer<typeof LogBatch>;

export function logsCommand(target: string, options: { tail?: number | 'all'; follow?: boolean; timestamps?: boolean }): string {
  const words = ['docker', 'logs'];
  if (options.follow) words.push('-f');
  if (options.timestamps) words.push('-t');
  if (options.tail !== undefined && options.tail !== 'all') words.push('--tail', String(options.tail));
  words.push(target);
  return words.join(' ');
}
