import { afterAll, describe, expect, it } from 'vitest';
import { HELPER_LABEL, HELPER_LABEL_VALUE } from '../../contract/volume-commands';
import { connectEngine, engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, buildTestImage, dockerCli, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

/**
 * Containers inherit their image's labels: any image can carry `minato.helper=volume`. The sweep of leftover helpers
 * at start force-removed every container with that label, so running such an image lost its container (and its
 * writable layer) the next time Minato connected. Only containers Minato made and named as helpers may be swept.
 */
const { runId } = engineForThisFile();
const image = `${testName(runId, 'labelled')}:1`;

afterAll(async () => {
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (names.length > 0) await dockerCli(['volume', 'rm', '-f', ...names]).catch(() => undefined);
  await dockerCli(['rmi', '-f', image]).catch(() => undefined);
});

describe('the leftover-helper sweep', () => {
  it('leaves alone a container whose image carries the helper label', async () => {
    await buildTestImage(runId, image, `FROM ${TEST_IMAGE}\nLABEL ${HELPER_LABEL}=${HELPER_LABEL_VALUE}\n`);
    const persons = await dockerCli(['create', '--name', testName(runId, 'persons'), ...testLabels(runId), image, 'sleep', '600']);
    expect(await dockerCli(['inspect', '-f', `{{index .Config.Labels "${HELPER_LABEL}"}}`, persons])).toBe(HELPER_LABEL_VALUE);

    // A real leftover helper, so the sweep can be seen to have run.
    const name = testName(runId, 'vol');
    await dockerCli(['volume', 'create', ...testLabels(runId), name]);
    const other = await connectEngine(testDockerHost());
    let orphan: string | undefined;
    other.client.subscribe('volumes:browse', { engineId: 'local', name, writable: false }, { onEvent: (event) => (orphan = event.containerId), onEnd: () => undefined });
    const leftover = await waitFor(() => orphan, 20_000, 'the helper');
    await other.engine.close();

    const fresh = await connectEngine(testDockerHost());
    try {
      const exists = async (id: string) => (await dockerCli(['ps', '-aq', '--no-trunc', '--filter', `id=${id}`])) === id;
      await waitFor(async () => !(await exists(leftover)), 10_000, 'the leftover helper to be swept');
      expect(await exists(persons)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
