import { describe, expect, it } from 'vitest';
import { humanDurationSeconds, statusFacts } from './status-age';

describe('humanDurationSeconds', () => {
  it('reads every phrase go-units writes', () => {
    expect(humanDurationSeconds('Less than a second')).toBe(0);
    expect(humanDurationSeconds('1 second')).toBe(1);
    expect(humanDurationSeconds('42 seconds')).toBe(42);
    expect(humanDurationSeconds('About a minute')).toBe(60);
    expect(humanDurationSeconds('7 minutes')).toBe(420);
    expect(humanDurationSeconds('About an hour')).toBe(3600);
    expect(humanDurationSeconds('5 hours')).toBe(5 * 3600);
    expect(humanDurationSeconds('3 days')).toBe(3 * 86400);
    expect(humanDurationSeconds('2 weeks')).toBe(14 * 86400);
    expect(humanDurationSeconds('4 months')).toBe(120 * 86400);
    expect(humanDurationSeconds('2 years')).toBe(730 * 86400);
    expect(humanDurationSeconds('soon')).toBeUndefined();
  });
});

describe('statusFacts', () => {
  const now = 1_800_000_000;
  it('dates a running container from its uptime, with health', () => {
    expect(statusFacts('Up 5 minutes', now)).toEqual({ since: now - 300 });
    expect(statusFacts('Up Less than a second', now)).toEqual({ since: now });
    expect(statusFacts('Up 2 hours (healthy)', now)).toEqual({ since: now - 7200, health: 'healthy' });
    expect(statusFacts('Up 3 seconds (health: starting)', now)).toEqual({ since: now - 3, health: 'starting' });
    expect(statusFacts('Up About a minute (Paused)', now)).toEqual({ since: now - 60 });
  });

  it('dates a stopped or restarting container from when it ended, with its exit code', () => {
    expect(statusFacts('Exited (137) 2 hours ago', now)).toEqual({ exitCode: 137, since: now - 7200 });
    expect(statusFacts('Restarting (1) 4 seconds ago', now)).toEqual({ exitCode: 1, since: now - 4 });
  });

  it('has nothing to say about texts without a time', () => {
    expect(statusFacts('Created', now)).toEqual({});
    expect(statusFacts('Dead', now)).toEqual({});
    expect(statusFacts('Removal In Progress', now)).toEqual({});
  });
});
