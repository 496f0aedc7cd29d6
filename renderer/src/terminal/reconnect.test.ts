import { describe, expect, it } from 'vitest';
import { afterSessionEnd, STOP_CAUSE_WINDOW_MS, type EndedSession } from './reconnect';

const ended: EndedSession = { run: '2026-01-01T00:00:00Z', endedAt: 1_000 };
const sameRun = { status: 'running' as const, startedAt: ended.run };
const newRun = { status: 'running' as const, startedAt: '2026-01-01T00:05:00Z' };

describe('terminal reconnect after the container restarts', () => {
  it('waits while the container is still in the same run (the events may be on their way)', () => {
    const result = afterSessionEnd(ended, sameRun, 2_000);
    expect(result.reconnect).toBe(false);
    expect(result.ended.containerStopped).toBeUndefined();
  });

  it('reconnects once the container that stopped under the session runs again', () => {
    const stopped = afterSessionEnd(ended, { status: 'exited', startedAt: ended.run }, 2_000);
    expect(stopped.reconnect).toBe(false);
    expect(stopped.ended.containerStopped).toBe(true);
    expect(afterSessionEnd(stopped.ended, newRun, 60_000).reconnect).toBe(true);
  });

  it('reconnects when the restart is first seen already running (stop and start coalesced)', () => {
    expect(afterSessionEnd(ended, newRun, 3_000).reconnect).toBe(true);
  });

  it('leaves a session the shell ended itself to the manual button, even if the container restarts later', () => {
    const late = afterSessionEnd(ended, { status: 'exited', startedAt: ended.run }, ended.endedAt + STOP_CAUSE_WINDOW_MS + 1);
    expect(late.ended.containerStopped).toBe(false);
    expect(afterSessionEnd(late.ended, newRun, 999_999).reconnect).toBe(false);
  });

  it('does not reconnect to a container that is not running', () => {
    expect(afterSessionEnd(ended, { status: 'restarting', startedAt: ended.run }, 2_000).reconnect).toBe(false);
    expect(afterSessionEnd(ended, { status: 'exited', startedAt: newRun.startedAt }, 2_000).reconnect).toBe(false);
  });
});
