import type Docker from 'dockerode';
import { readArchive } from './read-archive';

/** Account files are small; anything larger is not read (and the archive is used instead). */
const MAX_ACCOUNT_FILE = 1024 * 1024;

/** `uid:gid`, both numeric, never 0: whom a listing by exec may run as. */
export interface ListingUser {
  uid: number;
  gid: number;
}

async function readSmallFile(container: Docker.Container, path: string): Promise<string | undefined> {
  let text: string | undefined;
  try {
    await readArchive(container, path, async (_name, header, body) => {
      if (header.type !== 'file' || (header.size ?? 0) > MAX_ACCOUNT_FILE) return false;
      const chunks: Buffer[] = [];
      for await (const chunk of body) chunks.push(chunk);
      text = Buffer.concat(chunks).toString('utf8');
      return false;
    });
  } catch {
    return undefined;
  }
  return text;
}

interface Account {
  name: string;
  id: number;
  group: number | undefined;
}

/** The entries of an /etc/passwd- or /etc/group-style file: name, number and (passwd only) primary group. */
function accounts(text: string | undefined): Account[] {
  const found: Account[] = [];
  for (const line of text?.split('\n') ?? []) {
    const [name = '', , id = '', group = ''] = line.split(':');
    if (!/^\d+$/.test(id)) continue;
    found.push({ name, id: Number(id), group: /^\d+$/.test(group) ? Number(group) : undefined });
  }
  return found;
}

const numeric = (value: string) => (/^\d+$/.test(value) ? Number(value) : undefined);

/**
 * The container's own configured user (`Config.User`, as `docker run -u` or the image's USER set it) as numbers,
 * or undefined when that user is root, unset (which is root) or unknown. Names are resolved here, from the
 * container's account files read through the archive API, rather than by the engine at exec time: a user who can
 * edit /etc/passwd inside the container could otherwise map its own name to uid 0 and be exec'd as root.
 */
export async function listingUser(container: Docker.Container, configUser: string | undefined): Promise<ListingUser | undefined> {
  const [userPart = '', groupPart] = (configUser ?? '').split(':');
  if (!userPart) return undefined;
  // Numbers for both need no account file (and no archive read).
  const users = numeric(userPart) !== undefined && groupPart !== undefined ? [] : accounts(await readSmallFile(container, '/etc/passwd'));
  const account = numeric(userPart) === undefined ? users.find((entry) => entry.name === userPart) : users.find((entry) => entry.id === Number(userPart));
  const uid = numeric(userPart) ?? account?.id;
  if (uid === undefined || uid === 0) return undefined;
  if (groupPart !== undefined && numeric(groupPart) !== undefined) return { uid, gid: Number(groupPart) };
  const gid =
    groupPart !== undefined ? accounts(await readSmallFile(container, '/etc/group')).find((entry) => entry.name === groupPart)?.id : account?.group;
  // The root group only when the configuration names it in numbers: an account file (which the container's user may
  // have edited) never brings it in, and the user's own number stands in.
  return { uid, gid: gid === undefined || gid === 0 ? uid : gid };
}
