import { describe, expect, it } from 'vitest';
import { engineForThisFile } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testDocker, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { RunSpec } from '../../contract/run/run-spec';

const { runId, connected } = engineForThisFile();

async function inspect(id: string) {
  return testDocker().getContainer(id).inspect();
}

describe('run another like this', () => {
  it('keeps the options the form does not show, with a fresh name, hostname and anonymous volume', async () => {
    const source = await dockerCli([
      'run', '-d', '--name', testName(runId, 'original'), ...testLabels(runId), '--init', '--read-only', '--ulimit', 'nofile=1024:2048',
      '--health-cmd', 'true', '-v', '/anon', TEST_IMAGE, 'sleep', '300',
    ]);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id: source });
    // As the renderer's anotherLikeThis does: a new name, the rest of the form as it was.
    const copyName = testName(runId, 'original-copy');
    const { id: copy } = await connected.client.call('containers:create', { engineId: 'local', spec: { ...spec, name: copyName }, start: true, likeId: source });

    const [before, after] = [await inspect(source), await inspect(copy)];
    expect(after.Name).toBe(`/${copyName}`);
    expect(after.State.Running).toBe(true);
    expect(after.HostConfig.Init).toBe(true);
    expect(after.HostConfig.ReadonlyRootfs).toBe(true);
    expect(after.HostConfig.Ulimits).toEqual([{ Name: 'nofile', Soft: 1024, Hard: 2048 }]);
    expect(after.Config.Healthcheck?.Test).toEqual(['CMD-SHELL', 'true']);
    expect(after.Config.Hostname).toBe(copy.slice(0, 12));
    expect(after.Config.Hostname).not.toBe(before.Config.Hostname);
    const anonymous = (info: typeof before) => info.Mounts.find((mount) => mount.Destination === '/anon')?.Name;
    expect(anonymous(after)).toMatch(/^[0-9a-f]{64}$/);
    expect(anonymous(after)).not.toBe(anonymous(before));
  });

  it('is a plain docker run without likeId', async () => {
    const spec = RunSpec.parse({ image: TEST_IMAGE, name: testName(runId, 'plain'), command: ['true'], labels: [{ key: 'minato.test.run', value: runId }] });
    const { id } = await connected.client.call('containers:create', { engineId: 'local', spec, start: false });
    const info = await inspect(id);
    expect(info.HostConfig.Init).toBeFalsy();
    expect(info.HostConfig.ReadonlyRootfs).toBe(false);
  });
});

