import { beforeAll, describe, expect, it } from 'vitest';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();
let id: string;

beforeAll(async () => {
  id = await dockerCli([
    'run', '-d', '--name', testName(runId, 'insight'), ...testLabels(runId), '-e', 'DB_PASSWORD=hunter2', TEST_IMAGE,
    'sh', '-c', 'mkdir -p /work && echo hi > /work/made-by-test.txt && rm /bin/wc && sleep 300',
  ]);
  // The shell has made its changes once it has reached the sleep.
  await waitFor(async () => (await dockerCli(['top', id])).includes('sleep 300'), 5000, 'the shell to reach its sleep');
});

describe('inspect, processes and changes', () => {
  it('returns the engine\'s inspect JSON as it is', async () => {
    const raw = await connected.client.call('containers:inspectRaw', { engineId: 'local', id });
    const cli = JSON.parse(await dockerCli(['inspect', id]))[0];
    expect(raw.Id).toBe(cli.Id);
    expect((raw.Config as { Env: string[] }).Env).toEqual(cli.Config.Env);
  });

  it('lists processes like docker top', async () => {
    const top = await connected.client.call('containers:top', { engineId: 'local', id });
    expect(top.titles).toContain('PID');
    const commandColumn = top.titles.indexOf('CMD');
    expect(top.processes.some((process) => process[commandColumn]?.includes('sleep 300'))).toBe(true);
  });

  it('shows the files the container added and deleted, like docker diff', async () => {
    const changes = await connected.client.call('containers:diff', { engineId: 'local', id });
    expect(changes).toContainEqual({ path: '/work/made-by-test.txt', kind: 'added' });
    expect(changes).toContainEqual({ path: '/bin/wc', kind: 'deleted' });
    const cli = (await dockerCli(['diff', id])).split('\n');
    expect(cli).toContain('A /work/made-by-test.txt');
    expect(changes).toHaveLength(cli.length);
  });

  it('shows no changes, as an empty list, for a container that changed nothing', async () => {
    const untouched = await dockerCli(['create', '--name', testName(runId, 'untouched'), ...testLabels(runId), TEST_IMAGE, 'true']);
    expect(await dockerCli(['diff', untouched])).toBe('');
    expect(await connected.client.call('containers:diff', { engineId: 'local', id: untouched })).toEqual([]);
  });

  it('says plainly when the container is not running', async () => {
    const stopped = await dockerCli(['create', '--name', testName(runId, 'idle'), ...testLabels(runId), TEST_IMAGE, 'true']);
    await expect(connected.client.call('containers:top', { engineId: 'local', id: stopped })).rejects.toMatchObject({ code: 'conflict' });
  });
});
