import type { EngineEvent } from './event-stream';

/** How long after a `die` event the engine's list may still call the container running (measured: 100–350 ms). */
const SETTLE_MS = 10_000;
const MAX_TRACKED = 10_000;

/**
 * Docker sends a container's `die` event before its container list catches up: for a few hundred milliseconds after
 * `die`, `/containers/json` still says "running" (inspect already says "exited"), and no later event comes to correct
 * a row read in that window. This remembers which containers died lately, so a list can check exactly those rows.
 */
export interface ExitTracker {
  note(event: EngineEvent): void;
  /** The container died within the last few seconds and has not started since. */
  diedLately(id: string): boolean;
}

export function createExitTracker(now: () => number = Date.now): ExitTracker {
  const diedAt = new Map<string, number>();
  const forgetOld = () => {
    const oldest = now() - SETTLE_MS;
    for (const [id, at] of diedAt) {
      if (at >= oldest && diedAt.size <= MAX_TRACKED) break;
      diedAt.delete(id);
    }
  };
  return {
    note(event) {
      if (event.kind !== 'container') return;
      if (event.action === 'die') {
        diedAt.delete(event.id);
        diedAt.set(event.id, now());
        forgetOld();
      } else if (event.action === 'start' || event.action === 'destroy') {
        diedAt.delete(event.id);
      }
    },
    diedLately(id) {
      const at = diedAt.get(id);
      return at !== undefined && now() - at < SETTLE_MS;
    },
  };
}
