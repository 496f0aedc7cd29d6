import { describe, expect, it } from 'vitest';
import { cpuPercent, sampleProcess } from './vm-usage';

describe('QEMU process usage', () => {
  it.runIf(process.platform === 'linux')('reads CPU time and resident memory of a live process from /proc', async () => {
    const first = await sampleProcess(process.pid, 'linux');
    // Busy for a moment so the CPU time moves.
    const until = Date.now() + 150;
    while (Date.now() < until) Math.sqrt(Math.random());
    const second = await sampleProcess(process.pid, 'linux');
    expect(first && second).toBeTruthy();
    expect(second!.rssBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(second!.cpuSeconds).toBeGreaterThanOrEqual(first!.cpuSeconds);
    expect(cpuPercent(first!, second!)).toBeGreaterThan(0);
  });

  it('has no reading for a process that is gone', async () => {
    expect(await sampleProcess(2 ** 22 + 12345, 'linux')).toBeUndefined();
  });

  it('works out a share of one core between two samples', () => {
    expect(cpuPercent({ cpuSeconds: 10, rssBytes: 0, at: 0 }, { cpuSeconds: 11.5, rssBytes: 0, at: 3000 })).toBe(50);
  });
});
