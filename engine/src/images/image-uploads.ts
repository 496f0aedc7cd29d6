import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { MinatoError } from '../../contract/errors';
import { imageImportCommand, imageLoadCommand } from '../../contract/image-commands';
import type { ImageUploadBegin } from '../../contract/image-details';
import type { z } from 'zod';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import type { TaskControl, TaskManager } from '../tasks/task-manager';
import { engineRequest, readProgress, splitRef } from './engine-request';

/** An upload nobody continues for this long is cancelled, and its task with it. */
const IDLE_MS = 5 * 60_000;
/** Each open upload holds a request to the engine: a client cannot open them without bound. */
const MAX_OPEN = 8;

type Begin = z.output<typeof ImageUploadBegin>;

interface Upload {
  taskId: string;
  body: PassThrough;
  size: number;
  received: number;
  /** Settles with the task's job: the images the engine made, or why it failed. */
  result: Promise<string[]>;
  control: TaskControl;
  idle: ReturnType<typeof setTimeout>;
}

type UploadProcedures = Pick<ProcedureHandlers, 'images:uploadBegin' | 'images:uploadChunk' | 'images:uploadEnd' | 'images:uploadAbort'>;

/** What the engine says it made: `Loaded image: NAME` / `Loaded image ID: ID` lines for a load, the new id for an import. */
function madeImage(kind: Begin['kind'], line: { stream?: string; status?: string }): string | undefined {
  if (kind === 'load') return /^Loaded image(?: ID)?: (\S+)/.exec(line.stream?.trim() ?? '')?.[1];
  return /^sha256:[0-9a-f]{64}$/.exec(line.status?.trim() ?? '')?.[0];
}

function requestOf(begin: Begin, body: PassThrough, signal: AbortSignal) {
  if (begin.kind === 'load') return { method: 'POST' as const, path: '/images/load?', query: { quiet: false }, body, stream: true, signal };
  return {
    method: 'POST' as const,
    path: '/images/create?',
    query: { fromSrc: '-', ...(begin.ref ? splitRef(begin.ref) : {}), message: begin.message, changes: begin.changes },
    body,
    stream: true,
    signal,
  };
}

/**
 * `docker load` and `docker import` from a file the person picked: its bytes arrive one chunk per call and go
 * straight into the engine's request (each call answers once the engine took the chunk, so nothing piles up here).
 * Each upload is a task: its progress is the bytes sent, cancelling it aborts the engine's request.
 */
export function imageUploadProcedures(tasks: TaskManager, registry: EngineRegistry): UploadProcedures {
  const uploads = new Map<string, Upload>();

  const get = (uploadId: string): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new MinatoError('not-found', 'This upload is no longer open; start it again.');
    if (upload.control.signal.aborted) throw new MinatoError('cancelled', 'The upload was cancelled.');
    upload.idle.refresh();
    return upload;
  };
  const drop = (uploadId: string, cancel: boolean) => {
    const upload = uploads.get(uploadId);
    if (!upload) return;
    uploads.delete(uploadId);
    clearTimeout(upload.idle);
    if (cancel && !upload.control.signal.aborted) tasks.cancel(upload.taskId);
  };

  return {
    'images:uploadBegin': async (begin) => {
      if (uploads.size >= MAX_OPEN) throw new MinatoError('limit', `At most ${MAX_OPEN} loads or imports run at once: wait for one to finish or cancel it.`);
      const docker = registry.get(begin.engineId).docker();
      const uploadId = randomUUID();
      const body = new PassThrough();
      let settle!: { resolve: (images: string[]) => void; reject: (error: unknown) => void };
      const result = new Promise<string[]>((resolve, reject) => (settle = { resolve, reject }));
      result.catch(() => undefined);
      const command = begin.kind === 'load' ? imageLoadCommand(begin.fileName) : imageImportCommand(begin.fileName, begin);
      let started!: (control: TaskControl) => void;
      const controlled = new Promise<TaskControl>((resolve) => (started = resolve));
      const task = tasks.start({ kind: begin.kind, engineId: begin.engineId, subject: begin.fileName, command }, async (control) => {
        started(control);
        const made: string[] = [];
        try {
          const response = await engineRequest<IncomingMessage>(docker, requestOf(begin, body, control.signal));
          control.status(begin.kind === 'load' ? 'Loading…' : 'Importing…');
          await readProgress(response, (line) => {
            const image = madeImage(begin.kind, line);
            if (image) made.push(image);
            const said = (line.stream ?? line.status ?? '').trim();
            if (said && !line.progress) control.log(said);
          });
          if (made.length === 0) throw new MinatoError('engine-error', 'The engine finished without naming an image.');
          settle.resolve(made);
        } catch (error) {
          body.destroy();
          const failure = control.signal.aborted ? new MinatoError('cancelled', 'The upload was cancelled.') : toMinatoError(error);
          settle.reject(failure);
          throw failure;
        }
      });
      // The job starts on the next turn; its control (cancel signal, progress) serves this upload's calls too.
      const control = await controlled;
      const upload: Upload = { taskId: task.id, body, size: begin.size, received: 0, result, control, idle: setTimeout(() => drop(uploadId, true), IDLE_MS) };
      upload.idle.unref?.();
      uploads.set(uploadId, upload);
      result.finally(() => drop(uploadId, false)).catch(() => undefined);
      return { uploadId, taskId: task.id };
    },
    'images:uploadChunk': async ({ uploadId, data }) => {
      const upload = get(uploadId);
      const bytes = Buffer.from(data, 'base64');
      if (upload.received + bytes.length > upload.size) throw new MinatoError('invalid-input', 'More bytes than the file announced.');
      upload.received += bytes.length;
      upload.control.progress({ unit: 'bytes', current: upload.received, total: upload.size, percent: upload.size ? Math.floor((upload.received / upload.size) * 100) : 100 });
      if (!upload.body.write(bytes)) {
        // Answer once the engine has taken the chunk, or as soon as the upload fails.
        await Promise.race([new Promise((resolve) => upload.body.once('drain', resolve)), upload.result.then(() => undefined)]);
      }
      if (upload.control.signal.aborted) throw new MinatoError('cancelled', 'The upload was cancelled.');
      return {};
    },
    'images:uploadEnd': async ({ uploadId }) => {
      const upload = get(uploadId);
      if (upload.received !== upload.size) throw new MinatoError('invalid-input', `The file is ${upload.size - upload.received} bytes short of its announced size.`);
      upload.body.end();
      return { images: await upload.result };
    },
    'images:uploadAbort': async ({ uploadId }) => {
      drop(uploadId, true);
      return {};
    },
  };
}
