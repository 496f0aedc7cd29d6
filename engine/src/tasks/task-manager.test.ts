import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TaskSummary } from '../../contract';
import { createTaskManager, type TaskControl } from './task-manager';

const spec = { kind: 'pull' as const, engineId: 'local', subject: 'busybox:1', command: 'docker pull busybox:1' };

/** A job the test drives by hand: it ends when the test says so, or fails as soon as it is cancelled. */
function manualJob() {
  let control: TaskControl | undefined;
  let finish: (error?: Error) => void = () => {};
  const run = (given: TaskControl) =>
    new Promise<void>((resolve, reject) => {
      control = given;
      finish = (error) => (error ? reject(error) : resolve());
      given.signal.addEventListener('abort', () => reject(new Error('aborted')));
    });
  return { run, control: () => control as TaskControl, finish: (error?: Error) => finish(error) };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('task manager', () => {
  it('tells a start and an end at once, and a burst of progress at most once per interval', async () => {
    const tasks = createTaskManager({ now: () => Date.now(), updateIntervalMs: 250 });
    const seen: TaskSummary[] = [];
    tasks.watch((task) => seen.push(task));
    const job = manualJob();
    const started = tasks.start(spec, job.run);
    expect(seen.map((task) => task.state)).toEqual(['running']);
    await flush();
    for (let i = 1; i <= 100; i++) {
      job.control().progress({ unit: 'bytes', current: i, total: 100, percent: i });
      await vi.advanceTimersByTimeAsync(10);
    }
    // 1 s of updates every 10 ms: a leading one and then one per 250 ms, carrying the latest figure.
    expect(seen.length).toBeLessThanOrEqual(1 + 5);
    await vi.advanceTimersByTimeAsync(250);
    expect(seen.at(-1)?.progress.percent).toBe(100);
    job.finish();
    await flush();
    expect(seen.at(-1)).toMatchObject({ id: started.id, state: 'succeeded' });
    expect(seen.at(-1)?.endedAt).toBeGreaterThanOrEqual(started.startedAt);
  });

  it('cancels through the signal, and keeps the engine’s words when a job fails', async () => {
    const tasks = createTaskManager();
    const cancelled = manualJob();
    const a = tasks.start(spec, cancelled.run);
    await flush();
    tasks.cancel(a.id);
    await flush();
    expect(cancelled.control().signal.aborted).toBe(true);
    expect(tasks.list().find((task) => task.id === a.id)?.state).toBe('cancelled');

    const failing = manualJob();
    const b = tasks.start(spec, failing.run);
    await flush();
    failing.finish(Object.assign(new Error('(HTTP code 500) server error - toomanyrequests: slow down'), { statusCode: 500 }));
    await flush();
    expect(tasks.list().find((task) => task.id === b.id)).toMatchObject({ state: 'failed', error: { code: 'engine-error', message: 'toomanyrequests: slow down' } });
    // A finished task cannot be cancelled into another state.
    tasks.cancel(b.id);
    expect(tasks.list().find((task) => task.id === b.id)?.state).toBe('failed');
    expect(() => tasks.cancel('no-such-task')).toThrow(expect.objectContaining({ code: 'not-found' }));

    // A job that rejects without a reason still failed.
    const c = tasks.start(spec, () => Promise.reject(undefined));
    await flush();
    expect(tasks.list().find((task) => task.id === c.id)?.state).toBe('failed');
  });

  it('keeps a bounded log and a bounded number of finished tasks, never dropping a running one', async () => {
    const tasks = createTaskManager({ keepFinished: 2, logLines: 3 });
    const running = manualJob();
    const kept = tasks.start(spec, running.run);
    await flush();
    for (const text of ['one', 'two', 'three', 'four', 'five']) running.control().log(text);
    expect(tasks.log(kept.id)).toMatchObject({ lines: [{ text: 'three' }, { text: 'four' }, { text: 'five' }], dropped: 2 });

    const finished: string[] = [];
    for (let i = 0; i < 4; i++) {
      const job = manualJob();
      finished.push(tasks.start(spec, job.run).id);
      await flush();
      job.finish();
      await flush();
    }
    expect(tasks.list().map((task) => task.id)).toEqual([kept.id, ...finished.slice(2)]);
    expect(() => tasks.log(finished[0] as string)).toThrow(expect.objectContaining({ code: 'not-found' }));
  });

  it('reads per-layer details only when asked, and cancels what runs when the engine shuts down', async () => {
    const tasks = createTaskManager();
    const job = manualJob();
    const task = tasks.start(spec, job.run);
    await flush();
    const read = vi.fn(() => [{ id: 'a', phase: 'downloading' as const, size: 10, downloaded: 5, status: 'Downloading' }]);
    job.control().layers(read);
    expect(read).not.toHaveBeenCalled();
    expect(tasks.layers(task.id)).toEqual([{ id: 'a', phase: 'downloading', size: 10, downloaded: 5, status: 'Downloading' }]);
    tasks.close();
    await flush();
    expect(job.control().signal.aborted).toBe(true);
  });
});
