import { open, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ComposePathStatus } from '../../contract/compose';

/** The names Compose looks for in a folder, in its order. */
export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];

/** The project name Compose gives a folder: lowercased, only letters, digits, `_` and `-`, starting with one of the first two. */
export function projectNameOf(folder: string): string | undefined {
  const name = path.basename(folder).toLowerCase().replace(/[^a-z0-9_-]/g, '').replace(/^[_-]+/, '');
  return name ? name.slice(0, 63) : undefined;
}

/** Reads a few KB: a compose file is text; a binary (a NUL byte) is not one, whatever its name. */
async function looksLikeText(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    return !buffer.subarray(0, bytesRead).includes(0);
  } finally {
    await handle.close();
  }
}

/**
 * What a path on this machine holds: a compose file (any name ending .yml/.yaml), or a folder with one of Compose's
 * file names. The path is only read (stat, a directory listing, the first bytes of a file), never run or written.
 */
export async function composePathStatus(target: string): Promise<ComposePathStatus> {
  const found = await stat(target).catch((error: NodeJS.ErrnoException) => error);
  if (found instanceof Error) return { status: found.code === 'EACCES' ? 'unreadable' : 'missing' };
  let file = target;
  if (found.isDirectory()) {
    const names = await readdir(target).catch(() => undefined);
    if (!names) return { status: 'unreadable' };
    const name = COMPOSE_FILE_NAMES.find((candidate) => names.includes(candidate));
    if (!name) return { status: 'no-compose-file' };
    file = path.join(target, name);
  } else if (!/\.ya?ml$/i.test(target) || !found.isFile()) return { status: 'not-yaml' };
  const readable = await looksLikeText(file).catch(() => undefined);
  if (readable === undefined) return { status: 'unreadable', file };
  if (!readable) return { status: 'not-yaml', file };
  const name = projectNameOf(path.dirname(file));
  return { status: 'ok', file, ...(name ? { name } : {}) };
}
