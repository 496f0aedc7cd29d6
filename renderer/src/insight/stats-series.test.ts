import { describe, expect, it } from 'vitest';
import type { StatsSample } from '../../../engine/contract';
import { ratePerSecond, times } from './stats-series';

function sample(at: number, networkRx: number): StatsSample {
  return { at, cpuPercent: 0, memoryUsed: 0, memoryLimit: 1, memoryPercent: 0, networkRx, networkTx: 0, blockRead: 0, blockWrite: 0, pids: 1 };
}

describe('stats series', () => {
  it('turns running totals into bytes per second between readings', () => {
    const samples = [sample(10_000, 100), sample(11_000, 1124), sample(13_000, 3172), sample(14_000, 50), sample(14_000, 60)];
    expect(times(samples)).toEqual([10, 11, 13, 14, 14]);
    // No rate for the first reading, 2 KiB over 2 s is 1 KiB/s, a counter reset is zero, no time passed is a gap.
    expect(ratePerSecond(samples, 'networkRx')).toEqual([null, 1024, 1024, 0, null]);
  });
});
