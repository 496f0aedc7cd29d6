import type { DiskUsageItem, DiskUsageKind, DiskUsageKindName } from '../../contract/system';

/** The parts of `GET /system/df` read here. Sizes are -1 where the engine did not compute them. */
export interface RawDiskUsage {
  LayersSize?: number;
  Images?: Array<{ Id: string; RepoTags?: string[] | null; Size?: number; SharedSize?: number; Containers?: number }> | null;
  Containers?: Array<{ Id: string; Names?: string[] | null; State?: string; SizeRw?: number }> | null;
  Volumes?: Array<{ Name: string; UsageData?: { Size?: number; RefCount?: number } | null }> | null;
  BuildCache?: Array<{ ID: string; Type?: string; Description?: string; Size?: number; InUse?: boolean; Shared?: boolean }> | null;
}

/** Entries kept per kind; the rest are counted. */
export const ITEMS_PER_KIND = 200;

const known = (size: number | undefined) => (size !== undefined && size >= 0 ? size : 0);
const ANONYMOUS = /^[0-9a-f]{64}$/;
// As `docker system df` counts a container active: it runs, is paused, or is restarting.
const ACTIVE_STATES = ['running', 'paused', 'restarting'];

const largestFirst = (items: DiskUsageItem[]) => {
  const sorted = [...items].sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  return { entries: sorted.slice(0, ITEMS_PER_KIND), more: Math.max(0, sorted.length - ITEMS_PER_KIND) };
};

/**
 * The engine's answer as `docker system df` reads it: images take the layer store's size, and what is reclaimable is
 * what no container uses (an image's own bytes, not those it shares); containers' writable layers are reclaimable
 * unless active; volumes unless mounted; build cache unless in use or shared.
 */
export function mapDiskUsage(raw: RawDiskUsage): { totals: Record<DiskUsageKindName, DiskUsageKind>; items: Record<DiskUsageKindName, { entries: DiskUsageItem[]; more: number }> } {
  const images = raw.Images ?? [];
  const containers = raw.Containers ?? [];
  const volumes = raw.Volumes ?? [];
  const cache = raw.BuildCache ?? [];

  const imagesInUse = images.filter((image) => (image.Containers ?? 0) > 0);
  const imageTotal = known(raw.LayersSize);
  const imageUsed = imagesInUse.reduce((sum, image) => sum + known(image.Size) - known(image.SharedSize), 0);
  const activeContainers = containers.filter((container) => ACTIVE_STATES.includes(container.State ?? ''));
  const containerTotal = containers.reduce((sum, container) => sum + known(container.SizeRw), 0);
  const unusedVolumes = volumes.filter((volume) => (volume.UsageData?.RefCount ?? 0) === 0);
  const cacheCounted = cache.filter((record) => !record.Shared);

  return {
    totals: {
      images: { count: images.length, active: imagesInUse.length, size: imageTotal, reclaimable: Math.max(0, imageTotal - imageUsed) },
      containers: {
        count: containers.length,
        active: activeContainers.length,
        size: containerTotal,
        reclaimable: containerTotal - activeContainers.reduce((sum, container) => sum + known(container.SizeRw), 0),
      },
      volumes: {
        count: volumes.length,
        active: volumes.length - unusedVolumes.length,
        size: volumes.reduce((sum, volume) => sum + known(volume.UsageData?.Size), 0),
        reclaimable: unusedVolumes.reduce((sum, volume) => sum + known(volume.UsageData?.Size), 0),
      },
      buildCache: {
        count: cache.length,
        active: cache.filter((record) => record.InUse).length,
        size: cacheCounted.reduce((sum, record) => sum + known(record.Size), 0),
        reclaimable: cacheCounted.filter((record) => !record.InUse).reduce((sum, record) => sum + known(record.Size), 0),
      },
    },
    items: {
      images: largestFirst(images.map((image) => ({ id: image.Id, name: image.RepoTags?.find((tag) => tag !== '<none>:<none>') ?? image.Id.replace(/^sha256:/, '').slice(0, 12), size: known(image.Size), users: Math.max(0, image.Containers ?? 0) }))),
      containers: largestFirst(containers.map((container) => ({ id: container.Id, name: (container.Names?.[0] ?? container.Id.slice(0, 12)).replace(/^\//, ''), size: known(container.SizeRw), users: 0, detail: container.State ?? '' }))),
      volumes: largestFirst(volumes.map((volume) => ({ id: volume.Name, name: volume.Name, size: known(volume.UsageData?.Size), users: Math.max(0, volume.UsageData?.RefCount ?? 0), anonymous: ANONYMOUS.test(volume.Name) }))),
      buildCache: largestFirst(cache.map((record) => ({ id: record.ID, name: record.Description || record.ID, size: known(record.Size), users: record.InUse ? 1 : 0, detail: record.Type ?? '' }))),
    },
  };
}
