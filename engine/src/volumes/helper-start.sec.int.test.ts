import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, removeRunContainers, testLabels, testName } from '../../../scripts/test-support/fixtures';

/**
 * Helpers are created and never started, but nothing stopped anyone from starting one: it ran as root, its command
 * was looked up in PATH, and a restored tar can put files in the helper's own layer. A planted program named like
 * the command ran as root. A helper must run as nobody with a command that does not exist, so a start runs nothing.
 */
const { runId, connected } = engineForThisFile();

afterAll(async () => {
  await removeRunContainers(runId);
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (names.length > 0) await dockerCli(['volume', 'rm', '-f', ...names]).catch(() => undefined);
});

describe('a volume helper', () => {
  it('runs nothing when someone starts it, even with a program planted where its command was looked up', async () => {
    const volume = testName(runId, 'vol');
    await dockerCli(['volume', 'create', ...testLabels(runId), volume]);
    let helper: string | undefined;
    const end = connected.client.subscribe('volumes:browse', { engineId: 'local', name: volume, writable: false }, { onEvent: (event) => (helper ??= event.containerId), onEnd: () => undefined });
    try {
      const id = await waitFor(() => helper, 20_000, 'the helper');
      expect(await dockerCli(['inspect', '-f', '{{.Config.User}}', id])).toBe('65534:65534');

      // What a tar could leave in the helper's layer: a program where the old command name was found in PATH.
      const source = await dockerCli(['create', '--name', testName(runId, 'source'), ...testLabels(runId), TEST_IMAGE, 'true']);
      const tree = mkdtempSync(path.join(os.tmpdir(), 'minato-test-plant-'));
      try {
        mkdirSync(path.join(tree, 'usr/local/bin'), { recursive: true });
        await dockerCli(['cp', `${source}:/bin/busybox`, path.join(tree, 'usr/local/bin/minato-never-runs')]);
        await dockerCli(['cp', `${tree}/.`, `${id}:/`]);
      } finally {
        rmSync(tree, { recursive: true, force: true });
      }

      await expect(dockerCli(['start', id])).rejects.toThrow();
      expect(await dockerCli(['inspect', '-f', '{{.State.Running}} {{.State.Pid}}', id])).toBe('false 0');
    } finally {
      end();
    }
  });
});
