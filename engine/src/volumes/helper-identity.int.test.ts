import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { HELPER_IMAGE, HELPER_LABEL, HELPER_LABEL_VALUE } from '../../contract/volume-commands';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

/**
 * Browsing a volume makes a helper container from Minato's empty helper image. Neither is the person's: the
 * Containers and Images lists leave them out. A look-alike (the helper's label and name on another image) stays.
 */
const { runId, connected } = engineForThisFile();
// The helper's name pattern, so it must not be a minato-test- name; it carries the test labels and goes in afterAll.
const lookAlike = `minato-helper-${randomBytes(6).toString('hex')}`;

afterAll(async () => {
  await dockerCli(['rm', '-f', lookAlike]).catch(() => undefined);
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (names.length > 0) await dockerCli(['volume', 'rm', '-f', ...names]).catch(() => undefined);
});

describe('Minato helpers in the lists', () => {
  it('leaves a browsing helper and its image out of containers:list and images:list, but not a look-alike', async () => {
    const volume = testName(runId, 'browsed');
    await dockerCli(['volume', 'create', ...testLabels(runId), volume]);
    const fake = await dockerCli(['create', '--name', lookAlike, '--label', `${HELPER_LABEL}=${HELPER_LABEL_VALUE}`, ...testLabels(runId), TEST_IMAGE, 'true']);

    let helper: string | undefined;
    let failure: unknown;
    const stop = connected.client.subscribe('volumes:browse', { engineId: 'local', name: volume, writable: false }, {
      onEvent: (event) => (helper = event.containerId),
      onEnd: (error) => (failure = error ?? new Error('ended')),
    });
    try {
      const id = await waitFor(() => {
        if (failure) throw failure as Error;
        return helper;
      }, 20_000, 'the helper');
      expect(await dockerCli(['ps', '-aq', '--no-trunc', '--filter', `id=${id}`])).toBe(id);
      const helperImage = await dockerCli(['image', 'inspect', '-f', '{{.Id}}', HELPER_IMAGE]);

      const containers = await connected.client.call('containers:list', { engineId: 'local' });
      expect(containers.some((container) => container.id === id)).toBe(false);
      expect(containers.some((container) => container.id === fake)).toBe(true);
      expect(await connected.client.call('containers:list', { engineId: 'local', ids: [id, fake] })).toHaveLength(1);

      const images = await connected.client.call('images:list', { engineId: 'local' });
      expect(images.some((image) => image.id === helperImage)).toBe(false);
      expect(images.some((image) => image.repoTags.includes(TEST_IMAGE))).toBe(true);
    } finally {
      stop();
    }
  });
});
