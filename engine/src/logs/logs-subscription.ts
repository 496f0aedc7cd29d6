import type { LogLine, LogStream } from '../../contract/logs';
import type { LogBatch } from '../../contract/logs';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { SubscriptionHandlers } from '../rpc/handlers';
import { createDemuxer } from './demux';
import { createLineSplitter } from './line-splitter';

const FLUSH_MS = 16;
const FLUSH_LINES = 2000;
const FLUSH_CHARS = 512 * 1024;

/** "2024-05-01T10:00:00.123456789Z message" → its two parts; the engine prefixes every entry when asked. */
export function splitTimestamp(line: string): { ts: string; text: string } {
  const space = line.indexOf(' ');
  if (space > 0 && space <= 40 && /^\d{4}-\d\d-\d\dT/.test(line)) return { ts: line.slice(0, space), text: line.slice(space + 1) };
  return { ts: '', text: line };
}

interface Readable extends NodeJS.ReadableStream {
  destroy(error?: Error): void;
}

export function logsSubscription(registry: EngineRegistry): Pick<SubscriptionHandlers, 'containers:logs'> {
  return {
    'containers:logs': (input, emit, end, flow) => {
      let stream: Readable | undefined;
      let disposed = false;
      let batch: LogLine[] = [];
      let batchChars = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let tty = false;

      const flush = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        // While the client is behind, hold what was read (bounded: the stream is paused).
        if (batch.length === 0 || flow.paused) return;
        const event: LogBatch = { lines: batch, tty };
        batch = [];
        batchChars = 0;
        emit(event);
        // The client is behind: stop reading until it catches up, so memory stays bounded on both sides.
        if (flow.paused) stream?.pause();
      };
      const push = (streamName: LogStream, line: string) => {
        const { ts, text } = splitTimestamp(line);
        batch.push({ stream: streamName, ts, text });
        batchChars += text.length;
        if (batch.length >= FLUSH_LINES || batchChars >= FLUSH_CHARS) flush();
        else timer ??= setTimeout(flush, FLUSH_MS);
      };
      let ending = false;
      const stopResume = flow.onResume(() => {
        flush();
        if (ending && batch.length === 0) end();
        else stream?.resume();
      });

      const start = async () => {
        const container = registry.get(input.engineId).docker().getContainer(input.id);
        const info = await container.inspect();
        tty = info.Config?.Tty ?? false;
        const options = {
          follow: input.follow,
          stdout: true,
          stderr: true,
          timestamps: true,
          tail: input.tail === 'all' ? 'all' : input.tail,
          ...(input.since === undefined ? {} : { since: input.since }),
          ...(input.until === undefined ? {} : { until: input.until }),
        };
        const stdout = createLineSplitter((line) => push('stdout', line));
        const stderr = createLineSplitter((line) => push('stderr', line));
        const demux = createDemuxer((which, payload) => (which === 'stderr' ? stderr : stdout).write(payload));
        const take = (chunk: Buffer) => (tty ? stdout.write(chunk) : demux(chunk));
        const finish = () => {
          stdout.end();
          stderr.end();
          flush();
          // Lines held back for a slow client go out on its next ack; only then is the stream over.
          ending = true;
          if (batch.length === 0) end();
        };
        // dockerode answers a follow request with a stream and any other with the whole log in one Buffer.
        const result = (await container.logs(options as never)) as unknown as Readable | Buffer;
        if (disposed) {
          if (!Buffer.isBuffer(result)) result.destroy();
          return;
        }
        if (Buffer.isBuffer(result)) {
          take(result);
          finish();
          return;
        }
        stream = result;
        result.on('data', take);
        result.on('end', finish);
        result.on('error', (error: Error) => {
          if (!disposed) end(toMinatoError(error));
        });
      };
      start().catch((error: unknown) => end(toMinatoError(error)));

      return () => {
        disposed = true;
        if (timer) clearTimeout(timer);
        stopResume();
        stream?.destroy();
      };
    },
  };
}
