import type Docker from 'dockerode';
import type { FileEntry } from '../../contract/files';
import { createDemuxer } from '../logs/demux';

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

/**
 * Lists a running container's folder through exec: one level, without reading any file. The archive API would
 * stream the whole subtree (a large file deep down makes listing `/` slow). Undefined when exec cannot do it
 * (stopped or paused container, no sh or stat, an odd folder): the caller then uses the archive.
 */
export async function listByExec(container: Docker.Container, folder: string): Promise<FileEntry[] | undefined> {
  try {
    // As root, as the archive API reads: the container's own user may not be allowed to read the folder.
    const exec = await container.exec({ Cmd: ['sh', '-c', SCRIPT, 'sh', folder], User: '0', AttachStdout: true, AttachStderr: true });
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
    return parseListing(Buffer.concat(stdout).toString('utf8'));
  } catch {
    return undefined;
  }
}
