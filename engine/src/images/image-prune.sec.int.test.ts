import { afterAll, describe, expect, it } from 'vitest';
import type { TaskSummary } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

// The Images section's prune removed what matched when it ran, bounded only by the newest listed image's creation
// time: an older image whose last container went after the preview was removed too, though nobody agreed to it.
const { runId, connected } = engineForThisFile();
const repo = `minato-test-${runId}/prune-race`;
const runLabel = `${TEST_LABEL}.run=${runId}`;
const engineId = 'local';

afterAll(async () => {
  const containers = (await dockerCli(['ps', '-aq', '--filter', `label=${runLabel}`])).split('\n').filter(Boolean);
  if (containers.length > 0) await dockerCli(['rm', '-f', ...containers]);
  const ids = (await dockerCli(['image', 'ls', '-q', '--no-trunc', '--filter', `label=${runLabel}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerCli(['rmi', '-f', ...ids]).catch(() => undefined);
});

async function commitOf(name: string, script: string, tag: string): Promise<string> {
  await dockerCli(['run', '--name', testName(runId, name), ...testLabels(runId), TEST_IMAGE, 'sh', '-c', script]);
  const id = await dockerCli(['commit', '-c', `LABEL ${runLabel}`, testName(runId, name), tag]);
  await dockerCli(['rm', testName(runId, name)]);
  return id;
}

const taskOf = async (taskId: string): Promise<TaskSummary | undefined> => (await connected.client.call('tasks:list', {})).find((task) => task.id === taskId);

describe('images prune after a preview', () => {
  it('keeps an image that became unused after the preview, even when it is older than what was listed', async () => {
    const older = await commitOf('older', 'echo older > /o', `${repo}:older`);
    const holder = testName(runId, 'holder');
    await dockerCli(['create', '--name', holder, ...testLabels(runId), `${repo}:older`]);
    const newer = await commitOf('newer', 'echo newer > /n', `${repo}:newer`);

    const plan = await connected.client.call('images:prunePreview', { engineId, scope: 'unused', label: runLabel });
    expect(plan.images.map((image) => image.id)).toEqual([newer]);
    await dockerCli(['rm', holder]);

    const { taskId } = await connected.client.call('images:prune', {
      engineId,
      scope: 'unused',
      label: runLabel,
      ...(plan.until ? { until: plan.until } : {}),
      ids: plan.images.map((image) => image.id),
    });
    await waitFor(async () => (await taskOf(taskId))?.state === 'succeeded', 30_000, 'the prune task');
    const report = await connected.client.call('images:pruneReport', { taskId });
    expect(report.deleted).toEqual([newer]);
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', older])).toBe(older);
  }, 60_000);
});
