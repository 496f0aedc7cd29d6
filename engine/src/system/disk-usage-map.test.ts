import { describe, expect, it } from 'vitest';
import { ITEMS_PER_KIND, mapDiskUsage } from './disk-usage-map';

describe('mapDiskUsage', () => {
  it('counts totals and reclaimable space as docker system df does', () => {
    const usage = mapDiskUsage({
      LayersSize: 1000,
      Images: [
        { Id: 'sha256:aaa', RepoTags: ['app:1'], Size: 600, SharedSize: 200, Containers: 1 },
        { Id: 'sha256:bbbbbbbbbbbbbbbb', RepoTags: ['<none>:<none>'], Size: 400, SharedSize: 200, Containers: 0 },
      ],
      Containers: [
        { Id: 'c1', Names: ['/web'], State: 'running', SizeRw: 10 },
        { Id: 'c2', Names: ['/old'], State: 'exited', SizeRw: 30 },
        { Id: 'c3', Names: ['/held'], State: 'paused', SizeRw: -1 },
      ],
      Volumes: [
        { Name: 'data', UsageData: { Size: 50, RefCount: 1 } },
        { Name: 'f'.repeat(64), UsageData: { Size: 70, RefCount: 0 } },
        { Name: 'unsized', UsageData: { Size: -1, RefCount: 0 } },
      ],
      BuildCache: [
        { ID: 'r1', Type: 'regular', Size: 5, InUse: false, Shared: false },
        { ID: 'r2', Type: 'regular', Size: 7, InUse: true, Shared: false },
        { ID: 'r3', Type: 'regular', Size: 11, InUse: false, Shared: true },
      ],
    });
    expect(usage.totals).toEqual({
      images: { count: 2, active: 1, size: 1000, reclaimable: 600 },
      containers: { count: 3, active: 2, size: 40, reclaimable: 30 },
      volumes: { count: 3, active: 1, size: 120, reclaimable: 70 },
      buildCache: { count: 3, active: 1, size: 12, reclaimable: 5 },
    });
    expect(usage.items.images.entries.map((item) => item.name)).toEqual(['app:1', 'bbbbbbbbbbbb']);
    expect(usage.items.volumes.entries.find((item) => item.size === 70)?.anonymous).toBe(true);
    expect(usage.items.containers.entries[0]).toMatchObject({ name: 'old', detail: 'exited', size: 30 });
  });

  it('keeps the largest entries of a kind and counts the rest', () => {
    const volumes = Array.from({ length: ITEMS_PER_KIND + 5 }, (_, index) => ({ Name: `v${index}`, UsageData: { Size: index, RefCount: 0 } }));
    const usage = mapDiskUsage({ Volumes: volumes });
    expect(usage.items.volumes.entries).toHaveLength(ITEMS_PER_KIND);
    expect(usage.items.volumes.more).toBe(5);
    expect(usage.items.volumes.entries[0]?.name).toBe(`v${ITEMS_PER_KIND + 4}`);
  });

  it('reads an engine that reported nothing as empty', () => {
    const usage = mapDiskUsage({ Images: null, Containers: null, Volumes: null, BuildCache: null });
    expect(usage.totals.buildCache).toEqual({ count: 0, active: 0, size: 0, reclaimable: 0 });
  });
});
