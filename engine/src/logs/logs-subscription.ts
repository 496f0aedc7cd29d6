import type Docker from 'dockerode';
import type { LogBatch, LogChunk, LogStream } from '../../contract/logs';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { SubscriptionHandlers } from '../rpc/handlers';
import { createDemuxer } from './demux';
import { createLineSplitter } from './line-splitter';
import { createPartialJoiner } from './partial-messages';

const FLUSH_MS = 16;
const FLUSH_LINES = 8000;
const FLUSH_CHARS = 1024 * 1024;

interface Readable extends NodeJS.ReadableStream {
  destroy(error?: Error): void;
}

/**
 * `GET /containers/{id}/logs` as a stream even without follow: dockerode would buffer a whole non-follow log in
 * memory, which for a long log is exactly what flow control is there to avoid.
 */
function openLogStream(container: Docker.Container, options: Record<string, unknown>): Promise<Readable> {
  return new Promise((resolve, reject) => {
    container.modem.dial(
      {
        path: `/containers/${encodeURIComponent(container.id)}/logs?`,
        method: 'GET',
        options,
        isStream: true,
        statusCodes: { 200: true, 404: 'no such container', 500: 'server error' },
      },
      (error: unknown, stream: unknown) => (error ? reject(error) : resolve(stream as Readable)),
    );
  });
}

export function logsSubscription(registry: EngineRegistry): Pick<SubscriptionHandlers, 'containers:logs'> {
  return {
    'containers:logs': (input, emit, end, flow) => {
      let stream: Readable | undefined;
      let disposed = false;
      let chunks: LogChunk[] = [];
      let lineCount = 0;
      let batchChars = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let tty = false;

      const flush = () => {
        if (timer) clearTimeout(timer);
        timer = undefined;
        // While the client is behind, hold what was read (bounded: the stream is paused).
        if (lineCount === 0 || flow.paused) return;
        const event: LogBatch = { chunks, tty };
        chunks = [];
        lineCount = 0;
        batchChars = 0;
        emit(event);
        // The client is behind: stop reading until it catches up, so memory stays bounded on both sides.
        if (flow.paused) stream?.pause();
      };
      const push = (streamName: LogStream, line: string) => {
        const last = chunks[chunks.length - 1];
        if (last?.stream === streamName) last.text += `${line}\n`;
        else chunks.push({ stream: streamName, text: `${line}\n` });
        lineCount++;
        batchChars += line.length;
        if (lineCount >= FLUSH_LINES || batchChars >= FLUSH_CHARS) flush();
        else timer ??= setTimeout(flush, FLUSH_MS);
      };
      let ending = false;
      const stopResume = flow.onResume(() => {
        flush();
        if (ending && lineCount === 0) end();
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
        // Each frame is one log message: the place where a long line's parts can be told apart and joined.
        const stdoutMessages = createPartialJoiner((payload) => stdout.write(payload));
        const stderrMessages = createPartialJoiner((payload) => stderr.write(payload));
        const demux = createDemuxer((which, payload) => (which === 'stderr' ? stderrMessages : stdoutMessages)(payload));
        const take = (chunk: Buffer) => (tty ? stdout.write(chunk) : demux(chunk));
        const finish = () => {
          stdout.end();
          stderr.end();
          flush();
          // Lines held back for a slow client go out on its next ack; only then is the stream over.
          ending = true;
          if (lineCount === 0) end();
        };
        const result = await openLogStream(container, options);
        if (disposed) {
          result.destroy();
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
