import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import type { TarDownloadEvent } from '../../contract/image-details';
import type { StreamFlow } from '../rpc/handlers';
import type { TaskManager, TaskSpec } from '../tasks/task-manager';

const CHUNK_BYTES = 256 * 1024;

/** Waits while the client holds a full window of unacknowledged chunks; gives up when `signal` aborts. */
function whenCredit(flow: StreamFlow, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  if (!flow.paused) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      stop();
      signal.removeEventListener('abort', aborted);
    };
    const aborted = () => {
      done();
      reject(signal.reason as Error);
    };
    const stop = flow.onResume(() => {
      done();
      resolve();
    });
    signal.addEventListener('abort', aborted, { once: true });
  });
}

export interface TarDownload {
  spec: TaskSpec;
  fileName: string;
  /** Opens the engine's tar stream (`GET /images/get`, `GET /containers/{id}/export`). */
  open(docker: Docker, signal: AbortSignal): Promise<Readable>;
}

/**
 * A tar the engine streams out, sent to one subscriber in base64 chunks and paced by its acknowledgements, so a
 * slow disk slows the engine and nothing is held here. It is a task too: its progress shows in the tasks panel and
 * cancelling it there ends the subscription; a subscriber that goes away cancels the task.
 */
export function streamTar(
  tasks: TaskManager,
  docker: Docker,
  download: TarDownload,
  emit: (event: TarDownloadEvent) => void,
  end: (error?: unknown) => void,
  flow: StreamFlow,
): () => void {
  let sent = 0;
  const task = tasks.start(download.spec, async (control) => {
    const source = await download.open(docker, control.signal);
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        for (let offset = 0; offset < chunk.length; offset += CHUNK_BYTES) {
          await whenCredit(flow, control.signal);
          const part = chunk.subarray(offset, offset + CHUNK_BYTES);
          emit({ type: 'chunk', data: part.toString('base64') });
          sent += part.length;
          control.progress({ unit: 'bytes', current: sent });
        }
      }
    } finally {
      source.destroy();
    }
    if (control.signal.aborted) throw new MinatoError('cancelled', 'The download was cancelled.');
    control.log(`${sent} bytes written to ${download.fileName}`);
  });
  emit({ type: 'meta', fileName: download.fileName, taskId: task.id });
  const unwatch = tasks.watch((changed) => {
    if (changed.id !== task.id || changed.state === 'running') return;
    unwatch();
    if (changed.state === 'succeeded') end();
    else if (changed.state === 'cancelled' || !changed.error) end(new MinatoError('cancelled', 'The download was cancelled.'));
    else end(new MinatoError(changed.error.code, changed.error.message, changed.error.details));
  });
  return () => {
    unwatch();
    // The subscriber went (closed the window, stopped the save): the engine's stream must not stay open.
    if (tasks.list().some((each) => each.id === task.id && each.state === 'running')) tasks.cancel(task.id);
  };
}
