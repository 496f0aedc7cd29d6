import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { volumeRestoreCommand } from '../../contract/volume-commands';
import { VOLUME_MOUNT } from '../../contract/volumes';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import { readArchive } from '../files/read-archive';
import type { ProcedureHandlers } from '../rpc/handlers';
import type { TaskControl, TaskManager } from '../tasks/task-manager';
import { volumeExists, writeVolumeTar } from './volume-copies';
import type { Helpers } from './volume-helpers';

/** A restore nobody continues for this long is cancelled, and its task with it. */
const IDLE_MS = 5 * 60_000;
/** Each open restore holds a request to the engine: a client cannot open them without bound. */
const MAX_OPEN = 4;

type RestoreProcedures = Pick<ProcedureHandlers, 'volumes:restoreBegin' | 'volumes:restoreChunk' | 'volumes:restoreEnd' | 'volumes:restoreAbort'>;

interface Upload {
  taskId: string;
  body: PassThrough;
  size: number;
  received: number;
  /** Settles with the task's job. */
  result: Promise<void>;
  control: TaskControl;
  idle: ReturnType<typeof setTimeout>;
}

/** True when the volume holds anything at all: the archive of its root is read up to its first entry. */
export async function volumeHasFiles(docker: Docker, helpers: Helpers, name: string, signal?: AbortSignal): Promise<boolean> {
  let found = false;
  await helpers.use(docker, name, false, signal, (helper) =>
    readArchive(
      docker.getContainer(helper.id),
      `${VOLUME_MOUNT}/.`,
      async (entry) => {
        if (entry === './' || entry === '.' || entry === '') return true;
        found = true;
        return false;
      },
      signal,
    ),
  );
  return found;
}

/**
 * Restores a .tar from the person's machine into a volume: its bytes arrive one chunk per call and go straight into
 * the engine's `PUT /containers/{helper}/archive` (each call answers once the engine took the chunk, so nothing piles
 * up here), as a `volume-restore` task. A new volume is created first (and removed again if the restore fails); an
 * existing one must be empty unless the person agreed to add to its files.
 */
export function restoreProcedures(tasks: TaskManager, registry: EngineRegistry, helpers: Helpers): RestoreProcedures {
  const uploads = new Map<string, Upload>();

  const get = (uploadId: string): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new MinatoError('not-found', { key: 'volumes.uploadGone' });
    if (upload.control.signal.aborted) throw new MinatoError('cancelled', { key: 'volumes.cancelled' });
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

  const prepare = async (docker: Docker, name: string, create: boolean, overwrite: boolean) => {
    if (create) {
      if (await volumeExists(docker, name)) throw new MinatoError('conflict', { key: 'volumes.exists', params: { name } });
      return;
    }
    await docker.getVolume(name).inspect();
    if (!overwrite && (await volumeHasFiles(docker, helpers, name))) throw new MinatoError('conflict', { key: 'volumes.notEmpty', params: { name } });
  };

  return {
    'volumes:restoreBegin': async ({ engineId, name, create, overwrite, fileName, size }) => {
      if (uploads.size >= MAX_OPEN) throw new MinatoError('limit', { key: 'volumes.tooManyUploads', params: { limit: MAX_OPEN } });
      const docker = registry.get(engineId).docker();
      try {
        await prepare(docker, name, create, overwrite);
      } catch (error) {
        throw toMinatoError(error);
      }
      const body = new PassThrough();
      let settle!: { resolve: () => void; reject: (error: unknown) => void };
      const result = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
      result.catch(() => undefined);
      let started!: (control: TaskControl) => void;
      const controlled = new Promise<TaskControl>((resolve) => (started = resolve));
      const task = tasks.start({ kind: 'volume-restore', engineId, subject: name, command: volumeRestoreCommand(name, fileName, create) }, async (control) => {
        started(control);
        try {
          if (create) await docker.createVolume({ Name: name, abortSignal: control.signal });
          control.status('Restoring…');
          await helpers.use(docker, name, true, control.signal, (helper) => writeVolumeTar(docker, helper.id, body, control.signal));
          control.log(`Restored ${fileName} into ${name}.`);
          settle.resolve();
        } catch (error) {
          body.destroy();
          if (create) await docker.getVolume(name).remove().catch(() => undefined);
          const failure = control.signal.aborted ? new MinatoError('cancelled', { key: 'volumes.cancelled' }) : toMinatoError(error);
          settle.reject(failure);
          throw failure;
        }
      });
      const control = await controlled;
      const uploadId = randomUUID();
      const upload: Upload = { taskId: task.id, body, size, received: 0, result, control, idle: setTimeout(() => drop(uploadId, true), IDLE_MS) };
      upload.idle.unref?.();
      uploads.set(uploadId, upload);
      result.finally(() => drop(uploadId, false)).catch(() => undefined);
      return { uploadId, taskId: task.id };
    },
    'volumes:restoreChunk': async ({ uploadId, data }) => {
      const upload = get(uploadId);
      const bytes = Buffer.from(data, 'base64');
      if (upload.received + bytes.length > upload.size) throw new MinatoError('invalid-input', { key: 'volumes.uploadTooLong' });
      upload.received += bytes.length;
      upload.control.progress({ unit: 'bytes', current: upload.received, total: upload.size, percent: upload.size ? Math.floor((upload.received / upload.size) * 100) : 100 });
      if (!upload.body.write(bytes)) {
        // Answer once the engine has taken the chunk, or as soon as the restore fails.
        await Promise.race([new Promise((resolve) => upload.body.once('drain', resolve)), upload.result.then(() => undefined, () => undefined)]);
      }
      if (upload.control.signal.aborted) throw new MinatoError('cancelled', { key: 'volumes.cancelled' });
      return {};
    },
    'volumes:restoreEnd': async ({ uploadId }) => {
      const upload = get(uploadId);
      if (upload.received !== upload.size) throw new MinatoError('invalid-input', { key: 'volumes.uploadShort', params: { bytes: upload.size - upload.received } });
      upload.body.end();
      await upload.result;
      return {};
    },
    'volumes:restoreAbort': async ({ uploadId }) => {
      drop(uploadId, true);
      return {};
    },
  };
}
