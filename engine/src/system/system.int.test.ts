import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEntry, EventsLogMessage, LoggedEvent } from '../../contract/system-events';
import type { TaskSummary } from '../../contract';
import { connectEngine, waitFor, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDocker, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { createSocketProxy, openEventStreams, type SocketProxy } from '../../../scripts/test-support/socket-proxy';
import { buildWithMinato } from '../build/build-test-helpers';

// The engine is reached through a relay, so the test can see which requests are open on the engine's socket.
const runId = newRunId();
const runLabel = `${TEST_LABEL}.run=${runId}`;
const engineId = 'local';
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-system-'));
let proxy: SocketProxy;
let connected: ConnectedEngine;

beforeAll(async () => {
  proxy = createSocketProxy(path.join(dir, 'relay.sock'), testDockerHost().replace(/^unix:\/\//, ''));
  await proxy.start();
  connected = await connectEngine(`unix://${proxy.path}`);
});

afterAll(async () => {
  await connected.close();
  await proxy.stop();
  await removeRunContainers(runId);
  const docker = testDocker();
  for (const network of await docker.listNetworks({ filters: { label: [runLabel] } })) await docker.getNetwork(network.Id).remove().catch(() => undefined);
  for (const volume of (await docker.listVolumes({ filters: { label: [runLabel] } })).Volumes ?? []) await docker.getVolume(volume.Name).remove().catch(() => undefined);
  const images = (await dockerCli(['image', 'ls', '-aq', '--no-trunc', '--filter', `label=${runLabel}`])).split('\n').filter(Boolean);
  if (images.length > 0) await dockerCli(['rmi', '-f', ...new Set(images)]).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const taskOf = async (id: string): Promise<TaskSummary | undefined> => (await connected.client.call('tasks:list', {})).find((task) => task.id === id);
const ended = (id: string, timeoutMs = 60_000) => waitFor(async () => {
  const task = await taskOf(id);
  return task && task.state !== 'running' ? task : undefined;
}, timeoutMs, `task ${id} to end`);

describe('engine facts', () => {
  it('shows what `docker info` and `docker version` say about the same engine', async () => {
    const facts = await connected.client.call('system:info', { engineId });
    const cli = JSON.parse(await dockerCli(['info', '--format', '{{json .}}'])) as Record<string, unknown> & { RegistryConfig: { InsecureRegistryCIDRs: string[]; Mirrors: string[] }; Plugins: { Log: string[]; Volume: string[]; Network: string[] } };
    expect(facts.serverVersion).toBe(cli.ServerVersion);
    expect(facts.operatingSystem).toBe(cli.OperatingSystem);
    expect(facts.kernelVersion).toBe(cli.KernelVersion);
    expect(facts.storageDriver).toBe(cli.Driver);
    expect(facts.cgroupVersion).toBe(cli.CgroupVersion);
    expect(facts.cgroupDriver).toBe(cli.CgroupDriver);
    expect(facts.cpus).toBe(cli.NCPU);
    expect(facts.memoryBytes).toBe(cli.MemTotal);
    expect(facts.architecture).toBe(cli.Architecture);
    expect(facts.securityOptions).toEqual(cli.SecurityOptions);
    expect(facts.registryMirrors).toEqual(cli.RegistryConfig.Mirrors);
    expect(facts.insecureRegistries).toEqual(expect.arrayContaining(cli.RegistryConfig.InsecureRegistryCIDRs));
    expect(facts.plugins.log).toEqual(cli.Plugins.Log);
    expect(facts.plugins.volume).toEqual(cli.Plugins.Volume);
    expect(facts.plugins.network).toEqual(cli.Plugins.Network);
    expect(facts.rootless).toBe((cli.SecurityOptions as string[]).some((option) => option.includes('name=rootless')));
    expect(facts.apiVersion).toBe(await dockerCli(['version', '--format', '{{.Server.APIVersion}}']));
  });
});

describe('disk use', () => {
  it('measures on demand as a task, keeps the result, and a cancel halfway ends the engine request', async () => {
    // Many files make the engine walk the volume for a while: 300 folders of 1000 empty files.
    const volume = testName(runId, 'many-files');
    await dockerCli(['volume', 'create', ...testLabels(runId), volume]);
    await dockerCli(['run', '--rm', ...testLabels(runId), '-v', `${volume}:/v`, TEST_IMAGE, 'sh', '-c', 'cd /v && for d in $(seq 1 300); do mkdir $d && (cd $d && seq 1 1000 | xargs touch); done; head -c 65536 /dev/urandom > /v/blob']);

    const started = Date.now();
    const { taskId } = await connected.client.call('system:diskUsage', { engineId });
    expect((await connected.client.call('system:diskUsage', { engineId })).taskId).toBe(taskId);
    expect((await ended(taskId)).state).toBe('succeeded');
    const fullMs = Date.now() - started;
    const { result, runningTaskId } = await connected.client.call('system:diskUsageResult', { engineId });
    expect(runningTaskId).toBeUndefined();
    expect(result?.taskId).toBe(taskId);
    const entry = result?.items.volumes.entries.find((item) => item.name === volume);
    expect(entry?.size).toBeGreaterThanOrEqual(65536);
    expect(result?.totals.volumes.count).toBeGreaterThanOrEqual(1);
    expect(result?.totals.images.size).toBeGreaterThan(0);

    // Again, cancelled once the request is open at the engine: the task ends, the connection carrying it closes.
    const dfOpen = () => proxy.openRequests().some((request) => request?.startsWith('GET /system/df'));
    const second = await connected.client.call('system:diskUsage', { engineId });
    const begun = Date.now();
    await waitFor(dfOpen, 5000, 'the df request to reach the engine');
    await connected.client.call('tasks:cancel', { id: second.taskId });
    const cancelled = await ended(second.taskId, 5000);
    expect(cancelled.state).toBe('cancelled');
    await waitFor(() => !dfOpen(), 2000, 'the df request to close');
    expect(Date.now() - begun).toBeLessThan(fullMs);
    // The cancelled measurement left the last result as it was.
    expect((await connected.client.call('system:diskUsageResult', { engineId })).result?.taskId).toBe(taskId);
    await dockerCli(['volume', 'rm', volume]);
  }, 120_000);
});

describe('prune with a preview', () => {
  it('removes exactly what the preview listed, kind by kind, with the test label on', async () => {
    const name = (what: string) => testName(runId, what);
    const labels = testLabels(runId);
    // Containers: two stopped go, a running one stays (with the volume and network it uses).
    await dockerCli(['volume', 'create', ...labels, name('only-stopped')]);
    await dockerCli(['create', '--name', name('stopped-a'), ...labels, '-v', `${name('only-stopped')}:/data`, TEST_IMAGE, 'true']);
    await dockerCli(['volume', 'create', ...labels, name('named-unused')]);
    await dockerCli(['volume', 'create', ...labels, name('kept')]);
    await dockerCli(['network', 'create', ...labels, name('net-unused')]);
    await dockerCli(['network', 'create', ...labels, name('net-used')]);
    await dockerCli(['run', '-d', '--name', name('running'), ...labels, '--network', name('net-used'), '-v', `${name('kept')}:/data`, TEST_IMAGE, 'sleep', '600']);
    // An image only a stopped container uses: it goes with the container in the same prune.
    await dockerCli(['run', '--name', name('maker'), ...labels, TEST_IMAGE, 'sh', '-c', 'head -c 50000 /dev/urandom > /x']);
    const image = await dockerCli(['commit', '-c', `LABEL ${runLabel}`, name('maker'), `minato-test-${runId}/system:1`]);
    await dockerCli(['create', '--name', name('stopped-b'), ...labels, `minato-test-${runId}/system:1`]);

    const plan = await connected.client.call('system:prunePreview', {
      engineId, label: runLabel, containers: true, images: 'unused', volumes: true, volumesAll: false, networks: true, buildCache: true, buildCacheAll: false,
    });
    expect(plan.apiVersion).toBe(await dockerCli(['version', '--format', '{{.Server.APIVersion}}']));
    expect(plan.containers?.items.map((item) => item.name).sort()).toEqual([name('maker'), name('stopped-a'), name('stopped-b')]);
    expect(plan.networks?.items.map((item) => item.name)).toEqual([name('net-unused')]);
    // API 1.41 removes unused named volumes too; the one the running container mounts stays.
    expect(plan.volumes?.namedIncluded).toBe(true);
    expect(plan.volumes?.items.map((item) => item.name).sort()).toEqual([name('named-unused'), name('only-stopped')]);
    expect(plan.images?.images.map((candidate) => candidate.id)).toContain(image);
    // Build cache has no labels: left alone while a label filter is on.
    expect(plan.buildCacheSkipped).toBe(true);
    expect(plan.buildCache).toBeUndefined();

    const { taskId } = await connected.client.call('system:prune', {
      engineId,
      label: runLabel,
      containers: { ids: plan.containers?.items.map((item) => item.id) ?? [] },
      networks: { ids: plan.networks?.items.map((item) => item.id) ?? [] },
      volumes: { all: plan.volumes?.all ?? false, names: plan.volumes?.items.map((item) => item.name) ?? [] },
      images: { scope: 'unused', ids: plan.images?.images.map((candidate) => candidate.id) ?? [] },
    });
    expect((await ended(taskId)).state).toBe('succeeded');
    const report = await connected.client.call('system:pruneReport', { taskId });
    expect(report.containers?.deleted.sort()).toEqual(plan.containers?.items.map((item) => item.id).sort());
    expect(report.networks?.deleted).toEqual(plan.networks?.items.map((item) => item.name));
    expect(report.volumes?.deleted.sort()).toEqual(plan.volumes?.items.map((item) => item.name).sort());
    expect(report.images?.deleted.sort()).toEqual(plan.images?.images.map((candidate) => candidate.id).sort());
    expect(report.images?.space).toBe(plan.images?.space);
    expect(report.containers?.space).toBe(plan.containers?.space);
    // What the preview kept is still there.
    expect(await dockerCli(['inspect', '--format', '{{.State.Running}}', name('running')])).toBe('true');
    expect(await dockerCli(['volume', 'inspect', '--format', '{{.Name}}', name('kept')])).toBe(name('kept'));
    expect(await dockerCli(['network', 'inspect', '--format', '{{.Name}}', name('net-used')])).toBe(name('net-used'));
  }, 120_000);

  it('removes exactly the build cache records it was given, by id, and no others', async () => {
    const context = path.join(dir, 'build');
    const other = path.join(dir, 'other');
    for (const [folder, word] of [[context, 'mine'], [other, 'other']] as const) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'Dockerfile'), `FROM ${TEST_IMAGE}\nRUN echo ${runId}-${word} > /f\n`);
    }
    const labels = [{ name: TEST_LABEL, value: '1' }, { name: `${TEST_LABEL}.run`, value: runId }];
    for (const folder of [context, other]) {
      const build = await buildWithMinato(connected.client, { contextPath: folder, builder: 'buildkit', labels, tags: [`minato-test-${runId}/${path.basename(folder)}:1`] });
      expect(build.state).toBe('succeeded');
    }
    const plan = await connected.client.call('system:prunePreview', {
      engineId, containers: false, images: 'none', volumes: false, volumesAll: false, networks: false, buildCache: true, buildCacheAll: true,
    });
    const mine = plan.buildCache?.items.filter((item) => item.description.includes(`${runId}-mine`)) ?? [];
    const others = plan.buildCache?.items.filter((item) => item.description.includes(`${runId}-other`)) ?? [];
    expect(mine.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(0);
    const { taskId } = await connected.client.call('system:prune', { engineId, buildCache: { all: true, ids: mine.map((item) => item.id) } });
    expect((await ended(taskId)).state).toBe('succeeded');
    const report = await connected.client.call('system:pruneReport', { taskId });
    expect(report.buildCache?.deleted.sort()).toEqual(mine.map((item) => item.id).sort());
    const after = await connected.client.call('system:prunePreview', {
      engineId, containers: false, images: 'none', volumes: false, volumesAll: false, networks: false, buildCache: true, buildCacheAll: true,
    });
    expect(after.buildCache?.items.map((item) => item.id)).toEqual(expect.arrayContaining(others.map((item) => item.id)));
    expect(after.buildCache?.items.some((item) => item.description.includes(`${runId}-mine`))).toBe(false);
  }, 120_000);
});

describe('events log', () => {
  it('keeps more than the engine’s 256 events, from the one /events stream, and stops when its subscriber goes', async () => {
    const since = Math.floor(Date.now() / 1000);
    const docker = testDocker();
    const prefix = testName(runId, 'ev-');
    // 200 volumes made and removed: 400 events, more than the engine keeps.
    for (let index = 0; index < 200; index++) {
      const volume = `${prefix}${index}`;
      await docker.createVolume({ Name: volume, Labels: { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId } });
      await docker.getVolume(volume).remove();
    }
    const ours = (entries: EventEntry[]) => entries.filter((entry): entry is LoggedEvent => entry.kind === 'event' && entry.type === 'volume' && entry.id.startsWith(prefix));
    const received: EventsLogMessage[] = [];
    const opened = connected.openCount();
    const stop = connected.client.subscribe('system:events', { engineId }, { onEvent: (message) => received.push(message) });
    try {
      // The tap does not open a second stream.
      expect(openEventStreams(proxy)).toBe(1);
      const history = await waitFor(() => {
        const done = received.filter((message) => message.type === 'history');
        return done.some((message) => message.done) ? done : undefined;
      }, 10_000, 'the recorded history');
      const recorded = ours(history.flatMap((message) => message.entries));
      await waitFor(() => ours(received.flatMap((message) => message.entries)).length >= 400, 10_000, 'all 400 volume events');
      const all = ours(received.flatMap((message) => message.entries));
      expect(all).toHaveLength(400);
      expect(all.filter((event) => event.action === 'create')).toHaveLength(200);
      expect(all.filter((event) => event.action === 'destroy')).toHaveLength(200);
      expect(recorded.length).toBeGreaterThan(256);
      expect(history[0]?.type === 'history' ? history[0].bound : 0).toBe(5000);
      // The engine itself gives back at most 256 of them.
      const fromEngine = await dockerCli(['events', '--since', String(since), '--until', String(Math.floor(Date.now() / 1000) + 1), '--filter', 'type=volume', '--format', '{{.Actor.ID}}']);
      expect(fromEngine.split('\n').filter((id) => id.startsWith(prefix)).length).toBeLessThanOrEqual(256);

      // A new event reaches the subscriber live, with its labels.
      const live = `${prefix}live`;
      await docker.createVolume({ Name: live, Labels: { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId, 'com.example.note': '<img src=x onerror=alert(1)>' } });
      const event = await waitFor(() => received.flatMap((message) => (message.type === 'live' ? ours(message.entries) : [])).find((entry) => entry.id === live), 5000, 'the live event');
      expect(event.action).toBe('create');
      await docker.getVolume(live).remove();

      // A lost stream leaves a gap entry; the log goes on after the reconnect.
      proxy.dropConnections();
      await waitFor(() => received.some((message) => message.entries.some((entry) => entry.kind === 'gap')), 5000, 'the gap entry');
      await waitFor(async () => (await connected.client.call('engines:list', {})).find((engine) => engine.id === engineId)?.state === 'connected', 15_000, 'the reconnect');
    } finally {
      stop();
    }
    await waitFor(() => connected.openCount() === opened, 2000, 'the subscription to end');
  }, 120_000);
});
