import type { SubscribeHandlers } from '../../../engine/contract';
import { openSaveTarget, type SaveTarget } from './save-stream';

export interface TarDownloadProgress {
  fileName: string;
  taskId: string;
  bytes: number;
}

export interface TarDownload {
  /** Settles when the file is complete (true), the person closed the save dialog (false), or it failed. */
  done: Promise<boolean>;
  stop(): void;
}

/** A base64 chunk as bytes: a plain loop, several times faster than a mapping callback per byte on 256 KiB chunks. */
function decodeChunk(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Closing the save dialog rejects with an AbortError: the person changed their mind, which is no failure. */
const isAbort = (reason: unknown) => (reason as { name?: unknown } | undefined)?.name === 'AbortError';

/**
 * `docker save` / `docker export` into a file: each chunk is acknowledged once written, so a slow disk slows the
 * engine and nothing piles up in the page (in a browser without a file picker the parts gather in a Blob, which the
 * browser may keep on disk). `open` subscribes to the topic with these handlers.
 */
export function downloadTar(open: (handlers: SubscribeHandlers<'images:save'>) => () => void, onProgress: (progress: TarDownloadProgress) => void): TarDownload {
  let target: Promise<SaveTarget> | undefined;
  let chain = Promise.resolve();
  let progress: TarDownloadProgress = { fileName: '', taskId: '', bytes: 0 };
  let finished = false;
  let settle!: { resolve: (saved: boolean) => void; reject: (error: unknown) => void };
  const done = new Promise<boolean>((resolve, reject) => (settle = { resolve, reject }));

  const fail = (reason: unknown) => {
    if (finished) return;
    finished = true;
    dispose();
    void target?.then((opened) => opened.abort(), () => undefined);
    if (isAbort(reason)) settle.resolve(false);
    else settle.reject(reason);
  };
  // Steps run in order, each once the one before is done; after a failure the rest are skipped.
  const queue = (step: () => Promise<void>) => {
    chain = chain.then(() => (finished ? undefined : step())).catch(fail);
  };

  const dispose = open({
    manualAck: true,
    onEvent: (event, ack) => {
      if (event.type === 'meta') {
        progress = { fileName: event.fileName, taskId: event.taskId, bytes: 0 };
        onProgress(progress);
        const opening = openSaveTarget(event.fileName);
        target = opening;
        queue(async () => {
          await opening;
          ack();
        });
        return;
      }
      const bytes = decodeChunk(event.data);
      queue(async () => {
        await (await target!).write(bytes);
        progress = { ...progress, bytes: progress.bytes + bytes.length };
        onProgress(progress);
        ack();
      });
    },
    onEnd: (error) => {
      queue(async () => {
        if (error) throw error;
        await (await target!).close();
        finished = true;
        settle.resolve(true);
      });
    },
  });

  return {
    done,
    stop: () => fail(Object.assign(new Error('stopped'), { name: 'AbortError' })),
  };
}
