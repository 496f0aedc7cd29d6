import { describe, expect, it } from 'vitest';
import type { ChangeBatch } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

async function runDetached(name: string, ...args: string[]): Promise<string> {
  return dockerCli(['run', '-d', '--name', testName(runId, name), ...testLabels(runId), ...args]);
}

describe('containers against a real engine', () => {
  it('lists a container the CLI started, with its published port and compose labels', async () => {
    const id = await runDetached(
      'web',
      '-p', '127.0.0.1::80',
      '--label', 'com.docker.compose.project=minato-test-proj',
      '--label', 'com.docker.compose.service=web',
      TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/var/www',
    );
    const list = await connected.client.call('containers:list', { engineId: 'local' });
    const row = list.find((container) => container.id === id);
    expect(row).toBeDefined();
    expect(row?.name).toBe(testName(runId, 'web'));
    expect(row?.state).toBe('running');
    expect(row?.image).toBe(TEST_IMAGE);
    expect(row?.composeProject).toBe('minato-test-proj');
    expect(row?.composeService).toBe('web');
    const hostPort = Number((await dockerCli(['port', id, '80/tcp'])).split(':').pop());
    expect(row?.ports).toEqual([{ hostIp: '127.0.0.1', hostPort, containerPort: 80, protocol: 'tcp' }]);
  });

  it('lists only the asked containers when given ids, and nothing for a removed one', async () => {
    const kept = await runDetached('narrow-a', TEST_IMAGE, 'sleep', '300');
    await runDetached('narrow-b', TEST_IMAGE, 'sleep', '300');
    const gone = await runDetached('narrow-c', TEST_IMAGE, 'true');
    await dockerCli(['rm', '-f', gone]);
    const list = await connected.client.call('containers:list', { engineId: 'local', ids: [kept, gone] });
    expect(list.map((container) => container.id)).toEqual([kept]);
    // A prefix of an id (as a volume's name may be) is not that container.
    expect(await connected.client.call('containers:list', { engineId: 'local', ids: [kept.slice(0, 4)] })).toEqual([]);
    await expect(connected.client.call('containers:list', { engineId: 'local', ids: [] })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('dates each row from the engine’s own status (start, end, exit code), close to inspect’s timestamps', async () => {
    const up = await runDetached('dated-up', TEST_IMAGE, 'sleep', '300');
    const ended = await runDetached('dated-exit', TEST_IMAGE, 'sh', '-c', 'exit 3');
    await waitFor(async () => (await dockerCli(['inspect', '-f', '{{.State.Status}}', ended])) === 'exited', 10_000, 'the container to exit');
    const list = await connected.client.call('containers:list', { engineId: 'local', ids: [up, ended] });
    const seconds = async (id: string, field: string) => Date.parse(await dockerCli(['inspect', '-f', `{{.State.${field}}}`, id])) / 1000;
    const upRow = list.find((container) => container.id === up)!;
    const endedRow = list.find((container) => container.id === ended)!;
    // Docker rounds these texts down to the second while under a minute; allow that and the call's own time.
    expect(Math.abs(upRow.since! - (await seconds(up, 'StartedAt')))).toBeLessThanOrEqual(2);
    expect(endedRow.exitCode).toBe(3);
    expect(Math.abs(endedRow.since! - (await seconds(ended, 'FinishedAt')))).toBeLessThanOrEqual(2);
  });

  it('inspects a container into the detail shape', async () => {
    const id = await runDetached('detail', '--restart', 'on-failure:3', '-v', '/data', TEST_IMAGE, 'sleep', '300');
    const detail = await connected.client.call('containers:inspect', { engineId: 'local', id });
    expect(detail.name).toBe(testName(runId, 'detail'));
    expect(detail.command).toEqual(['sleep', '300']);
    expect(detail.restartPolicy).toBe('on-failure:3');
    expect(detail.state.status).toBe('running');
    expect(detail.mounts).toHaveLength(1);
    expect(detail.mounts[0]).toMatchObject({ type: 'volume', destination: '/data', readWrite: true });
    expect(detail.networks.map((network) => network.name)).toEqual(['bridge']);
    expect(detail.labels['minato.test.run']).toBe(runId);
  });

  it('runs every lifecycle action and the engine agrees', async () => {
    const id = await runDetached('life', TEST_IMAGE, 'sleep', '300');
    const act = (action: 'stop' | 'start' | 'restart' | 'pause' | 'unpause' | 'kill') =>
      connected.client.call('containers:act', { engineId: 'local', ids: [id], action, options: { timeoutSeconds: 1 } });
    const state = () => dockerCli(['inspect', '-f', '{{.State.Status}}', id]);

    expect((await act('pause')).results).toEqual([{ id, ok: true }]);
    expect(await state()).toBe('paused');
    await act('unpause');
    expect(await state()).toBe('running');
    await act('stop');
    expect(await state()).toBe('exited');
    // Stopping a stopped container is what the person wanted: success, not an error.
    expect((await act('stop')).results).toEqual([{ id, ok: true }]);
    await act('start');
    expect(await state()).toBe('running');
    // "running" alone would pass if restart did nothing: a restart starts a new run, with a later start time.
    const startedAt = () => dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id]);
    const before = await startedAt();
    await act('restart');
    expect(await state()).toBe('running');
    expect(Date.parse(await startedAt())).toBeGreaterThan(Date.parse(before));
    await act('kill');
    expect(await state()).toBe('exited');
  });

  it('reports per-container results in a bulk remove and maps engine errors to actionable codes', async () => {
    const running = await runDetached('bulk-running', TEST_IMAGE, 'sleep', '300');
    const created = await dockerCli(['create', '--name', testName(runId, 'bulk-created'), ...testLabels(runId), TEST_IMAGE, 'true']);
    const { results } = await connected.client.call('containers:act', {
      engineId: 'local',
      ids: [running, created, 'minato-test-does-not-exist'],
      action: 'remove',
      options: {},
    });
    expect(results[0]).toMatchObject({ id: running, ok: false, error: { code: 'conflict' } });
    expect(results[0]?.error?.message).toMatch(/running container/i);
    expect(results[1]).toEqual({ id: created, ok: true });
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const forced = await connected.client.call('containers:act', {
      engineId: 'local',
      ids: [running],
      action: 'remove',
      options: { force: true, removeVolumes: true },
    });
    expect(forced.results).toEqual([{ id: running, ok: true }]);
    expect(await dockerCli(['ps', '-aq', '--filter', `id=${running}`])).toBe('');
  });

  it('removes with its volumes the anonymous volumes an edit mounted again by name, and only those', async () => {
    const named = testName(runId, 'kept-volume');
    const volumeAt = (id: string, target: string) => dockerCli(['inspect', '-f', `{{range .Mounts}}{{if eq .Destination "${target}"}}{{.Name}}{{end}}{{end}}`, id]);
    const volumeExists = async (name: string) => (await dockerCli(['volume', 'ls', '-q', '--filter', `name=^${name}$`])) === name;
    const id = await runDetached('edit-then-remove', '--stop-timeout', '1', '-v', '/anon', '-v', '/shared', '-v', `${named}:/named`, TEST_IMAGE, 'sleep', '300');
    const [anonymous, shared] = [await volumeAt(id, '/anon'), await volumeAt(id, '/shared')];
    try {
      const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
      const { id: edited } = await connected.client.call('containers:recreate', { engineId: 'local', id, spec: { ...spec, env: [{ key: 'EDITED', value: '1' }] } });
      expect(await volumeAt(edited, '/anon')).toBe(anonymous);
      // Another container holds one of them: that one must stay.
      await dockerCli(['create', '--name', testName(runId, 'shares-volume'), ...testLabels(runId), '-v', `${shared}:/shared`, TEST_IMAGE, 'true']);

      const { results } = await connected.client.call('containers:act', { engineId: 'local', ids: [edited], action: 'remove', options: { force: true, removeVolumes: true } });
      expect(results).toEqual([{ id: edited, ok: true }]);
      expect(await volumeExists(anonymous)).toBe(false);
      expect(await volumeExists(shared)).toBe(true);
      expect(await volumeExists(named)).toBe(true);
    } finally {
      await dockerCli(['rm', '-f', testName(runId, 'shares-volume')]).catch(() => undefined);
      for (const volume of [anonymous, shared, named]) await dockerCli(['volume', 'rm', '-f', volume]).catch(() => undefined);
    }
  });

  it('rejects bad input at the boundary with a readable message', async () => {
    await expect(
      connected.client.call('containers:act', { engineId: 'local', ids: [], action: 'start', options: {} }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(
      connected.client.call('containers:act', { engineId: 'local', ids: ['x'], action: 'explode' as 'start', options: {} }),
    ).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(connected.client.call('containers:list', { engineId: 'nowhere' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('pushes a change batch when a container starts, and coalesces a burst', async () => {
    const batches: ChangeBatch[] = [];
    const before = connected.openCount();
    const dispose = connected.client.subscribe('engines:changes', { engineId: 'local' }, { onEvent: (batch) => batches.push(batch) });
    await waitFor(() => connected.openCount() > before, 2000, 'the subscription to open');
    const id = await runDetached('event', TEST_IMAGE, 'sleep', '300');
    await waitFor(() => batches.some((batch) => batch.ids.includes(id)), 2000, 'a batch naming the new container');

    // 20 containers created at once produce well over 20 engine events (create, network connect, ...).
    batches.length = 0;
    const names = Array.from({ length: 20 }, (_, index) => testName(runId, `burst-${index}`));
    const created = await Promise.all(names.map((name) => dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true'])));
    const seen = () => new Set(batches.flatMap((batch) => batch.ids));
    await waitFor(() => created.every((id) => seen().has(id)), 5000, 'batches naming all 20 containers');
    expect(batches.length).toBeLessThan(20);
    dispose();
    await waitFor(() => connected.openCount() === 0, 1000, 'the subscription to be released');
  });
});
