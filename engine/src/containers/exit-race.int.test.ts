import { describe, expect, it } from 'vitest';
import type { ContainerSummary } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

describe('a container that exits at once', () => {
  // Docker sends `die` before its list stops calling the container running; a row read right after the event must
  // still come out exited, since no later event would correct it.
  it('is never left "running" by the list read its events ask for', async () => {
    const names = Array.from({ length: 12 }, (_, index) => testName(runId, `quick-${index}`));
    const ids: string[] = [];
    for (const name of names) ids.push(await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']));
    const rows = new Map<string, ContainerSummary>();
    let reads = Promise.resolve();
    // As the renderer does: each batch that names containers is answered with one narrow list read, in order.
    const stop = connected.client.subscribe('engines:changes', { engineId: 'local' }, {
      onEvent: (batch) => {
        const asked = batch.ids.filter((id) => ids.includes(id));
        if (asked.length === 0) return;
        reads = reads.then(async () => {
          for (const row of await connected.client.call('containers:list', { engineId: 'local', ids: asked })) rows.set(row.id, row);
        });
      },
    });
    try {
      // One at a time, as `docker start a b c` does: each exits while the next starts.
      await dockerCli(['start', ...ids]);
      // No event comes after a container's `die`: a row read stale then would stay "running" for good.
      const leftRunning = () => ids.filter((id) => rows.get(id)?.state !== 'exited');
      await waitFor(() => leftRunning().length === 0, 15_000, 'every row to show its container exited').catch(() => undefined);
      expect(leftRunning(), 'rows the reads left running').toEqual([]);
    } finally {
      stop();
    }
  });
});
