import type Docker from 'dockerode';
import { isAnonymousVolume, type VolumeSummary, type VolumeUser } from '../../contract/volumes';
import { isHelper as isHelperContainer } from './volume-helpers';

export interface RawVolume {
  Name: string;
  Driver: string;
  Mountpoint: string;
  Scope?: string;
  CreatedAt?: string;
  Labels?: Record<string, string> | null;
  UsageData?: { Size: number; RefCount: number } | null;
}

export const isHelper = (container: Docker.ContainerInfo) => isHelperContainer(container.Labels, container.Names ?? []);

const userOf = (container: Docker.ContainerInfo): VolumeUser => ({
  id: container.Id,
  name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''),
  state: container.State,
});

/**
 * Which containers mount each volume, from one list of every container (running, stopped and created): the same
 * answer as the container list's `volume` filter, asked once rather than once per volume.
 */
export function usersByVolume(containers: readonly Docker.ContainerInfo[]): Map<string, { users: VolumeUser[]; helpers: number }> {
  const byVolume = new Map<string, { users: VolumeUser[]; helpers: number }>();
  for (const container of containers) {
    for (const mount of container.Mounts ?? []) {
      if (mount.Type !== 'volume' || !mount.Name) continue;
      const entry = byVolume.get(mount.Name) ?? { users: [], helpers: 0 };
      if (isHelper(container)) entry.helpers++;
      else if (!entry.users.some((user) => user.id === container.Id)) entry.users.push(userOf(container));
      byVolume.set(mount.Name, entry);
    }
  }
  return byVolume;
}

export function summaryOf(volume: RawVolume, users: { users: VolumeUser[]; helpers: number } | undefined): VolumeSummary {
  const labels = volume.Labels ?? {};
  const size = volume.UsageData && volume.UsageData.Size >= 0 ? volume.UsageData.Size : undefined;
  return {
    name: volume.Name,
    driver: volume.Driver,
    labels,
    scope: volume.Scope ?? 'local',
    mountpoint: volume.Mountpoint,
    ...(volume.CreatedAt ? { created: volume.CreatedAt } : {}),
    anonymous: isAnonymousVolume(volume.Name, labels),
    ...(size === undefined ? {} : { size }),
    usedBy: (users?.users ?? []).sort((a, b) => a.name.localeCompare(b.name)),
    helpers: users?.helpers ?? 0,
  };
}

/** `docker volume ls` with each volume's users. */
export async function listVolumes(docker: Docker, signal?: AbortSignal): Promise<VolumeSummary[]> {
  const [volumes, containers] = await Promise.all([docker.listVolumes({ abortSignal: signal }), docker.listContainers({ all: true, abortSignal: signal })]);
  const users = usersByVolume(containers);
  return ((volumes.Volumes ?? []) as RawVolume[]).map((volume) => summaryOf(volume, users.get(volume.Name))).sort((a, b) => a.name.localeCompare(b.name));
}

/** The containers that use one volume, by the engine's own `volume` filter (helpers left out). */
export async function volumeUsers(docker: Docker, name: string, signal?: AbortSignal): Promise<VolumeUser[]> {
  const containers = await docker.listContainers({ all: true, filters: { volume: [name] }, abortSignal: signal });
  return containers.filter((container) => !isHelper(container)).map(userOf);
}
