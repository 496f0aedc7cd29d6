import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../engine/contract';
import { shouldNotify } from './notify';

const running: TaskSummary = {
  id: 't1',
  kind: 'pull',
  engineId: 'local',
  subject: 'busybox:1',
  command: 'docker pull busybox:1',
  state: 'running',
  progress: { unit: 'bytes', current: 1, total: 2, percent: 25 },
  startedAt: 1_000,
};
const ended = (state: TaskSummary['state'], seconds: number): TaskSummary => ({ ...running, state, endedAt: running.startedAt + seconds * 1000 });
const away = { background: true, permission: 'granted' as const };

describe('desktop notification when a long task ends', () => {
  it('is due for a long task that succeeded or failed while the window was in the background', () => {
    expect(shouldNotify(ended('succeeded', 11), running, away)).toBe(true);
    expect(shouldNotify(ended('failed', 60), running, away)).toBe(true);
  });

  it('is not due for a short task, a cancelled one, a window in front, or without permission', () => {
    expect(shouldNotify(ended('succeeded', 10), running, away)).toBe(false);
    expect(shouldNotify(ended('cancelled', 60), running, away)).toBe(false);
    expect(shouldNotify(ended('succeeded', 60), running, { ...away, background: false })).toBe(false);
    expect(shouldNotify(ended('succeeded', 60), running, { ...away, permission: 'default' })).toBe(false);
    expect(shouldNotify(ended('succeeded', 60), running, { ...away, permission: 'unsupported' })).toBe(false);
  });

  it('is told once: only the update that ends a task the window saw running', () => {
    expect(shouldNotify(ended('succeeded', 60), ended('succeeded', 60), away)).toBe(false);
    expect(shouldNotify(ended('succeeded', 60), undefined, away)).toBe(false);
    expect(shouldNotify(running, running, away)).toBe(false);
  });
});
