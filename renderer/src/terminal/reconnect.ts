import type { ContainerStatus } from '../../../engine/contract';

/** The container as react-query knows it (kept fresh by engine events): which run it is in. */
export interface ContainerRun {
  status: ContainerStatus;
  startedAt: string;
}

/** A session that ended, and what we learned since about why. */
export interface EndedSession {
  /** startedAt of the container run the session lived in. */
  run: string;
  endedAt: number;
  /** Decided on the first sighting of the container leaving that run; undefined until then. */
  containerStopped?: boolean;
}

/**
 * The engine's events reach us a moment after the session's stream ends. If the container is seen leaving the
 * session's run within this window, the stop is what ended the session; later, it was the shell exiting on its own.
 */
export const STOP_CAUSE_WINDOW_MS = 15_000;

/**
 * Decides, from the container's latest state, whether an ended session should reconnect by itself. Only a session
 * ended by its container stopping does, and only once the container runs again (a new run: a fresh exec is needed).
 */
export function afterSessionEnd(ended: EndedSession, container: ContainerRun, now: number): { ended: EndedSession; reconnect: boolean } {
  const leftRun = container.startedAt !== ended.run || (container.status !== 'running' && container.status !== 'paused');
  let next = ended;
  if (ended.containerStopped === undefined && leftRun) next = { ...ended, containerStopped: now - ended.endedAt <= STOP_CAUSE_WINDOW_MS };
  const runsAgain = container.status === 'running' && container.startedAt !== ended.run;
  return { ended: next, reconnect: next.containerStopped === true && runsAgain };
}
