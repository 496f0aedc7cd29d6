import dgram from 'node:dgram';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine, waitFor, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { runSpecToCommand } from '../../contract/run/run-command';
import { TEST_IMAGE, buildTestImage, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
const volume = testName(runId, 'keep');
// An image that declares VOLUME /data, as postgres and most databases do.
const volumeImage = `${testName(runId, 'with-volume')}:1`;
const anonymousVolumes: string[] = [];
const networks: string[] = [];
let connected: ConnectedEngine;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  await dockerCli(['volume', 'create', '--label', `${TEST_LABEL}.run=${runId}`, volume]);
  await buildTestImage(runId, volumeImage, `FROM ${TEST_IMAGE}\nVOLUME /data\n`);
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  // The recreated container mounts the old anonymous volume by name, so removing it does not take the volume along.
  for (const name of [...anonymousVolumes, volume]) await dockerCli(['volume', 'rm', name]).catch(() => undefined);
  await dockerCli(['image', 'rm', volumeImage]).catch(() => undefined);
  for (const network of networks) await dockerCli(['network', 'rm', network]).catch(() => undefined);
});

function without(fields: Record<string, unknown>, names: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

/** A network with a subnet of its own (--ip needs one); another run may hold a subnet, so a few are tried. */
async function createNetworkWithSubnet(name: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const prefix = `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}`;
    try {
      await dockerCli(['network', 'create', '--label', `${TEST_LABEL}.run=${runId}`, '--subnet', `${prefix}.0/24`, name]);
      networks.push(name);
      return prefix;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** An edit through the subscription: the steps it reported, then its result (the done event, or the error it ended with). */
function edit(id: string, spec: unknown): Promise<{ phases: string[]; result: unknown }> {
  const phases: string[] = [];
  let done: unknown;
  return new Promise((resolve) => {
    connected.client.subscribe('containers:edit', { engineId: 'local', id, spec: spec as never }, {
      onEvent: (event) => {
        if (event.kind === 'phase') phases.push(event.phase);
        else done = event;
      },
      onEnd: (error) => resolve({ phases, result: error ?? done }),
    });
  });
}

async function volumeAt(id: string, target: string): Promise<string> {
  return dockerCli(['inspect', '-f', `{{range .Mounts}}{{if eq .Destination "${target}"}}{{.Name}}{{end}}{{end}}`, id]);
}

/** The container's shell has written its files once it has reached its `sleep 600`. */
async function untilSleeping(id: string): Promise<void> {
  await waitFor(async () => (await dockerCli(['top', id])).includes('sleep 600'), 5000, 'the shell to reach its sleep');
}

async function state(id: string) {
  return JSON.parse(await dockerCli(['inspect', '-f', '{{json .State.Running}}|{{json .Name}}', id]).then((text) => `[${text.replace('|', ',')}]`)) as [boolean, string];
}

describe('edit and recreate', () => {
  it('keeps the name, named and anonymous volume data, and the running state, with the new settings', async () => {
    const name = testName(runId, 'edit-me');
    const id = await dockerCli([
      'run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-v', `${volume}:/named`, '-v', '/anon', '-e', 'MODE=old', TEST_IMAGE,
      'sh', '-c', 'echo kept > /named/file; [ -f /anon/file ] || echo kept-too > /anon/file; sleep 600',
    ]);
    await untilSleeping(id);
    anonymousVolumes.push(await volumeAt(id, '/anon'));
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    expect(spec.env).toEqual([{ key: 'MODE', value: 'old' }]);
    const edited = { ...spec, env: [{ key: 'MODE', value: 'new' }] };

    const { id: newId } = await connected.client.call('containers:recreate', { engineId: 'local', id, spec: edited });
    expect(newId).not.toBe(id);
    expect(await state(newId)).toEqual([true, `/${name}`]);
    expect(await dockerCli(['exec', newId, 'sh', '-c', 'echo $MODE; cat /named/file /anon/file'])).toBe('new\nkept\nkept-too');
    expect(await dockerCli(['ps', '-aq', '--filter', `id=${id}`])).toBe('');
  });

  it('keeps the data of the volumes the image declares, without showing them as options', async () => {
    const name = testName(runId, 'database');
    const id = await dockerCli([
      'run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-e', 'MODE=old', volumeImage,
      // Ends on SIGTERM at once, so the two edits below do not wait out the stop timeout.
      'sh', '-c', 'trap "exit 0" TERM; [ -f /data/file ] || echo precious > /data/file; sleep 600 & wait',
    ]);
    await untilSleeping(id);
    const dataVolume = await volumeAt(id, '/data');
    anonymousVolumes.push(dataVolume);
    expect(dataVolume).toMatch(/^[0-9a-f]{64}$/);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    expect(spec.mounts).toEqual([]);

    const { id: newId } = await connected.client.call('containers:recreate', { engineId: 'local', id, spec: { ...spec, env: [{ key: 'MODE', value: 'new' }] } });
    expect(await volumeAt(newId, '/data')).toBe(dataVolume);
    expect(await dockerCli(['exec', newId, 'sh', '-c', 'echo $MODE; cat /data/file'])).toBe('new\nprecious');
    // Run another like this, and the command shown, stay as a person would write them: the image's VOLUME needs no -v.
    const again = await connected.client.call('containers:specOf', { engineId: 'local', id: newId });
    expect(again.mounts).toEqual([]);
    expect(runSpecToCommand(again)).not.toMatch(/--volume|-v /);
    // A second edit still finds the same volume.
    const { id: thirdId } = await connected.client.call('containers:recreate', { engineId: 'local', id: newId, spec: { ...again, env: [{ key: 'MODE', value: 'third' }] } });
    expect(await dockerCli(['exec', thirdId, 'sh', '-c', 'echo $MODE; cat /data/file'])).toBe('third\nprecious');
  });

  it('changes only what the edit changed: every option the Run form does not show stays as it was', async () => {
    const network = testName(runId, 'addressed');
    const subnet = await createNetworkWithSubnet(network);
    const name = testName(runId, 'many-options');
    const id = await dockerCli([
      'run', '-d', '--name', name, ...testLabels(runId),
      // Options the spec does not represent.
      '--stop-timeout', '7', '--stop-signal', 'SIGUSR1', '--init', '--ulimit', 'nofile=1024:2048', '--tmpfs', '/scratch:size=16m', '--shm-size', '128m',
      '--read-only', '--health-cmd', 'true', '--health-interval', '5s', '--sysctl', 'net.ipv4.ip_forward=1', '--group-add', '1234', '--memory-reservation', '32m',
      '--cpuset-cpus', '0', '--domainname', 'example.test', '--expose', '7000', '--security-opt', 'no-new-privileges', '--oom-score-adj', '100',
      '--dns-search', 'example.test', '--dns-option', 'ndots:2', '--device', '/dev/null:/dev/xnull', '--ip', `${subnet}.5`,
      // Mount options the spec does not represent, on mounts it does, and a --mount tmpfs it does not.
      '-v', `${volume}:/named:ro,nocopy`, '--mount', 'type=volume,dst=/anon,volume-nocopy', '--mount', 'type=tmpfs,dst=/t2,tmpfs-size=1048576',
      // Options it does, some of which the edit removes.
      '--memory', '64m', '-e', 'KEEP=1', '-e', 'CHANGE=old', '-e', 'DROP=1', '-l', 'keep=1', '-l', 'drop=1', '-p', '127.0.0.1::80', '-p', '127.0.0.1::81',
      '--network', network, '--network-alias', 'web', TEST_IMAGE, 'sleep', '600',
    ]);
    const [before] = JSON.parse(await dockerCli(['inspect', id])) as Array<Record<string, any>>;
    const anonymous = await volumeAt(id, '/anon');
    anonymousVolumes.push(anonymous);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    const edited = {
      ...spec,
      env: [{ key: 'KEEP', value: '1' }, { key: 'CHANGE', value: 'new' }],
      labels: spec.labels.filter((label) => label.key !== 'drop'),
      ports: spec.ports.filter((port) => port.containerPort !== 81),
    };

    const { id: newId } = await connected.client.call('containers:recreate', { engineId: 'local', id, spec: edited });
    const [after] = JSON.parse(await dockerCli(['inspect', newId])) as Array<Record<string, any>>;
    expect(after!.State.Running).toBe(true);
    // What the edit changed, and only that.
    const changed = ['Hostname', 'Env', 'Labels', 'ExposedPorts'];
    expect(without(after!.Config, changed)).toEqual(without(before!.Config, changed));
    // The anonymous volume from --mount is mounted again by its name, so that its data carries over.
    const named = (mounts: Array<Record<string, unknown>>) => mounts.map((mount) => (mount.Target === '/anon' ? { ...mount, Source: anonymous } : mount));
    expect(after!.HostConfig.Mounts).toEqual(named(before!.HostConfig.Mounts));
    expect(await volumeAt(newId, '/anon')).toBe(anonymous);
    expect(without(after!.HostConfig, ['PortBindings', 'Mounts'])).toEqual(without(before!.HostConfig, ['PortBindings', 'Mounts']));
    expect(after!.Config).toMatchObject({ StopTimeout: 7, StopSignal: 'SIGUSR1', Domainname: 'example.test', Healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: 5e9 } });
    expect(after!.HostConfig).toMatchObject({ Init: true, ReadonlyRootfs: true, ShmSize: 128 * 1024 ** 2, Tmpfs: { '/scratch': 'size=16m' }, Sysctls: { 'net.ipv4.ip_forward': '1' } });
    const endpoint = (inspect: Record<string, any>) => {
      const { IPAMConfig, IPAddress, Aliases } = inspect.NetworkSettings.Networks[network];
      return { IPAMConfig, IPAddress, Aliases: (Aliases as string[]).filter((alias) => alias !== inspect.Id.slice(0, 12)) };
    };
    expect(endpoint(after!)).toEqual(endpoint(before!));
    expect(endpoint(after!).IPAddress).toBe(`${subnet}.5`);
    // The edit applied; what it removed is gone.
    expect(after!.Config.Env).toEqual(expect.arrayContaining(['KEEP=1', 'CHANGE=new']));
    expect(after!.Config.Env.filter((entry: string) => /^(DROP|CHANGE=old)/.test(entry))).toEqual([]);
    expect(after!.Config.Labels).toHaveProperty('keep', '1');
    expect(after!.Config.Labels).not.toHaveProperty('drop');
    expect(Object.keys(after!.HostConfig.PortBindings)).toEqual(['80/tcp']);
    expect(Object.keys(after!.Config.ExposedPorts).sort()).toEqual(['7000/tcp', '80/tcp']);
    // The new container has a hostname of its own, not the old one's id.
    expect(before!.Config.Hostname).toBe(id.slice(0, 12));
    expect(after!.Config.Hostname).toBe(newId.slice(0, 12));
    expect(await dockerCli(['exec', newId, 'hostname'])).toBe(newId.slice(0, 12));
  });

  it('refuses to edit a container run with --rm, before touching it', async () => {
    const name = testName(runId, 'auto-remove');
    const id = await dockerCli(['run', '-d', '--rm', '--name', name, ...testLabels(runId), '-e', 'MODE=old', TEST_IMAGE, 'sleep', '600']);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    expect(spec.autoRemove).toBe(true);
    await expect(
      connected.client.call('containers:recreate', { engineId: 'local', id, spec: { ...spec, env: [{ key: 'MODE', value: 'new' }] } }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/removes itself when stopped \(--rm\).*Run another like this/) });
    expect(await state(id)).toEqual([true, `/${name}`]);
    expect(await dockerCli(['inspect', '-f', '{{json .Config.Env}}', id])).toMatch(/"MODE=old"/);
    const left = await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=${TEST_LABEL}.run=${runId}`, '--filter', `name=${name}`]);
    expect(left).toBe(name);
  });

  it('puts the original back, running, when the new one cannot start, and says each step as it happens', async () => {
    const name = testName(runId, 'stay');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    const broken = { ...spec, command: ['/no/such/program'] };
    const { phases, result } = await edit(id, broken);
    expect(result).toMatchObject({ details: expect.objectContaining({ restored: true }) });
    expect(phases).toEqual(['checking', 'stopping', 'creating', 'starting', 'rollingBack']);
    expect(await state(id)).toEqual([true, `/${name}`]);
    const left = await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=${TEST_LABEL}.run=${runId}`]);
    expect(left.split('\n').filter((entry) => entry.includes('minato-previous'))).toEqual([]);
  });

  it('reports an edit step by step: stopping, creating, starting, removing', async () => {
    const name = testName(runId, 'steps');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    const { phases, result } = await edit(id, { ...spec, env: [{ key: 'MODE', value: 'new' }] });
    expect(phases).toEqual(['checking', 'stopping', 'creating', 'starting', 'removing']);
    expect(result).toMatchObject({ kind: 'done', id: expect.any(String) });
    expect(result).not.toHaveProperty('leftOver');
  });

  it('refuses before stopping anything when another program holds a host port the edit asks for', async () => {
    const name = testName(runId, 'port-held');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const startedAt = await dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id]);
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const takenPort = (blocker.address() as net.AddressInfo).port;
    try {
      const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
      const wanting = { ...spec, ports: [{ hostIp: '127.0.0.1', hostPort: takenPort, containerPort: 80, protocol: 'tcp' as const }] };
      const { phases, result } = await edit(id, wanting);
      expect(result).toMatchObject({
        code: 'conflict',
        message: expect.stringContaining(`Host port ${takenPort} is held by another program`),
        details: expect.objectContaining({ port: takenPort, heldBy: 'program', untouched: true }),
      });
      expect(phases).toEqual(['checking']);
      // The procedure refuses the same way.
      await expect(connected.client.call('containers:recreate', { engineId: 'local', id, spec: wanting })).rejects.toMatchObject({ details: expect.objectContaining({ heldBy: 'program' }) });
    } finally {
      blocker.close();
    }
    // Never stopped: still running, from the same start, and never finished.
    expect(await state(id)).toEqual([true, `/${name}`]);
    expect(await dockerCli(['inspect', '-f', '{{.State.StartedAt}}|{{.State.FinishedAt}}', id])).toBe(`${startedAt}|0001-01-01T00:00:00Z`);
  });

  it('sees a UDP host port held by another program too', async () => {
    const name = testName(runId, 'udp-held');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const takenPort = socket.address().port;
    try {
      const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
      const { phases, result } = await edit(id, { ...spec, ports: [{ hostIp: '127.0.0.1', hostPort: takenPort, containerPort: 53, protocol: 'udp' as const }] });
      expect(result).toMatchObject({ details: expect.objectContaining({ port: takenPort, heldBy: 'program' }) });
      expect(phases).toEqual(['checking']);
    } finally {
      socket.close();
    }
    expect(await state(id)).toEqual([true, `/${name}`]);
  });

  it('refuses a second edit of a container while the first is under way', async () => {
    const name = testName(runId, 'twice');
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', TEST_IMAGE, 'sleep', '600']);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    const first = edit(id, { ...spec, env: [{ key: 'MODE', value: 'first' }] });
    const second = connected.client.call('containers:recreate', { engineId: 'local', id, spec: { ...spec, env: [{ key: 'MODE', value: 'second' }] } });
    await expect(second).rejects.toMatchObject({ code: 'conflict', details: expect.objectContaining({ editing: true }) });
    const { result } = await first;
    expect(result).toMatchObject({ kind: 'done' });
    expect(await dockerCli(['exec', name, 'sh', '-c', 'echo $MODE'])).toBe('first');
  });

  it('keeps the host ports the edited container itself publishes: they are free once it stops', async () => {
    const name = testName(runId, 'own-port');
    const probe = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => probe.once('listening', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-p', `127.0.0.1:${port}:80`, TEST_IMAGE, 'sleep', '600']);
    const spec = await connected.client.call('containers:specOf', { engineId: 'local', id });
    const { result } = await edit(id, { ...spec, env: [{ key: 'MODE', value: 'new' }] });
    expect(result).toMatchObject({ kind: 'done' });
  });

  it('renames, and refuses names Docker would refuse', async () => {
    const id = await dockerCli(['create', '--name', testName(runId, 'old-name'), ...testLabels(runId), TEST_IMAGE, 'true']);
    await connected.client.call('containers:rename', { engineId: 'local', id, name: testName(runId, 'new-name') });
    expect((await state(id))[1]).toBe(`/${testName(runId, 'new-name')}`);
    await expect(connected.client.call('containers:rename', { engineId: 'local', id, name: '-nope' })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
