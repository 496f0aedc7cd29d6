import type Docker from 'dockerode';
import type { FileEntry } from '../../contract/files';
import { createDemuxer } from '../logs/demux';
import { listingUser } from './listing-user';

/** A listing that takes longer than this is left to the archive API. */
const TIMEOUT_MS = 5000;

/**
 * Lists one folder level with tools busybox and GNU both have (sh, stat -c, readlink). The folder arrives as `$1`,
 * never inside the script text. Output, so that no file name can break it (names may hold newlines):
 *   names, each NUL-terminated, then one more NUL;
 *   one `stat` line per name, in the same order: raw mode (hex), size, mtime (no names in them), then a NUL;
 *   for each symlink: its name NUL its target NUL.
 */
const SCRIPT = [
  'cd -- "$1" || exit 2',
  // A folder this user may enter but not read globs to nothing: that is not an empty folder.
  '[ -r . ] || exit 2',
  'shift',
  'for f in .[!.]* ..?* *; do { [ -e "$f" ] || [ -L "$f" ]; } && set -- "$@" "$f"; done',
  '[ $# -eq 0 ] && exit 0',
  "printf '%s\\0' \"$@\"",
  "printf '\\0'",
  "stat -c '%f %s %Y' -- \"$@\" || exit 3",
  "printf '\\0'",
  'for f do [ -L "$f" ] && printf \'%s\\0%s\\0\' "$f" "$(readlink -- "$f")"; done',
  'exit 0',
].join('\n');

const S_IFMT = 0o170000;

function typeOf(mode: number): FileEntry['type'] {
  switch (mode & S_IFMT) {
    case 0o040000:
      return 'directory';
    case 0o100000:
      return 'file';
    case 0o120000:
      return 'symlink';
    default:
      return 'other';
  }
}

/** Turns the script's output into entries, or undefined when it is not exactly what the script prints. */
export function parseListing(output: string): FileEntry[] | undefined {
  if (output === '') return [];
  const namesEnd = output.indexOf('\0\0');
  if (namesEnd === -1) return undefined;
  const names = output.slice(0, namesEnd).split('\0');
  const rest = output.slice(namesEnd + 2);
  const statEnd = rest.indexOf('\0');
  if (statEnd === -1) return undefined;
  const lines = rest.slice(0, statEnd).split('\n').filter(Boolean);
  if (lines.length !== names.length) return undefined;
  const links = new Map<string, string>();
  const pairs = rest.slice(statEnd + 1).split('\0');
  for (let index = 0; index + 1 < pairs.length; index += 2) links.set(pairs[index]!, pairs[index + 1]!);
  const entries: FileEntry[] = [];
  for (const [index, line] of lines.entries()) {
    const match = /^([0-9a-f]+) (\d+) (\d+)$/.exec(line);
    if (!match) return undefined;
    const mode = parseInt(match[1]!, 16);
    const type = typeOf(mode);
    const name = names[index]!;
    const target = links.get(name);
    entries.push({
      name,
      type,
      // Only a file's size means anything: the archive reports 0 for folders and links, and so do we.
      size: type === 'file' ? Number(match[2]) : 0,
      mode: mode & 0o7777,
      modified: Number(match[3]) * 1000,
      ...(type === 'symlink' && target ? { linkTarget: target } : {}),
    });
  }
  return entries;
}

/** What listed a folder, so the UI can say it: an exec as the container's own user, or the archive API. */
export interface ExecListing {
  entries: FileEntry[];
  /** `uid:gid` the exec ran as, as `docker exec -u` takes it. */
  user: string;
}

/**
 * Lists a running container's folder through exec: one level, without reading any file. The archive API would
 * stream the whole subtree (a large file deep down makes listing `/` slow).
 *
 * It runs only as the container's own configured user, never as root: a program found in the container runs with
 * no more rights than that user already has, so a user who planted a fake `sh` or `stat` gains nothing. A root (or
 * user-less) container, a stopped or paused one, one without /bin/sh and stat, or a folder that user cannot read
 * give undefined: the caller then reads the archive, which the engine does itself without running anything.
 */
export async function listByExec(container: Docker.Container, folder: string): Promise<ExecListing | undefined> {
  try {
    const info = await container.inspect();
    if (!info.State.Running || info.State.Paused) return undefined;
    const account = await listingUser(container, info.Config.User);
    if (!account) return undefined;
    const user = `${account.uid}:${account.gid}`;
    // An absolute path: nothing on PATH decides which shell runs.
    const exec = await container.exec({ Cmd: ['/bin/sh', '-c', SCRIPT, 'sh', folder], User: user, AttachStdout: true, AttachStderr: true });
    const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy(): void };
    const stdout: Buffer[] = [];
    const demux = createDemuxer((kind, payload) => {
      if (kind === 'stdout') stdout.push(payload);
    });
    const finished = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        stream.destroy();
        resolve(false);
      }, TIMEOUT_MS);
      stream.on('data', (chunk: Buffer) => demux(chunk));
      stream.on('end', () => {
        clearTimeout(timer);
        resolve(true);
      });
      stream.on('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (!finished) return undefined;
    const { ExitCode } = await exec.inspect();
    if (ExitCode !== 0) return undefined;
    const entries = parseListing(Buffer.concat(stdout).toString('utf8'));
    return entries ? { entries, user } : undefined;
  } catch {
    return undefined;
  }
}
