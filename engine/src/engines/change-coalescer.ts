import type { ResourceKind } from '../../contract';

export interface CoalescedChanges {
  kinds: ResourceKind[];
  ids: string[];
}

export interface ChangeCoalescer {
  push(kind: ResourceKind, id: string): void;
  dispose(): void;
}

export interface CoalescerTiming {
  /** Wait this long after the first event of a burst so its neighbours join the same batch. */
  delayMs: number;
  /** Never flush more often than this, so a storm of events costs a handful of refetches. */
  minIntervalMs: number;
  /** Past this many ids a batch carries none: the UI refetches by kind anyway. */
  maxIds: number;
}

const DEFAULT_TIMING: CoalescerTiming = { delayMs: 16, minIntervalMs: 100, maxIds: 500 };

/** Collects engine events into batches. `push` is O(1) and never waits, so the event reader is never blocked. */
export function createChangeCoalescer(
  flush: (changes: CoalescedChanges) => void,
  timing: Partial<CoalescerTiming> = {},
  now: () => number = Date.now,
): ChangeCoalescer {
  const { delayMs, minIntervalMs, maxIds } = { ...DEFAULT_TIMING, ...timing };
  let kinds = new Set<ResourceKind>();
  let ids = new Set<string>();
  let overflow = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = -Infinity;

  const fire = () => {
    timer = undefined;
    lastFlush = now();
    const batch = { kinds: [...kinds], ids: overflow ? [] : [...ids] };
    kinds = new Set();
    ids = new Set();
    overflow = false;
    flush(batch);
  };

  return {
    push(kind, id) {
      kinds.add(kind);
      if (!overflow) {
        ids.add(id);
        if (ids.size > maxIds) {
          overflow = true;
          ids.clear();
        }
      }
      if (timer) return;
      const wait = Math.max(delayMs, lastFlush + minIntervalMs - now());
      timer = setTimeout(fire, wait);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
