import net from 'node:net';
import path from 'node:path';
import type { Client, SFTPWrapper, Stats } from 'ssh2';
import { resolveLinks } from '../util/resolve-links';

/** Bind folders on an SSH engine's machine, checked and created over SFTP on the engine's own SSH connection. */
export interface RemoteFolders {
  status(folder: string): Promise<{ exists: boolean; directory: boolean }>;
  /** Creates the folder and its missing parents, as `mkdir -p` would. */
  create(folder: string): Promise<void>;
  /** Where the path leads on the remote machine once its links are followed (SFTP realpath, part by part). */
  resolve(folder: string): Promise<string>;
}

/** A published port of the remote engine, opened here on 127.0.0.1 through the SSH connection. */
export interface PortForward {
  localPort: number;
  remoteHost: string;
  remotePort: number;
  close(): void;
}

const noSuchFile = (error: unknown) => (error as { code?: unknown }).code === 2; // SSH_FX_NO_SUCH_FILE

export function remoteFolders(sftp: () => Promise<SFTPWrapper>): RemoteFolders {
  const stat = async (folder: string) => {
    const session = await sftp();
    return new Promise<Stats | undefined>((resolve, reject) => {
      session.stat(folder, (error, stats) => (error ? (noSuchFile(error) ? resolve(undefined) : reject(error)) : resolve(stats)));
    });
  };
  const mkdir = async (folder: string) => {
    const session = await sftp();
    return new Promise<void>((resolve, reject) => session.mkdir(folder, (error) => (error ? reject(error) : resolve())));
  };
  const realpath = async (part: string) => {
    const session = await sftp();
    return new Promise<string | undefined>((resolve) => session.realpath(part, (error, real) => resolve(error ? undefined : real)));
  };
  const create = async (folder: string): Promise<void> => {
    const existing = await stat(folder);
    if (existing?.isDirectory()) return;
    if (existing) throw new Error(`${folder} exists and is not a folder.`);
    const parent = path.posix.dirname(folder);
    if (parent !== folder) await create(parent);
    await mkdir(folder);
  };
  return {
    async status(folder) {
      const stats = await stat(folder);
      return { exists: stats !== undefined, directory: stats?.isDirectory() ?? false };
    },
    create: (folder) => {
      if (!path.posix.isAbsolute(folder)) return Promise.reject(new Error('Bind folders on a remote engine are absolute paths.'));
      return create(path.posix.normalize(folder));
    },
    resolve: (folder) => resolveLinks(folder, realpath),
  };
}

/**
 * Listens on a free 127.0.0.1 port here and carries each connection to remoteHost:remotePort as seen from the SSH
 * server (OpenSSH's `ssh -L`), over the engine's one SSH connection.
 */
export async function forwardPort(client: Client, remoteHost: string, remotePort: number): Promise<PortForward> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    client.forwardOut('127.0.0.1', socket.remotePort ?? 0, remoteHost, remotePort, (error, channel) => {
      if (error) return socket.destroy();
      socket.pipe(channel).pipe(socket);
      socket.on('close', () => channel.close());
      channel.on('close', () => socket.destroy());
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    localPort: (server.address() as net.AddressInfo).port,
    remoteHost,
    remotePort,
    close() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
