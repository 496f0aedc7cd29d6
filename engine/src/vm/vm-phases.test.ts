import { describe, expect, it } from 'vitest';
import { PhaseLog } from './vm-phases';

describe('PhaseLog', () => {
  it('times each step when the next begins, and the whole start at ready', () => {
    let now = 1000;
    const log = new PhaseLog(() => now);
    log.begin('checking');
    now = 1200;
    log.enter('booting');
    now = 31_200;
    log.enter('waiting-ssh');
    now = 41_200;
    log.enter('waiting-docker', 'READY seen');
    now = 41_500;
    log.enter('ready');
    expect(log.steps().map(({ phase, ms }) => [phase, ms])).toEqual([
      ['checking', 200],
      ['booting', 30_000],
      ['waiting-ssh', 10_000],
      ['waiting-docker', 300],
      ['ready', 0],
    ]);
    expect(log.steps()[3]?.note).toBe('READY seen');
    expect(log.total()).toBe(40_500);
    expect(log.current).toBe('ready');
  });

  it('refuses to go back within a start, but error and stopping may follow anything', () => {
    const log = new PhaseLog(() => 0);
    log.begin('checking');
    log.enter('waiting-ssh');
    expect(() => log.enter('booting')).toThrow(/cannot follow/);
    log.enter('error');
    expect(log.current).toBe('error');
  });

  it('a repeated phase is one step, and begin starts a fresh list', () => {
    const log = new PhaseLog(() => 5);
    log.begin('checking');
    log.enter('checking');
    expect(log.steps()).toHaveLength(1);
    log.begin('stopping');
    expect(log.steps().map((step) => step.phase)).toEqual(['stopping']);
  });
});
