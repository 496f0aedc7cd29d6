import path from 'node:path';

/**
 * The path a host sees once it has followed the links in it, the way mkdir would walk it: each existing part through
 * `realpath`, the missing rest as written. `realpath` answers undefined for a part that does not exist (or cannot be
 * read). Used for this machine (fs.realpath) and for an SSH engine's (SFTP realpath), so a link planted in a folder of
 * one's own (a container can write one into a bind-mounted folder) is judged by where it leads.
 */
export async function resolveLinks(target: string, realpath: (part: string) => Promise<string | undefined>): Promise<string> {
  let current = '/';
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue;
    const next = part === '..' ? path.posix.dirname(current) : path.posix.join(current, part);
    current = (await realpath(next)) ?? next;
  }
  return current;
}
