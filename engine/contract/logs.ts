import { z } from 'zod';
import { shellJoin } from './commands';
import { ContainerId } from './docker-names';
import { EngineId } from './engines';

export const LogsInput = z.object({
  engineId: EngineId,
  id: ContainerId,
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

/**
 * Lines arrive in batches (a few ms or up to a megabyte each), so a chatty container costs few messages. Consecutive
 * lines of one stream travel as one string, each line still prefixed by the engine's timestamp and ended by "\n":
 * far cheaper to encode and parse than an object per line. `batchLines` turns a batch back into lines.
 */
export const LogChunk = z.object({ stream: LogStream, text: z.string() });
export type LogChunk = z.infer<typeof LogChunk>;
export const LogBatch = z.object({
  chunks: z.array(LogChunk),
  /** True for a TTY container: one stream, raw terminal output (stderr is merged into stdout). */
  tty: z.boolean(),
});
export type LogBatch = z.infer<typeof LogBatch>;

/** "2024-05-01T10:00:00.123456789Z message" → its two parts (the engine prefixes every entry when asked). */
export function splitTimestamp(line: string): { ts: string; text: string } {
  // Checked by character codes, not a regular expression: this runs for every line of a fast log.
  const space = line.indexOf(' ');
  if (space >= 20 && space <= 40 && line.charCodeAt(4) === 45 && line.charCodeAt(10) === 84) {
    return { ts: line.slice(0, space), text: line.slice(space + 1) };
  }
  return { ts: '', text: line };
}

export function batchLines(batch: LogBatch): LogLine[] {
  const lines: LogLine[] = [];
  for (const chunk of batch.chunks) {
    const parts = chunk.text.split('\n');
    const count = parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
    for (let index = 0; index < count; index++) {
      const { ts, text } = splitTimestamp(parts[index] as string);
      lines.push({ stream: chunk.stream, ts, text });
    }
  }
  return lines;
}

/** Epoch seconds as RFC 3339 in UTC, which `docker logs --since/--until` accept ("2024-05-01T10:00:00Z"). */
export function rfc3339Seconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function logsCommand(
  target: string,
  options: { tail?: number | 'all'; follow?: boolean; timestamps?: boolean; since?: number; until?: number },
): string {
  const words = ['docker', 'logs'];
  if (options.follow) words.push('-f');
  if (options.timestamps) words.push('-t');
  if (options.tail !== undefined && options.tail !== 'all') words.push('--tail', String(options.tail));
  if (options.since !== undefined) words.push('--since', rfc3339Seconds(options.since));
  if (options.until !== undefined) words.push('--until', rfc3339Seconds(options.until));
  words.push(target);
  return shellJoin(words);
}
