import { compareApiVersions } from '../docker/probe';

/**
 * The engine's own rules for what each prune removes, kept apart from the requests so they are tested on their own.
 * Sources: the daemon's prune code (containers, networks, volumes) and BuildKit's cache manager (build cache).
 */

/** A container the prune leaves: it runs, is paused, or is restarting (the daemon's `IsRunning`). */
export const keepsContainer = (state: string) => ['running', 'paused', 'restarting'].includes(state);

/** Networks the daemon never prunes: its predefined ones. */
const PREDEFINED_NETWORKS = new Set(['bridge', 'host', 'none', 'default', 'ingress']);
export const isPredefinedNetwork = (name: string) => PREDEFINED_NETWORKS.has(name);

/** The label the daemon (API 1.42+) gives a volume it created unnamed; without `all` only those are pruned. */
export const ANONYMOUS_VOLUME_LABEL = 'com.docker.volume.anonymous';

/** Whether `POST /volumes/prune` sends `all` and whether named volumes go: below API 1.42 they always do. */
export function volumePruneMode(apiVersion: string, askedAll: boolean): { all: boolean; namedIncluded: boolean } {
  const modern = compareApiVersions(apiVersion, '1.42') >= 0;
  return { all: modern && askedAll, namedIncluded: !modern || askedAll };
}

export interface VolumeFacts {
  name: string;
  driver: string;
  labels: Record<string, string>;
}

/** Volumes the prune removes: local ones no container (running or not) mounts, named ones only when `namedIncluded`. */
export function prunableVolumes<V extends VolumeFacts>(volumes: readonly V[], mounted: ReadonlySet<string>, namedIncluded: boolean): V[] {
  return volumes.filter((volume) => volume.driver === 'local' && !mounted.has(volume.name) && (namedIncluded || Object.hasOwn(volume.labels, ANONYMOUS_VOLUME_LABEL)));
}

export interface CacheRecordFacts {
  type: string;
  inUse: boolean;
  shared: boolean;
}

/** Build cache records the prune removes: none in use; without `all`, no internal, frontend or shared ones either. */
export const prunableCacheRecord = (record: CacheRecordFacts, all: boolean) =>
  !record.inUse && (all || (record.type !== 'internal' && record.type !== 'frontend' && !record.shared));

/** Orders RFC 3339 times to the nanosecond (Go trims trailing zeros of the fraction; Date.parse stops at ms). */
export function compareTimes(a: string, b: string): number {
  const split = (time: string) => {
    const match = /^([^.]+?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
    if (!match) return { ms: Date.parse(time), nanos: 0 };
    return { ms: Date.parse(`${match[1] ?? ''}${match[3] ?? ''}`), nanos: Number((match[2] ?? '').padEnd(9, '0').slice(0, 9)) };
  };
  const left = split(a);
  const right = split(b);
  return left.ms - right.ms || left.nanos - right.nanos;
}

/** The newest of these times, or undefined for none. */
export const newest = (times: readonly string[]) => times.reduce<string | undefined>((best, time) => (!best || compareTimes(time, best) > 0 ? time : best), undefined);
