import { describe, expect, it } from 'vitest';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

/** Fails instead of hanging: a container locked by a forgotten archive stream makes these calls wait for ever. */
function promptly<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)),
  ]);
}

describe('a download that ends half-way', () => {
  it('lets go of the container: inspect and stop answer at once, and nothing stays open', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'half-download'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
      'dd if=/dev/zero of=/big bs=1048576 count=64 2>/dev/null && touch /ready && exec sleep 300']);
    await waitFor(async () => (await dockerCli(['exec', id, 'ls', '/ready']).catch(() => '')) === '/ready', 30_000, 'the big file');

    let chunks = 0;
    // Never acknowledged: the engine fills its credit window, then waits for credit that never comes.
    const unsubscribe = connected.client.subscribe('files:download', { engineId: 'local', id, path: '/big' }, {
      manualAck: true,
      onEvent: (event) => {
        if (event.type === 'chunk') chunks++;
      },
    });
    await waitFor(() => chunks >= 7, 20_000, 'the download to fill its credit window');
    unsubscribe();

    await waitFor(() => connected.openCount() === 0, 5000, 'the subscription to close');
    const detail = await promptly(connected.client.call('containers:inspect', { engineId: 'local', id }), 'inspect');
    expect(detail.state.status).toBe('running');
    const stopped = await promptly(connected.client.call('containers:act', { engineId: 'local', ids: [id], action: 'stop', options: { timeoutSeconds: 1 } }), 'stop', 20_000);
    expect(stopped.results).toEqual([{ id, ok: true }]);
  });
});
