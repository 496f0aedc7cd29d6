import { randomUUID } from 'node:crypto';
import path from 'node:path/posix';
import { Readable } from 'node:stream';
import { pack as createPack, type Pack } from 'tar-stream';
import { MinatoError } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers } from '../rpc/handlers';
import { statPath } from './archive-stat';

/** An upload nobody continues for this long is abandoned and its half-sent archive thrown away. */
const IDLE_MS = 5 * 60_000;

interface Upload {
  pack: Pack;
  done: Promise<unknown>;
  entry?: ReturnType<Pack['entry']>;
  remaining: number;
  folders: Set<string>;
  files: number;
  bytes: number;
  idle: ReturnType<typeof setTimeout>;
  failure?: unknown;
}

type UploadProcedures = Pick<ProcedureHandlers, 'files:uploadBegin' | 'files:uploadFile' | 'files:uploadChunk' | 'files:uploadEnd' | 'files:uploadAbort'>;

/**
 * Uploads stream a tar archive into `PUT /containers/{id}/archive` as the files arrive, one chunk per call, so
 * nothing is held in memory and each call's answer is the back-pressure. Works on stopped containers.
 */
export function uploadProcedures(registry: EngineRegistry): UploadProcedures {
  const uploads = new Map<string, Upload>();

  const abort = (uploadId: string) => {
    const upload = uploads.get(uploadId);
    if (!upload) return;
    uploads.delete(uploadId);
    clearTimeout(upload.idle);
    upload.entry?.destroy();
    upload.pack.destroy(new Error('Upload cancelled.'));
  };
  const get = (uploadId: string): Upload => {
    const upload = uploads.get(uploadId);
    if (!upload) throw new MinatoError('not-found', { key: 'engine.uploadGone' });
    if (upload.failure) {
      abort(uploadId);
      throw toMinatoError(upload.failure);
    }
    clearTimeout(upload.idle);
    upload.idle = setTimeout(() => abort(uploadId), IDLE_MS);
    upload.idle.unref?.();
    return upload;
  };
  const finishEntry = (upload: Upload) => {
    if (upload.entry && upload.remaining > 0) {
      throw new MinatoError('invalid-input', { key: 'engine.uploadShort', params: { bytes: upload.remaining } });
    }
    upload.entry = undefined;
  };

  return {
    'files:uploadBegin': async ({ engineId, id, directory }) => {
      const container = registry.get(engineId).docker().getContainer(id);
      try {
        const stat = await statPath(container, directory);
        if (!stat.isDirectory) throw new MinatoError('invalid-input', { key: 'engine.notAFolder', params: { path: directory } });
      } catch (error) {
        throw toMinatoError(error);
      }
      const pack = createPack();
      const uploadId = randomUUID();
      const upload: Upload = {
        pack,
        done: Promise.resolve(),
        remaining: 0,
        folders: new Set(),
        files: 0,
        bytes: 0,
        idle: setTimeout(() => abort(uploadId), IDLE_MS),
      };
      upload.done = container.putArchive(Readable.from(pack), { path: directory }).catch((error: unknown) => {
        upload.failure = error;
      });
      uploads.set(uploadId, upload);
      return { uploadId };
    },
    'files:uploadFile': async ({ uploadId, path: relative, size, mode, modified }) => {
      const upload = get(uploadId);
      finishEntry(upload);
      // Parent folders first, so the engine creates them with sane modes.
      const parts = relative.split('/').slice(0, -1);
      for (let depth = 1; depth <= parts.length; depth++) {
        const folder = parts.slice(0, depth).join('/');
        if (upload.folders.has(folder)) continue;
        upload.folders.add(folder);
        upload.pack.entry({ name: `${folder}/`, type: 'directory', mode: 0o755, mtime: new Date() });
      }
      const header = { name: path.normalize(relative), size, mode: mode ?? 0o644, mtime: modified ? new Date(modified) : new Date() };
      upload.files++;
      if (size === 0) {
        upload.pack.entry(header, '');
        return {};
      }
      upload.entry = upload.pack.entry(header);
      upload.remaining = size;
      return {};
    },
    'files:uploadChunk': async ({ uploadId, data }) => {
      const upload = get(uploadId);
      const bytes = Buffer.from(data, 'base64');
      if (!upload.entry) throw new MinatoError('invalid-input', { key: 'engine.uploadOrder' });
      if (bytes.length > upload.remaining) throw new MinatoError('invalid-input', { key: 'engine.uploadTooLong' });
      const entry = upload.entry;
      upload.remaining -= bytes.length;
      upload.bytes += bytes.length;
      if (!entry.write(bytes)) await new Promise<void>((resolve) => entry.once('drain', () => resolve()));
      if (upload.remaining === 0) {
        entry.end(Buffer.alloc(0));
        upload.entry = undefined;
      }
      return {};
    },
    'files:uploadEnd': async ({ uploadId }) => {
      const upload = get(uploadId);
      finishEntry(upload);
      upload.pack.finalize();
      await upload.done;
      uploads.delete(uploadId);
      clearTimeout(upload.idle);
      if (upload.failure) throw toMinatoError(upload.failure);
      return { files: upload.files, bytes: upload.bytes };
    },
    'files:uploadAbort': async ({ uploadId }) => {
      abort(uploadId);
      return {};
    },
  };
}
