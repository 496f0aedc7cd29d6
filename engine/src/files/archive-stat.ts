import type Docker from 'dockerode';

/** Go's os.FileMode bits, as the engine reports them in X-Docker-Container-Path-Stat. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

export interface PathStat {
  name: string;
  size: number;
  mode: number;
  isDirectory: boolean;
  isSymlink: boolean;
  linkTarget: string;
}

/** `HEAD /containers/{id}/archive`: what a path is, without reading it. Works on stopped containers. */
export async function statPath(container: Docker.Container, path: string): Promise<PathStat> {
  const info = (await container.infoArchive({ path })) as unknown as { headers?: Record<string, string> } & Record<string, unknown>;
  const header = (info.headers?.['x-docker-container-path-stat'] ?? (info['x-docker-container-path-stat'] as string | undefined)) as string | undefined;
  const stat = header ? (JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as { name: string; size: number; mode: number; linkTarget: string }) : undefined;
  const mode = stat?.mode ?? 0;
  return {
    name: stat?.name ?? path.split('/').pop() ?? path,
    size: stat?.size ?? 0,
    mode,
    isDirectory: mode >= 0 && Math.floor(mode / MODE_DIR) % 2 === 1,
    isSymlink: Math.floor(mode / MODE_SYMLINK) % 2 === 1,
    linkTarget: stat?.linkTarget ?? '',
  };
}
