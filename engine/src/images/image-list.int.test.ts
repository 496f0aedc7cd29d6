import { afterAll, describe, expect, it } from 'vitest';
import type { ChangeBatch, MinatoError } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, removeRunContainers, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();
const repo = `minato-test-${runId}/img`;
/** Ids of the images this file committed: its own, never shared with the test image, so removing them is safe. */
const committed: string[] = [];

/** An image of this file's own (a commit, so its id differs from the shared test image's). */
async function commitImage(tag: string, change = 'ENV MINATO=1'): Promise<string> {
  const source = await dockerCli(['create', '--name', testName(runId, `src-${committed.length}`), ...testLabels(runId), TEST_IMAGE, 'true']);
  const id = await dockerCli(['commit', '-c', change, source, tag]);
  await dockerCli(['rm', source]);
  committed.push(id);
  return id;
}

async function removeFailure(ref: string, force = false): Promise<MinatoError> {
  return connected.client.call('images:remove', { engineId: 'local', ref, force }).then(
    () => expect.fail(`removing ${ref} should have been refused`),
    (error: MinatoError) => error,
  );
}

afterAll(async () => {
  // A running container holds its image even against force: containers go first.
  await removeRunContainers(runId);
  const tags = (await dockerCli(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '--filter', `reference=${repo}`])).split('\n').filter(Boolean);
  if (tags.length > 0) await dockerCli(['rmi', ...tags]).catch(() => undefined);
  for (const id of committed) await dockerCli(['rmi', '-f', id]).catch(() => undefined);
});

describe('images:list', () => {
  it('lists every local image with its tags, digests, size and age, in one call', async () => {
    const id = await commitImage(`${repo}:1`);
    await dockerCli(['tag', `${repo}:1`, `${repo}:also`]);
    const images = await connected.client.call('images:list', { engineId: 'local' });
    const mine = images.find((image) => image.id === id);
    expect(mine?.repoTags.sort()).toEqual([`${repo}:1`, `${repo}:also`]);
    expect(mine?.repoDigests).toEqual([]);
    expect(mine?.size).toBeGreaterThan(1000);
    expect(Math.abs((mine?.created ?? 0) - Date.now() / 1000)).toBeLessThan(300);
    expect(images.some((image) => image.repoTags.includes(TEST_IMAGE))).toBe(true);
  });

  it('shows a dangling image with no name at all, not "<none>:<none>"', async () => {
    const first = await commitImage(`${repo}:moved`, 'ENV STEP=1');
    await commitImage(`${repo}:moved`, 'ENV STEP=2');
    const images = await connected.client.call('images:list', { engineId: 'local' });
    expect(images.find((image) => image.id === first)?.repoTags).toEqual([]);
  });
});

describe('images:remove', () => {
  it('untags while another tag still names the image, then deletes with the last one', async () => {
    const id = await commitImage(`${repo}:two`);
    await dockerCli(['tag', `${repo}:two`, `${repo}:two-b`]);
    expect(await connected.client.call('images:remove', { engineId: 'local', ref: `${repo}:two-b` })).toEqual({ untagged: [`${repo}:two-b`], deleted: [] });
    const last = await connected.client.call('images:remove', { engineId: 'local', ref: `${repo}:two` });
    expect(last.untagged).toEqual([`${repo}:two`]);
    expect(last.deleted).toContain(id);
    expect(await dockerCli(['image', 'ls', '-q', '--filter', `reference=${repo}:two*`])).toBe('');
  });

  it('names the container that uses an image, and lets force remove it', async () => {
    const id = await commitImage(`${repo}:used`);
    const container = await dockerCli(['create', '--name', testName(runId, 'user'), ...testLabels(runId), `${repo}:used`, 'true']);
    const refused = await removeFailure(`${repo}:used`);
    expect(refused.code).toBe('conflict');
    expect(refused.details).toEqual({ reason: 'used-by-container', forceable: true, container: container.slice(0, 12) });
    // Forced, the engine deletes the image; the stopped container keeps its layers and names the image by id.
    expect(await connected.client.call('images:remove', { engineId: 'local', ref: `${repo}:used`, force: true })).toEqual({ untagged: [`${repo}:used`], deleted: [id] });
    expect(await dockerCli(['inspect', '--format', '{{.Image}}', container])).toBe(id);
  });

  it('says force cannot remove an image a running container uses', async () => {
    const id = await commitImage(`${repo}:running`);
    const container = await dockerCli(['run', '-d', '--name', testName(runId, 'runner'), ...testLabels(runId), `${repo}:running`, 'sleep', '300']);
    const refused = await removeFailure(id, true);
    expect(refused.code).toBe('conflict');
    expect(refused.details).toEqual({ reason: 'used-by-running-container', forceable: false, container: container.slice(0, 12) });
    expect(refused.message).toMatch(/running container/);
  });

  it('asks for force before deleting an image by id while tags name it', async () => {
    const id = await commitImage(`${repo}:many-a`);
    await dockerCli(['tag', `${repo}:many-a`, `${repo}:many-b`]);
    expect((await removeFailure(id)).details).toEqual({ reason: 'many-tags', forceable: true });
  });

  it('says not found for an image that is not here', async () => {
    expect((await removeFailure(`${repo}:absent`)).code).toBe('not-found');
  });
});

describe('image events', () => {
  it('reach clients as change batches of kind image, for a tag and an untag', async () => {
    const id = await commitImage(`${repo}:watched`);
    const batches: ChangeBatch[] = [];
    const before = connected.openCount();
    const stop = connected.client.subscribe('engines:changes', { engineId: 'local' }, { onEvent: (batch) => batches.push(batch) });
    try {
      // The tag must not race the subscription: wait until the session holds it.
      await waitFor(() => connected.openCount() > before, 2000, 'the subscription to open');
      await dockerCli(['tag', `${repo}:watched`, `${repo}:watched-b`]);
      await waitFor(() => batches.some((batch) => batch.kinds.includes('image') && batch.ids.includes(id)), 5000, 'a tag batch');
      batches.length = 0;
      await dockerCli(['rmi', `${repo}:watched-b`]);
      await waitFor(() => batches.some((batch) => batch.kinds.includes('image') && batch.ids.includes(id)), 5000, 'an untag batch');
    } finally {
      stop();
    }
  });
});
