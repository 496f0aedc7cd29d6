import { describe, expect, it } from 'vitest';
import { type VolumeFacts, compareTimes, keepsContainer, newest, prunableCacheRecord, prunableVolumes, volumePruneMode } from './prune-rules';

describe('prune rules', () => {
  it('orders RFC 3339 times to the nanosecond, whatever zeros Go trimmed', () => {
    expect(compareTimes('2026-11-30T09:21:18.81984Z', '2026-11-30T09:21:18.819840396Z')).toBeLessThan(0);
    expect(compareTimes('2026-11-30T09:21:18.9Z', '2026-11-30T09:21:18.899999999Z')).toBeGreaterThan(0);
    expect(compareTimes('2026-11-30T09:21:18Z', '2026-11-30T09:21:18.000000000Z')).toBe(0);
    expect(newest(['2026-11-30T09:21:18.1Z', '2026-11-30T09:21:18.100000001Z', '2026-11-30T09:21:17.9Z'])).toBe('2026-11-30T09:21:18.100000001Z');
    expect(newest([])).toBeUndefined();
  });

  it('keeps running, paused and restarting containers', () => {
    expect(['running', 'paused', 'restarting', 'exited', 'created', 'dead'].filter(keepsContainer)).toEqual(['running', 'paused', 'restarting']);
  });

  it('removes named volumes below API 1.42 whatever is asked, and from 1.42 only with all', () => {
    expect(volumePruneMode('1.41', false)).toEqual({ all: false, namedIncluded: true });
    expect(volumePruneMode('1.41', true)).toEqual({ all: false, namedIncluded: true });
    expect(volumePruneMode('1.42', false)).toEqual({ all: false, namedIncluded: false });
    expect(volumePruneMode('1.47', true)).toEqual({ all: true, namedIncluded: true });
  });

  it('prunes local volumes nothing mounts; named ones only when included', () => {
    const volumes: VolumeFacts[] = [
      { name: 'data', driver: 'local', labels: {} },
      { name: 'a'.repeat(64), driver: 'local', labels: { 'com.docker.volume.anonymous': '' } },
      { name: 'mounted', driver: 'local', labels: {} },
      { name: 'nfs', driver: 'other', labels: {} },
    ];
    const mounted = new Set(['mounted']);
    expect(prunableVolumes(volumes, mounted, true).map((volume) => volume.name)).toEqual(['data', 'a'.repeat(64)]);
    expect(prunableVolumes(volumes, mounted, false).map((volume) => volume.name)).toEqual(['a'.repeat(64)]);
  });

  it('never prunes build cache in use; without all, keeps internal, frontend and shared records', () => {
    const records = [
      { type: 'regular', inUse: false, shared: false },
      { type: 'regular', inUse: true, shared: false },
      { type: 'internal', inUse: false, shared: false },
      { type: 'frontend', inUse: false, shared: false },
      { type: 'regular', inUse: false, shared: true },
    ];
    expect(records.map((record) => prunableCacheRecord(record, false))).toEqual([true, false, false, false, false]);
    expect(records.map((record) => prunableCacheRecord(record, true))).toEqual([true, false, true, true, true]);
  });
});
