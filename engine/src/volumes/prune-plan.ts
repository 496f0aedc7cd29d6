import { ANONYMOUS_LABEL, isAnonymousVolume, type PruneRule, type VolumePrunePlan } from '../../contract/volumes';
import type { RawVolume } from './volume-list';

/** `1.41` < `1.42`, compared part by part as numbers. */
export function apiAtLeast(version: string, wanted: string): boolean {
  const have = version.split('.').map(Number);
  const want = wanted.split('.').map(Number);
  for (let index = 0; index < Math.max(have.length, want.length); index++) {
    const difference = (have[index] ?? 0) - (want[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

export function pruneRule(apiVersion: string, all: boolean): PruneRule {
  if (!apiAtLeast(apiVersion, '1.42')) return 'all-unused-old-api';
  return all ? 'all-unused' : 'anonymous-only';
}

/**
 * What `POST /volumes/prune` will remove, worked out as the engine does (it has no dry run): volumes no container
 * uses (the `dangling` list), of the local driver only; from API 1.42 only anonymous ones (those the engine labelled
 * `com.docker.volume.anonymous`) unless `all`; up to 1.41 every one of them, named ones too.
 */
export function planVolumePrune(unused: readonly RawVolume[], apiVersion: string, all: boolean): VolumePrunePlan {
  const rule = pruneRule(apiVersion, all);
  const volumes: VolumePrunePlan['volumes'] = [];
  const kept: VolumePrunePlan['kept'] = [];
  for (const volume of unused) {
    const labels = volume.Labels ?? {};
    const anonymous = isAnonymousVolume(volume.Name, labels);
    if (volume.Driver !== 'local') kept.push({ name: volume.Name, why: 'driver' });
    // The engine's own test is the label alone: an anonymous volume an older engine made (no label) is kept.
    else if (rule === 'anonymous-only' && !Object.hasOwn(labels, ANONYMOUS_LABEL)) kept.push({ name: volume.Name, why: 'named' });
    else volumes.push({ name: volume.Name, anonymous, ...(volume.UsageData && volume.UsageData.Size >= 0 ? { size: volume.UsageData.Size } : {}) });
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return { apiVersion, rule, sendAll: rule === 'all-unused', volumes: volumes.sort(byName), kept: kept.sort(byName) };
}
