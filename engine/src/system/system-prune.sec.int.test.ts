import { afterAll, describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, removeRunContainers, testDocker, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { pruneInputOf } from '../../../renderer/src/system/prune-choice';

/**
 * The system prune is agreed on a preview. It ran the engine's prunes bounded by `until` (the newest listed item's
 * creation time) and volumes with no bound: a container running during the preview, stopped afterwards and older
 * than a listed one went too, and so did a volume freed after it. Only what the preview listed may go.
 */
const { runId, connected } = engineForThisFile();
const engineId = 'local';
const runLabel = `${TEST_LABEL}.run=${runId}`;

afterAll(async () => {
  await removeRunContainers(runId);
  const docker = testDocker();
  for (const volume of (await docker.listVolumes({ filters: { label: [runLabel] } })).Volumes ?? []) await docker.getVolume(volume.Name).remove().catch(() => undefined);
});

const ended = (id: string) => waitFor(async () => {
  const task = (await connected.client.call('tasks:list', {})).find((each: TaskSummary) => each.id === id);
  return task && task.state !== 'running' ? task : undefined;
}, 60_000, `task ${id} to end`);

describe('system prune', () => {
  it('removes only what the preview listed, not a container stopped or a volume freed after it', async () => {
    const name = (what: string) => testName(runId, what);
    const labels = testLabels(runId);
    await dockerCli(['volume', 'create', ...labels, name('held')]);
    // Older than the listed container, running (so kept) during the preview, holding a volume.
    await dockerCli(['run', '-d', '--name', name('was-running'), ...labels, '-v', `${name('held')}:/data`, TEST_IMAGE, 'sleep', '600']);
    await dockerCli(['create', '--name', name('listed'), ...labels, TEST_IMAGE, 'true']);
    await dockerCli(['volume', 'create', ...labels, name('listed-volume')]);

    const plan = await connected.client.call('system:prunePreview', {
      engineId, label: runLabel, containers: true, images: 'none', volumes: true, volumesAll: true, networks: false, buildCache: false, buildCacheAll: false,
    });
    expect(plan.containers?.items.map((item) => item.name)).toEqual([name('listed')]);
    expect(plan.volumes?.items.map((item) => item.name)).toEqual([name('listed-volume')]);

    // Stopped after the preview: the engine's prune (until the listed one's creation) took it, then its volume.
    await dockerCli(['stop', '-t', '0', name('was-running')]);
    const { taskId } = await connected.client.call('system:prune', pruneInputOf(engineId, plan));
    expect((await ended(taskId)).state).toBe('succeeded');
    const report = await connected.client.call('system:pruneReport', { taskId });

    expect(await dockerCli(['container', 'inspect', '--format', '{{.Name}}', name('was-running')])).toBe(`/${name('was-running')}`);
    expect(await dockerCli(['volume', 'inspect', '--format', '{{.Name}}', name('held')])).toBe(name('held'));
    expect(report.containers?.deleted).toEqual(plan.containers?.items.map((item) => item.id));
    expect(report.volumes?.deleted).toEqual([name('listed-volume')]);
  }, 120_000);
});
