import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMinatoClient, type MinatoClient, type ServerMessage, type TaskSummary } from '../../contract';
import { connectEngine, waitFor, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { dockerCli, newRunId, testDockerHost } from '../../../scripts/test-support/fixtures';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-support/registry';
import { pushRandomImage, startSlowLink, type SlowLink } from '../../../scripts/test-support/slow-registry';
import type { MinatoEngine } from '../minato-engine';

const runId = newRunId();
const BIG_MB = 48;
let connected: ConnectedEngine;
let registry: TestRegistry;
let slow: SlowLink;
let bigRepo: string;
let smallRepo: string;

/** Another window on the same engine process: a session of its own, closed on its own. */
function openWindow(engine: MinatoEngine): { client: MinatoClient; close(): void } {
  const listeners = new Set<(message: ServerMessage) => void>();
  const session = engine.openSession((message) => {
    for (const listener of listeners) listener(JSON.parse(JSON.stringify(message)) as ServerMessage);
  });
  const client = createMinatoClient({
    send: (message) => queueMicrotask(() => session.receive(JSON.parse(JSON.stringify(message)))),
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  });
  return {
    client,
    close() {
      client.close();
      session.close();
    },
  };
}

/** The latest state of every task, as `tasks:changes` tells it. */
function watchTasks(client: MinatoClient): { latest: Map<string, TaskSummary>; updates: TaskSummary[]; stop(): void } {
  const latest = new Map<string, TaskSummary>();
  const updates: TaskSummary[] = [];
  const stop = client.subscribe('tasks:changes', {}, {
    onEvent: (change) => {
      for (const task of change.type === 'snapshot' ? change.tasks : [change.task]) {
        latest.set(task.id, task);
        updates.push(task);
      }
    },
  });
  return { latest, updates, stop };
}

const imageExists = async (ref: string) => (await connected.client.call('images:inspect', { engineId: 'local', ref })).exists;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  registry = await startTestRegistry();
  bigRepo = `${await pushRandomImage(registry.address, runId, 'big', BIG_MB)}:1`;
  smallRepo = `${await pushRandomImage(registry.address, runId, 'small', 2)}:1`;
  // About 8 s for the layer: slow enough to act half-way, quick enough for a test.
  slow = await startSlowLink(registry.address, 6 * 1024 * 1024);
});

afterAll(async () => {
  await connected?.close();
  await slow?.stop();
  await registry?.stop();
});

describe('pull as a task', () => {
  it('pulls from a real registry, with one figure that only grows, a log and its layers', async () => {
    const ref = `${registry.address}/${smallRepo}`;
    expect(await imageExists(ref)).toBe(false);
    const baseline = connected.openCount();
    const watch = watchTasks(connected.client);
    try {
      const { taskId } = await connected.client.call('images:pull', { engineId: 'local', ref });
      const final = await waitFor(() => (watch.latest.get(taskId)?.state === 'running' ? undefined : watch.latest.get(taskId)), 30_000, 'the pull to end');
      expect(final).toMatchObject({ kind: 'pull', engineId: 'local', subject: ref, command: `docker pull ${ref}`, state: 'succeeded' });
      expect(final.progress.percent).toBe(100);
      expect(final.endedAt).toBeGreaterThanOrEqual(final.startedAt);
      const percents = watch.updates.filter((task) => task.id === taskId).map((task) => task.progress.percent ?? 0);
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      // Docker's English lines ("…: Downloading") stay in the log: no update carries one as a status to show.
      expect(watch.updates.filter((task) => task.id === taskId && task.status !== undefined)).toEqual([]);
      expect(await imageExists(ref)).toBe(true);

      const log = await connected.client.call('tasks:log', { id: taskId });
      expect(log.lines.map((line) => line.text).join('\n')).toMatch(/Pull complete[\s\S]*Status: Downloaded newer image/);
      const layers = await connected.client.call('tasks:layers', { id: taskId });
      expect(layers.length).toBeGreaterThan(0);
      expect(layers.every((layer) => layer.phase === 'done')).toBe(true);
      expect((await connected.client.call('tasks:list', {})).find((task) => task.id === taskId)?.state).toBe('succeeded');
      // The subscription ends with its subscriber: nothing stays open in the session.
      watch.stop();
      await waitFor(() => connected.openCount() === baseline, 5_000, 'the subscription to close');
    } finally {
      watch.stop();
      await dockerCli(['rmi', ref]).catch(() => undefined);
    }
  });

  it('fails with the engine’s words when the image exists nowhere', async () => {
    const ref = `${registry.address}/minato-test-${runId}/never:1`;
    const watch = watchTasks(connected.client);
    try {
      const { taskId } = await connected.client.call('images:pull', { engineId: 'local', ref });
      const final = await waitFor(() => (watch.latest.get(taskId)?.state === 'running' ? undefined : watch.latest.get(taskId)), 30_000, 'the pull to fail');
      expect(final.state).toBe('failed');
      expect(final.error?.code).toBe('not-found');
      expect(final.error?.message).toMatch(/not found|manifest unknown/i);
      expect(final.error?.details).toMatchObject({ kind: 'image-not-in-registry' });
    } finally {
      watch.stop();
    }
  });

  it('says the registry cannot be reached, naming its host, when the engine cannot connect to it or resolve its name', async () => {
    // Port 1 refuses; the .invalid name never resolves (RFC 6761): no real registry is contacted.
    const cases = [
      { ref: '127.0.0.1:1/nothing:1', host: '127.0.0.1:1', words: /connection refused/i },
      { ref: 'nosuch.invalid/x:1', host: 'nosuch.invalid', words: /no such host|server misbehaving|i\/o timeout/i },
    ];
    const watch = watchTasks(connected.client);
    try {
      for (const { ref, host, words } of cases) {
        const { taskId } = await connected.client.call('images:pull', { engineId: 'local', ref });
        const final = await waitFor(() => (watch.latest.get(taskId)?.state === 'running' ? undefined : watch.latest.get(taskId)), 60_000, `the pull of ${ref} to fail`);
        expect(final.state).toBe('failed');
        expect(final.error?.message).toMatch(words);
        expect(final.error?.details).toMatchObject({ kind: 'registry-unreachable', host: expect.stringContaining(host) });
      }
    } finally {
      watch.stop();
    }
  });

  it('goes on when the window that started it closes, and a cancel half-way leaves no image and no download', async () => {
    const ref = `${slow.address}/${bigRepo}`;
    const starter = openWindow(connected.engine);
    const watch = watchTasks(connected.client);
    try {
      const { taskId } = await starter.client.call('images:pull', { engineId: 'local', ref });
      const started = await waitFor(() => watch.latest.get(taskId), 5_000, 'the task to be announced');
      expect(started.state).toBe('running');
      starter.close();

      // Half the layer's bytes downloaded, with the window that started it gone.
      const halfway = await waitFor(
        () => {
          const task = watch.latest.get(taskId);
          return task?.progress.unit === 'bytes' && task.progress.total && task.progress.current >= task.progress.total / 2 ? task : undefined;
        },
        60_000,
        'the pull to get half-way',
      );
      expect(halfway.state).toBe('running');
      expect(halfway.progress.total).toBeGreaterThanOrEqual(BIG_MB * 1024 * 1024);
      expect(halfway.progress.percent).toBeGreaterThanOrEqual(25);
      expect(halfway.progress.percent).toBeLessThan(50);
      expect(slow.openTransfers(1024 * 1024)).toBe(1);

      await connected.client.call('tasks:cancel', { id: taskId });
      const final = await waitFor(() => (watch.latest.get(taskId)?.state === 'running' ? undefined : watch.latest.get(taskId)), 10_000, 'the task to end');
      expect(final.state).toBe('cancelled');
      // The engine hung up on the registry: its download stopped, it did not finish in the background.
      await waitFor(() => slow.openTransfers(1024 * 1024) === 0, 10_000, 'the engine to drop the layer download');
      expect(slow.carried()).toBeLessThan(BIG_MB * 1024 * 1024);
      expect(await imageExists(ref)).toBe(false);
    } finally {
      watch.stop();
      starter.close();
      await dockerCli(['rmi', ref]).catch(() => undefined);
    }
  });
});
