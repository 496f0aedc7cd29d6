import { describe, expect, it } from 'vitest';
import { createCpuBaselines } from './cpu-baselines';

describe('CPU baselines for one-shot reads', () => {
  it('gives back the previous read and forgets containers not read recently', () => {
    let clock = 0;
    const baselines = createCpuBaselines({ maxAgeMs: 60_000, maxEntries: 100, now: () => clock });
    expect(baselines.swap('local/a', { total: 1, system: 10 })).toBeUndefined();
    baselines.swap('local/b', { total: 5, system: 50 });
    clock = 30_000;
    expect(baselines.swap('local/a', { total: 2, system: 20 })).toEqual({ total: 1, system: 10 });
    clock = 70_000; // b was last read 70 s ago, a 40 s ago
    baselines.swap('local/c', { total: 3, system: 30 });
    expect(baselines.size).toBe(2);
    expect(baselines.swap('local/b', undefined)).toBeUndefined();
    expect(baselines.swap('local/a', { total: 4, system: 40 })).toEqual({ total: 2, system: 20 });
  });

  it('never holds more than the cap, dropping the least recently read', () => {
    let clock = 0;
    const baselines = createCpuBaselines({ maxAgeMs: 60_000, maxEntries: 3, now: () => clock });
    for (const name of ['a', 'b', 'c']) baselines.swap(name, { total: 1, system: 1 });
    baselines.swap('a', { total: 2, system: 2 }); // a is now the most recently read
    for (let index = 0; index < 1000; index++) {
      clock++;
      baselines.swap(`many-${index}`, { total: index, system: index });
      expect(baselines.size).toBeLessThanOrEqual(3);
    }
    expect(baselines.swap('many-999', undefined)).toEqual({ total: 999, system: 999 });
    expect(baselines.swap('b', undefined)).toBeUndefined();
  });

  it('drops the baseline when a read brings no CPU counters', () => {
    const baselines = createCpuBaselines({ maxAgeMs: 60_000, maxEntries: 10, now: () => 0 });
    baselines.swap('x', { total: 1, system: 1 });
    expect(baselines.swap('x', undefined)).toEqual({ total: 1, system: 1 });
    expect(baselines.size).toBe(0);
  });
});
