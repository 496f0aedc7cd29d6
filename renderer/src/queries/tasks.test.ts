import { describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../../engine/contract';
import { applyTaskChange } from './tasks';

const task = (id: string, startedAt: number, state: TaskSummary['state'] = 'running'): TaskSummary => ({
  id,
  kind: 'pull',
  engineId: 'local',
  subject: `app:${id}`,
  command: `docker pull app:${id}`,
  state,
  progress: { unit: 'steps', current: 0 },
  startedAt,
});

describe('the cached task list', () => {
  it('takes each update in place, newest task first', () => {
    let list = applyTaskChange(undefined, { type: 'task', task: task('a', 1) });
    list = applyTaskChange(list, { type: 'task', task: task('b', 2) });
    list = applyTaskChange(list, { type: 'task', task: task('a', 1, 'succeeded') });
    expect(list.map((entry) => [entry.id, entry.state])).toEqual([
      ['b', 'running'],
      ['a', 'succeeded'],
    ]);
  });

  it('is replaced by a snapshot, so tasks of an engine process that restarted do not linger as running', () => {
    const before = [task('old', 1), task('gone', 2)];
    expect(applyTaskChange(before, { type: 'snapshot', tasks: [task('new', 3), task('newer', 4)] }).map((entry) => entry.id)).toEqual(['newer', 'new']);
  });
});
