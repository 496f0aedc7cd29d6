import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCompose } from './compose-process';

/**
 * A cancel sent SIGTERM and SIGKILL to the CLI's process group one and two grace periods later even when the group
 * had long ended: by then its number may belong to another process group, which would be killed. Once the CLI has
 * exited and its group is gone, no stop signal may be sent to that number again.
 */
afterEach(() => vi.restoreAllMocks());

describe('a Compose cancel', () => {
  it('sends no stop signal to the process group once the CLI and its group have ended', async () => {
    const controller = new AbortController();
    const sent: Array<{ pid: number; signal: string | number | undefined; after: boolean }> = [];
    let ended = false;
    const kill = process.kill.bind(process);
    vi.spyOn(process, 'kill').mockImplementation((pid, signal) => {
      sent.push({ pid, signal, after: ended });
      return kill(pid, signal);
    });
    const graceMs = 100;
    // `sleep` ends at the first SIGINT, and nothing else is in its group.
    const result = await runCompose('/bin/sh', ['-c', 'echo ready; exec sleep 60'], {
      cwd: '/',
      env: { PATH: '/usr/bin:/bin' },
      signal: controller.signal,
      graceMs,
      onLine: () => controller.abort(),
    });
    ended = true;
    expect(result.cancelled).toBe(true);
    const group = sent.find((each) => each.pid < 0 && each.signal === 'SIGINT')?.pid;
    expect(group).toBeLessThan(0);

    // Past the whole escalation (SIGTERM at one grace period, SIGKILL at two): what would have been sent has been.
    await new Promise((resolve) => setTimeout(resolve, graceMs * 2 + 300));
    const stops = sent.filter((each) => each.pid === group && each.after && each.signal !== 0);
    expect(stops).toEqual([]);
  });
});
