import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCompose } from './compose-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    // A zombie (ended, not yet reaped by its parent) counts as gone.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
};

describe('runCompose', () => {
  it('passes arguments as they are (no shell) and splits output into lines across chunks', async () => {
    const lines: string[] = [];
    const result = await runCompose('/bin/sh', ['-c', 'printf "a;b $1\\nsecond"', 'sh', '$(not run)'], { cwd: '/', env: { PATH: '/usr/bin:/bin' }, signal: new AbortController().signal, onLine: (line) => lines.push(line) });
    expect(result).toMatchObject({ code: 0, cancelled: false });
    expect(lines).toEqual(['a;b $(not run)', 'second']);
  });

  it('a cancel ends what the CLI started too (its process group), not only the CLI', async () => {
    const controller = new AbortController();
    let child: number | undefined;
    const done = runCompose('/bin/sh', ['-c', 'trap "" INT TERM; sleep 60 & echo $!; wait'], {
      cwd: '/',
      env: { PATH: '/usr/bin:/bin' },
      signal: controller.signal,
      graceMs: 200,
      onLine: (line) => {
        child = Number(line);
        controller.abort();
      },
    });
    const result = await done;
    expect(result.cancelled).toBe(true);
    expect(child).toBeGreaterThan(0);
    // The shell ignores SIGINT and SIGTERM: only the group's SIGKILL ends it, and its sleep with it.
    const deadline = Date.now() + 5000;
    while (alive(child!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(child!)).toBe(false);
  });
});
