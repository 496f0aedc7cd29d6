import path from 'node:path/posix';
import { MinatoError } from '../../contract/errors';
import type { DownloadEvent } from '../../contract/files';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, StreamFlow, SubscriptionHandlers } from '../rpc/handlers';
import { statPath } from './archive-stat';
import { MAX_LISTED, listByArchive } from './list-by-archive';
import { listByExec } from './list-by-exec';
import { readArchive } from './read-archive';

const CHUNK_BYTES = 256 * 1024;

export function filesProcedures(registry: EngineRegistry): Pick<ProcedureHandlers, 'files:list'> {
  return {
    'files:list': async ({ engineId, id, path: folder }, { signal }) => {
      const container = registry.get(engineId).docker().getContainer(id);
      try {
        // A running container with a non-root user lists one level through exec as that user; any other (root,
        // stopped, no sh or stat) through the archive API.
        const byExec = await listByExec(container, folder);
        const byArchive = byExec ? undefined : await listByArchive(container, folder, signal);
        const entries = byExec?.entries ?? byArchive?.entries ?? [];
        const truncated = entries.length > MAX_LISTED || byArchive?.truncated === true;
        const shown = entries.sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name)).slice(0, MAX_LISTED);
        return { path: folder, entries: shown, truncated, via: byExec ? { kind: 'exec' as const, user: byExec.user } : { kind: 'archive' as const } };
      } catch (error) {
        throw toMinatoError(error);
      }
    },
  };
}

/** The engine's archive stream: read by for-await, destroyed when the download ends. */
type ArchiveStream = AsyncIterable<Buffer> & { destroy(): void };

/** Resolves when the client has credit again; rejects as soon as the subscription ends (so nothing waits for ever). */
function creditAvailable(flow: StreamFlow, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error);
    if (!flow.paused) return resolve();
    const onAbort = () => {
      stopWaiting();
      reject(signal.reason as Error);
    };
    const stopWaiting = flow.onResume(() => {
      stopWaiting();
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export function downloadSubscription(registry: EngineRegistry): Pick<SubscriptionHandlers, 'files:download'> {
  return {
    'files:download': ({ engineId, id, path: target }, emit, end, flow) => {
      // However the subscription ends, this ends the archive request, its stream and any wait for credit: an open
      // archive stream keeps the container locked in dockerd.
      const ending = new AbortController();
      const { signal } = ending;
      const sendChunks = async (body: AsyncIterable<Buffer>) => {
        for await (const chunk of body) {
          for (let offset = 0; offset < chunk.length; offset += CHUNK_BYTES) {
            await creditAvailable(flow, signal);
            const event: DownloadEvent = { type: 'chunk', data: chunk.subarray(offset, offset + CHUNK_BYTES).toString('base64') };
            emit(event);
          }
        }
      };
      const start = async () => {
        const container = registry.get(engineId).docker().getContainer(id);
        // A link is followed, as `docker cp -L` does: the archive of a link holds only the link, no bytes. The
        // engine's stat gives the link's fully resolved target; the saved file keeps the link's name.
        const asked = await statPath(container, target);
        const real = asked.isSymlink && asked.linkTarget ? asked.linkTarget : target;
        const stat = real === target ? asked : await statPath(container, real);
        const name = path.basename(target) || 'root';
        if (stat.isDirectory) {
          emit({ type: 'meta', fileName: `${name}.tar`, kind: 'archive' });
          const source = (await container.getArchive({ path: real, abortSignal: signal })) as unknown as ArchiveStream;
          try {
            await sendChunks(source);
          } finally {
            source.destroy();
          }
        } else {
          emit({ type: 'meta', fileName: asked.isSymlink ? name : stat.name, kind: 'file', size: stat.size });
          // A single path arrives as a one-entry archive: send that entry's bytes, as `docker cp` would write them.
          await readArchive(
            container,
            real,
            async (_name, _header, body) => {
              await sendChunks(body);
              return false;
            },
            signal,
          );
        }
        end();
      };
      start().catch((error: unknown) => {
        if (!signal.aborted) end(toMinatoError(error));
      });
      return () => ending.abort(new MinatoError('cancelled', { key: 'engine.downloadStopped' }));
    },
  };
}
