import type { StreamFlow } from './handlers';

/** Counts unacknowledged events of one subscription; without a window it never pauses. */
export function createFlow(window: number | undefined): StreamFlow & { sent(): void; ack(n: number): void } {
  let unacked = 0;
  /** Set when the window filled up; cleared (and listeners told) once the client has caught up halfway. */
  let stalled = false;
  const listeners = new Set<() => void>();
  return {
    get paused() {
      return window !== undefined && unacked >= window;
    },
    onResume(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sent() {
      if (window === undefined) return;
      unacked++;
      if (unacked >= window) stalled = true;
    },
    ack(n) {
      if (window === undefined) return;
      unacked = Math.max(0, unacked - n);
      // Resume at half the window so a stream does not flap between paused and running on every ack.
      if (stalled && unacked <= window / 2) {
        stalled = false;
        for (const listener of [...listeners]) listener();
      }
    },
  };
}
