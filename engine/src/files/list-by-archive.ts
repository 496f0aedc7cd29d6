import type Docker from 'dockerode';
import type { FileEntry } from '../../contract/files';
import { readArchive } from './read-archive';

/** Past this many entries a listing stops and says it is partial. */
export const MAX_LISTED = 5000;
/**
 * How much archive a listing reads before it stops and says it is partial. The engine sends a folder's whole subtree,
 * every file's bytes included, and holds the container locked in dockerd while it does: a process in the container
 * that makes one sparse 1 TB file would otherwise lock it (stop and inspect hang) for as long as the listing reads.
 */
export const MAX_ARCHIVE_BYTES = 1024 ** 3;
const BLOCK = 512;

function entryType(type: string | null | undefined): FileEntry['type'] {
  if (type === 'file' || type === 'contiguous-file') return 'file';
  if (type === 'directory') return 'directory';
  if (type === 'symlink' || type === 'link') return 'symlink';
  return 'other';
}

export interface ArchiveListing {
  entries: FileEntry[];
  /** The archive was not read to its end (too many entries or too many bytes): later entries may be missing. */
  truncated: boolean;
}

/**
 * One folder level from the archive API: works on stopped containers, but the engine streams the whole subtree, so
 * reading stops at MAX_ARCHIVE_BYTES (headers and bodies as they travel) or when `signal` fires (the call was
 * cancelled or its client went away), and the engine's stream is closed at once either way.
 */
export async function listByArchive(
  container: Docker.Container,
  folder: string,
  signal?: AbortSignal,
  maxBytes = MAX_ARCHIVE_BYTES,
): Promise<ArchiveListing> {
  const entries: FileEntry[] = [];
  let prefix: string | undefined;
  let bytes = 0;
  let truncated = false;
  // The tar walks the tree depth first, so a later sibling may follow any subtree: it must be read to its end.
  await readArchive(
    container,
    folder,
    async (name, header) => {
      bytes += BLOCK + Math.ceil((header.size ?? 0) / BLOCK) * BLOCK;
      if (prefix === undefined) {
        prefix = name; // the folder itself comes first: "var/", or "" for the root
        return true;
      }
      const rest = name.slice(prefix.length).replace(/\/$/, '');
      if (rest && !rest.includes('/')) {
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
      }
      // This entry is listed already; what stops here is reading its bytes and whatever follows.
      if (bytes > maxBytes) {
        truncated = true;
        return false;
      }
      return true;
    },
    signal,
  );
  return { entries, truncated };
}
