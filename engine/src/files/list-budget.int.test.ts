import { describe, expect, it } from 'vitest';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testDocker, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { listByArchive } from './list-by-archive';

const { runId, connected } = engineForThisFile();

/** Fails instead of hanging: while an archive stream is open, dockerd holds the container locked. */
function promptly<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)),
  ]);
}

/**
 * A root container (listed through the archive API) in which a process made a sparse 1 TB file: no disk is used, but
 * the archive of `/` streams a terabyte of zeros, with the container locked in dockerd all along.
 */
async function containerWithHugeFile(name: string): Promise<string> {
  const id = await dockerCli(['run', '-d', '--name', testName(runId, name), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
    'dd if=/dev/zero of=/huge bs=1048576 count=0 seek=1048576 2>/dev/null && touch /ready && exec sleep 300']);
  await waitFor(async () => (await dockerCli(['exec', id, 'ls', '/ready']).catch(() => '')) === '/ready', 30_000, 'the huge file');
  return id;
}

describe('listing a folder whose archive is huge', () => {
  it('stops reading and says the listing is partial, leaving the container usable', async () => {
    const id = await containerWithHugeFile('huge-listing');
    const listing = await promptly(connected.client.call('files:list', { engineId: 'local', id, path: '/' }), 'files:list', 20_000);
    expect(listing.via).toEqual({ kind: 'archive' });
    expect(listing.truncated).toBe(true);
    expect(listing.entries.find((entry) => entry.name === 'huge')).toMatchObject({ type: 'file', size: 1024 ** 4 });
    expect(listing.entries.map((entry) => entry.name)).toContain('bin');
    const detail = await promptly(connected.client.call('containers:inspect', { engineId: 'local', id }), 'inspect');
    expect(detail.state.status).toBe('running');
  });

  it('ends the engine stream when the listing is cancelled', async () => {
    const id = await containerWithHugeFile('cancelled-listing');
    const cancel = new AbortController();
    // No byte budget: only the signal can end this read.
    const reading = listByArchive(testDocker().getContainer(id), '/', cancel.signal, Number.POSITIVE_INFINITY);
    setTimeout(() => cancel.abort(new Error('cancelled by the test')), 500);
    await expect(promptly(reading, 'the cancelled listing')).rejects.toThrow('cancelled by the test');
    const detail = await promptly(connected.client.call('containers:inspect', { engineId: 'local', id }), 'inspect');
    expect(detail.state.status).toBe('running');
  });
});
