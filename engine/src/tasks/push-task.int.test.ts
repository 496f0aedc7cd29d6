import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../contract';
import { connectEngine, waitFor, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { newRunId, testDockerHost, testLabels } from '../../../scripts/test-support/fixtures';
import { startTestRegistry, type TestRegistry } from '../../../scripts/test-support/registry';
import { startSlowUpload, type SlowUpload } from '../../../scripts/test-support/slow-upload';

const run = promisify(execFile);
const runId = newRunId();
let connected: ConnectedEngine;
let registry: TestRegistry;
let slow: SlowUpload;
let ref: string;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  registry = await startTestRegistry();
  // About 12 s for the 24 MB layer: long enough to cancel half-way.
  slow = await startSlowUpload(registry.address, 2 * 1024 * 1024);
  ref = `${slow.address}/minato-test-${runId}/big:1`;
  const context = mkdtempSync(path.join(os.tmpdir(), 'minato-test-push-'));
  try {
    writeFileSync(path.join(context, 'blob'), randomBytes(24 * 1024 * 1024));
    writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY blob /blob\n');
    await run('docker', ['build', '-q', ...testLabels(runId), '-t', ref, context], { env: { ...process.env, DOCKER_HOST: testDockerHost(), DOCKER_BUILDKIT: '0' } });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await run('docker', ['rmi', ref], { env: { ...process.env, DOCKER_HOST: testDockerHost() } }).catch(() => undefined);
  await connected?.close();
  await slow?.stop();
  await registry?.stop();
});

describe('push as a task', () => {
  it('reports layers and bytes as it goes, and Cancel ends the upload on the engine', async () => {
    const latest = new Map<string, TaskSummary>();
    const stop = connected.client.subscribe('tasks:changes', {}, {
      onEvent: (change) => {
        for (const task of change.type === 'snapshot' ? change.tasks : [change.task]) latest.set(task.id, task);
      },
    });
    try {
      const { taskId } = await connected.client.call('images:push', { engineId: 'local', ref });
      const moving = await waitFor(() => {
        const task = latest.get(taskId);
        return task && (task.progress.percent ?? 0) > 0 && slow.sent() > 2 * 1024 * 1024 ? task : undefined;
      }, 30_000, 'the upload to be under way');
      expect(moving).toMatchObject({ kind: 'push', state: 'running', command: `docker push ${ref}`, progress: { unit: 'layers' } });
      const layers = await connected.client.call('tasks:layers', { id: taskId });
      expect(layers.some((layer) => layer.phase === 'uploading' && (layer.size ?? 0) > 20 * 1024 * 1024)).toBe(true);

      await connected.client.call('tasks:cancel', { id: taskId });
      await waitFor(() => (latest.get(taskId)?.state === 'cancelled' ? true : undefined), 10_000, 'the task to say cancelled');
      // The engine hung up on the registry: no connection through the relay stays open, and nothing more is sent.
      await waitFor(() => (slow.open() === 0 ? true : undefined), 15_000, 'the engine to stop uploading');
      const manifest = await fetch(`http://${registry.address}/v2/minato-test-${runId}/big/manifests/1`);
      expect(manifest.status).toBe(404);
    } finally {
      stop();
    }
  });
});
