import { afterAll, describe, expect, it } from 'vitest';
import { engineForThisFile } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, removeRunContainers, testDocker, testLabels, testName } from '../../../scripts/test-support/fixtures';

/**
 * The network prune ran the engine's prune bounded by `until` (the newest candidate's creation time): a network a
 * running container used during the preview, left when it stopped, and older than a candidate was removed too. Only
 * the networks the preview listed may go.
 */
const { runId, connected } = engineForThisFile();
const engineId = 'local';
const runLabel = `${TEST_LABEL}.run=${runId}`;

afterAll(async () => {
  await removeRunContainers(runId);
  const docker = testDocker();
  for (const network of await docker.listNetworks({ filters: { label: [runLabel] } })) await docker.getNetwork(network.Id).remove().catch(() => undefined);
});

describe('network prune', () => {
  it('removes only the networks the preview listed, not one left by a container stopped after it', async () => {
    const name = (what: string) => testName(runId, what);
    await dockerCli(['network', 'create', ...testLabels(runId), name('was-used')]);
    await dockerCli(['run', '-d', '--name', name('user'), ...testLabels(runId), '--network', name('was-used'), TEST_IMAGE, 'sleep', '600']);
    await dockerCli(['network', 'create', ...testLabels(runId), name('listed')]);

    const plan = await connected.client.call('networks:prunePreview', { engineId, filters: { labels: [runLabel], notLabels: [] } });
    expect(plan.networks.map((network) => network.name)).toEqual([name('listed')]);

    await dockerCli(['stop', '-t', '0', name('user')]);
    await dockerCli(['rm', name('user')]);
    const report = await connected.client.call('networks:prune', {
      engineId, labels: [runLabel], notLabels: [], until: plan.until ?? '', ids: plan.networks.map((network) => network.id),
    });

    expect(report.deleted).toEqual([name('listed')]);
    expect(await dockerCli(['network', 'inspect', '--format', '{{.Name}}', name('was-used')])).toBe(name('was-used'));
  });
});
