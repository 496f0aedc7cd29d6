import { describe, expect, it } from 'vitest';
import { apiAtLeast, planVolumePrune } from './prune-plan';
import type { RawVolume } from './volume-list';

const hex = 'a'.repeat(64);
const unused: RawVolume[] = [
  { Name: 'named', Driver: 'local', Mountpoint: '/x', Labels: null },
  { Name: 'labelled-anonymous', Driver: 'local', Mountpoint: '/x', Labels: { 'com.docker.volume.anonymous': '' } },
  { Name: hex, Driver: 'local', Mountpoint: '/x', Labels: {} },
  { Name: 'nfs-share', Driver: 'some-plugin', Mountpoint: '/x', Labels: { 'com.docker.volume.anonymous': '' } },
];
const names = (plan: ReturnType<typeof planVolumePrune>) => plan.volumes.map((volume) => volume.name);

describe('planVolumePrune', () => {
  it('on API 1.41 lists every unused local volume, named ones too, and sends no all filter', () => {
    const plan = planVolumePrune(unused, '1.41', false);
    expect(plan).toMatchObject({ rule: 'all-unused-old-api', sendAll: false });
    expect(names(plan)).toEqual([hex, 'labelled-anonymous', 'named']);
    expect(plan.kept).toEqual([{ name: 'nfs-share', why: 'driver' }]);
  });

  it('from API 1.42 lists only volumes the engine labelled anonymous (an unlabelled 64-hex one stays)', () => {
    const plan = planVolumePrune(unused, '1.47', false);
    expect(plan).toMatchObject({ rule: 'anonymous-only', sendAll: false });
    expect(names(plan)).toEqual(['labelled-anonymous']);
    expect(plan.kept.map((kept) => kept.name)).toEqual([hex, 'named', 'nfs-share']);
  });

  it('from API 1.42 with all lists every unused local volume and sends all', () => {
    const plan = planVolumePrune(unused, '1.42', true);
    expect(plan).toMatchObject({ rule: 'all-unused', sendAll: true });
    expect(names(plan)).toEqual([hex, 'labelled-anonymous', 'named']);
  });

  it('compares API versions as numbers', () => {
    expect(apiAtLeast('1.9', '1.42')).toBe(false);
    expect(apiAtLeast('1.100', '1.42')).toBe(true);
    expect(apiAtLeast('1.42', '1.42')).toBe(true);
  });
});
