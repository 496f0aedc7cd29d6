import { afterAll, describe, expect, it } from 'vitest';
import { engineForThisFile } from '../../../scripts/test-support/engine-client';
import { TEST_LABEL, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

/**
 * The prune is run with the list the person agreed to (`expected`). The engine's own `POST /volumes/prune` has no
 * `until` or name filter: it removed every volume unused at that moment, so one made (or left unused) after the
 * preview was deleted too, and the report could only say so afterwards. Only the agreed volumes may go.
 */
const { runId, connected } = engineForThisFile();
const engineId = 'local';

afterAll(async () => {
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (names.length > 0) await dockerCli(['volume', 'rm', '-f', ...names]).catch(() => undefined);
});

describe('volume prune', () => {
  it('removes the volumes the preview listed and none made after it', async () => {
    const listed = testName(runId, 'listed');
    await dockerCli(['volume', 'create', ...testLabels(runId), listed]);
    const plan = await connected.client.call('volumes:prunePreview', { engineId, all: true });
    const expected = plan.volumes.map((each) => each.name);
    expect(expected).toContain(listed);

    const late = testName(runId, 'late');
    await dockerCli(['volume', 'create', ...testLabels(runId), late]);
    const report = await connected.client.call('volumes:prune', { engineId, all: true, expected });

    expect(await dockerCli(['volume', 'ls', '-q', '--filter', `name=^${late}$`])).toBe(late);
    expect(report.unexpected).toEqual([]);
    expect(report.removed).toEqual([...expected].sort());
  });
});
