import path from 'node:path/posix';
import type { DownloadEvent, FileEntry } from '../../contract/files';
import { toMinatoError } from '../docker/engine-errors';
import type { EngineRegistry } from '../engines/engine-registry';
import type { ProcedureHandlers, SubscriptionHandlers } from '../rpc/handlers';
import { statPath } from './archive-stat';
import { readArchive } from './read-archive';

/** Listing reads the folder's archive; past this many entries it stops and says the list is partial. */
const MAX_LISTED = 5000;
const CHUNK_BYTES = 256 * 1024;

function entryType(type: string | null | undefined): FileEntry['type'] {
  if (type === 'file' || type === 'contiguous-file') return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink' || type === 'link') return 'symlink';
  return 'other';
}

export function filesProcedures(registry: EngineRegistry): Pick<ProcedureHandlers, 'files:list'> {
  return {
    // The archive API works on stopped containers too, which `ls` through exec cannot.
    'files:list': async ({ engineId, id, path: folder }) => {
      const container = registry.get(engineId).docker().getContainer(id);
      try {
        const entries: FileEntry[] = [];
        let prefix: string | undefined;
        let truncated = false;
        await readArchive(container, folder, async (name, header) => {
          if (prefix === undefined) {
            prefix = name; // the folder itself comes first: "var/", or "" for the root
            return true;
          }
          const rest = name.slice(prefix.length).replace(/\/$/, '');
          if (!rest || rest.includes('/')) return true;
          if (entries.length >= MAX_LISTED) {
            truncated = true;
            return false;
          }
          entries.push({
            name: rest,
            type: entryType(header.type),
            size: header.size ?? 0,
            mode: header.mode ?? 0,
            modified: header.mtime ? header.mtime.getTime() : 0,
            ...(header.linkname ? { linkTarget: header.linkname } : {}),
          });
          return true;
        });
        entries.sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || a.name.localeCompare(b.name));
        return { path: folder, entries, truncated };
      } catch (error) {
        throw toMinatoError(error);
      }
    },
  };
}

interface Readable extends NodeJS.ReadableStream {
  destroy(error?: Error): void;
}

export function downloadSubscription(registry: EngineRegistry): Pick<SubscriptionHandlers, 'files:download'> {
  return {
    'files:download': ({ engineId, id, path: target }, emit, end, flow) => {
      let source: Readable | undefined;
      let disposed = false;
      const waitForCredit = () =>
        new Promise<void>((resolve) => {
          if (!flow.paused) return resolve();
          const stop = flow.onResume(() => {
            stop();
            resolve();
          });
        });
      const sendChunks = async (body: AsyncIterable<Buffer>) => {
        for await (const chunk of body) {
          for (let offset = 0; offset < chunk.length; offset += CHUNK_BYTES) {
            if (disposed) return;
            await waitForCredit();
            const event: DownloadEvent = { type: 'chunk', data: chunk.subarray(offset, offset + CHUNK_BYTES).toString('base64') };
            emit(event);
          }
        }
      };
      const start = async () => {
        const container = registry.get(engineId).docker().getContainer(id);
        const stat = await statPath(container, target);
        if (stat.isDirectory) {
          emit({ type: 'meta', fileName: `${path.basename(target) || 'root'}.tar`, kind: 'archive' });
          source = (await container.getArchive({ path: target })) as unknown as Readable;
          await sendChunks(source as unknown as AsyncIterable<Buffer>);
        } else {
          emit({ type: 'meta', fileName: stat.name, kind: 'file', size: stat.size });
          // A single path arrives as a one-entry archive: send that entry's bytes, as `docker cp` would write them.
          await readArchive(container, target, async (_name, _header, body) => {
            await sendChunks(body);
            return false;
          });
        }
        end();
      };
      start().catch((error: unknown) => end(toMinatoError(error)));
      return () => {
        disposed = true;
        source?.destroy();
      };
    },
  };
}
