/** A container's CPU counters at its last one-shot read: the other end of the next read's delta. */
export interface CpuBaseline {
  total: number;
  system: number;
}

export interface CpuBaselineOptions {
  /** A baseline older than this gives a CPU % averaged over too long to be "now"; it is dropped. */
  maxAgeMs: number;
  /** A hard cap, for an engine with very many containers scrolled past. */
  maxEntries: number;
  now?: () => number;
}

/**
 * The list reads CPU for the rows on screen; rows scroll away and containers are removed, so baselines are kept
 * only while read recently and never beyond a cap (the least recently read go first).
 */
export function createCpuBaselines({ maxAgeMs, maxEntries, now = Date.now }: CpuBaselineOptions) {
  // A Map iterates in insertion order; re-inserting on every read keeps it ordered oldest read first.
  const entries = new Map<string, CpuBaseline & { readAt: number }>();
  const prune = (at: number) => {
    for (const [key, entry] of entries) {
      if (at - entry.readAt <= maxAgeMs && entries.size <= maxEntries) break;
      entries.delete(key);
    }
  };
  return {
    /** Returns the previous baseline (if still fresh) and records this one. */
    swap(key: string, next: CpuBaseline | undefined): CpuBaseline | undefined {
      const at = now();
      prune(at);
      const before = entries.get(key);
      entries.delete(key);
      if (next) entries.set(key, { ...next, readAt: at });
      prune(at);
      return before ? { total: before.total, system: before.system } : undefined;
    },
    get size(): number {
      return entries.size;
    },
  };
}
