import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RunSpec, editToCommand, parseRunCommand, runSpecToCommand, type RunSpecInput } from '../../contract';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, buildTestImage, TEST_LABEL, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
const network = testName(runId, 'net');
const secondNetwork = testName(runId, 'net2');
const volume = testName(runId, 'vol');
const bindDir = mkdtempSync(path.join(os.tmpdir(), 'minato-bind-'));
const sourceContainer = testName(runId, 'source');
const linkTarget = testName(runId, 'linked');
// An image with an ENTRYPOINT of its own, to tell "keep the image's entrypoint" from "clear it" (--entrypoint '').
const entrypointImage = `${testName(runId, 'entrypoint')}:1`;
let connected: ConnectedEngine;

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
  await dockerCli(['network', 'create', '--label', `${TEST_LABEL}.run=${runId}`, network]);
  await dockerCli(['network', 'create', '--label', `${TEST_LABEL}.run=${runId}`, secondNetwork]);
  await dockerCli(['volume', 'create', '--label', `${TEST_LABEL}.run=${runId}`, volume]);
  await dockerCli(['create', '--name', sourceContainer, '--label', `${TEST_LABEL}=1`, '--label', `${TEST_LABEL}.run=${runId}`, '-v', '/shared', TEST_IMAGE, 'true']);
  await dockerCli(['run', '-d', '--name', linkTarget, '--label', `${TEST_LABEL}=1`, '--label', `${TEST_LABEL}.run=${runId}`, TEST_IMAGE, 'sleep', '600']);
  await buildTestImage(runId, entrypointImage, `FROM ${TEST_IMAGE}\nENTRYPOINT ["/bin/echo"]\n`);
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  await dockerCli(['network', 'rm', network]).catch(() => undefined);
  await dockerCli(['network', 'rm', secondNetwork]).catch(() => undefined);
  await dockerCli(['volume', 'rm', volume]).catch(() => undefined);
  await dockerCli(['image', 'rm', entrypointImage]).catch(() => undefined);
  rmSync(bindDir, { recursive: true, force: true });
});

const sleeper = ['sleep', '600'];

/** Runs a command line exactly as a person pasting it into a shell would, against the test engine. */
async function inShell(command: string, searchPath = process.env.PATH ?? ''): Promise<string> {
  const { stdout } = await promisify(execFile)('/bin/sh', ['-c', command], { env: { ...process.env, PATH: searchPath, DOCKER_HOST: testDockerHost() } });
  return stdout.trim();
}

const versionOf = (docker: string, field: 'Client.Version' | 'Server.APIVersion') =>
  promisify(execFile)(docker, ['version', '--format', `{{.${field}}}`], { env: { ...process.env, DOCKER_HOST: testDockerHost() } }).then(
    ({ stdout }) => stdout.trim(),
    () => '',
  );

/**
 * The PATH under which `docker` is a CLI that can run --mac-address against the test engine. CLI 25 and newer send the
 * address per network, which engines older than API 1.44 refuse ("specify mac-address per network"); CLI 20.10 sends
 * Config.MacAddress, as Minato's create body does for those engines. So on an old engine the line runs under the first
 * CLI older than 25 found on PATH, if any; undefined when none can.
 */
async function pathForMacAddress(): Promise<string | undefined> {
  const searchPath = process.env.PATH ?? '';
  const [major, minor] = (await versionOf('docker', 'Server.APIVersion')).split('.').map(Number);
  if ((major ?? 0) > 1 || (minor ?? 0) >= 44) return searchPath;
  for (const folder of searchPath.split(':').filter(Boolean)) {
    const version = await versionOf(path.join(folder, 'docker'), 'Client.Version');
    if (version && Number(version.split('.')[0]) < 25) return [folder, searchPath].join(':');
  }
  return undefined;
}

/** The option combinations of the suite: every field of the Run form appears in at least one. */
function combinations(): Array<[string, RunSpecInput]> {
  return [
    ['plain', { image: TEST_IMAGE, command: sleeper }],
    ['published port', { image: TEST_IMAGE, command: ['httpd', '-f', '-p', '80'], ports: [{ hostIp: '127.0.0.1', hostPort: 18000 + Math.floor(Math.random() * 1000), containerPort: 80 }] }],
    ['ephemeral host port', { image: TEST_IMAGE, command: sleeper, ports: [{ hostIp: '127.0.0.1', containerPort: 80 }, { containerPort: 53, protocol: 'udp' }] }],
    ['publish all', { image: TEST_IMAGE, command: sleeper, publishAll: true, ports: [{ hostIp: '127.0.0.1', containerPort: 81 }] }],
    ['env with quotes and spaces', { image: TEST_IMAGE, command: sleeper, env: [{ key: 'GREETING', value: 'hello world' }, { key: 'QUOTED', value: `it's "here"` }, { key: 'EMPTY', value: '' }] }],
    ['entrypoint and command', { image: TEST_IMAGE, entrypoint: '/bin/sh', command: ['-c', 'sleep 600'] }],
    ['entrypoint cleared', { image: entrypointImage, entrypoint: '', command: sleeper }],
    ['image entrypoint kept', { image: entrypointImage, command: ['hello'] }],
    ['workdir and user', { image: TEST_IMAGE, command: sleeper, workdir: '/tmp', user: '1000:1000' }],
    ['hostname', { image: TEST_IMAGE, command: sleeper, hostname: 'harbour' }],
    ['restart always', { image: TEST_IMAGE, command: sleeper, restart: { name: 'always' } }],
    ['restart on-failure:3', { image: TEST_IMAGE, command: sleeper, restart: { name: 'on-failure', maxRetries: 3 } }],
    ['restart unless-stopped', { image: TEST_IMAGE, command: sleeper, restart: { name: 'unless-stopped' } }],
    ['interactive tty', { image: TEST_IMAGE, interactive: true, tty: true, command: ['sh'] }],
    ['named volume read-only', { image: TEST_IMAGE, command: sleeper, mounts: [{ type: 'volume', source: volume, target: '/data', readOnly: true }] }],
    ['bind mount', { image: TEST_IMAGE, command: sleeper, mounts: [{ type: 'bind', source: bindDir, target: '/site' }] }],
    ['anonymous volume and tmpfs', { image: TEST_IMAGE, command: sleeper, mounts: [{ type: 'anonymous', target: '/cache' }, { type: 'tmpfs', target: '/scratch' }] }],
    ['volumes from', { image: TEST_IMAGE, command: sleeper, volumesFrom: [sourceContainer] }],
    ['user network with aliases', { image: TEST_IMAGE, command: sleeper, network, networkAliases: ['api', 'backend'] }],
    ['host network', { image: TEST_IMAGE, command: sleeper, network: 'host' }],
    ['no network', { image: TEST_IMAGE, command: sleeper, network: 'none' }],
    ['extra hosts and dns', { image: TEST_IMAGE, command: sleeper, extraHosts: ['db.internal:10.1.2.3'], dns: ['10.0.0.2', '1.1.1.1'] }],
    ['auto-remove', { image: TEST_IMAGE, command: sleeper, autoRemove: true }],
    ['mac address', { image: TEST_IMAGE, command: sleeper, macAddress: '02:42:ac:11:00:42' }],
    ['mac address on a user network', { image: TEST_IMAGE, command: sleeper, network, networkAliases: ['mac'], macAddress: '02:42:ac:12:00:43' }],
    ['legacy link', { image: TEST_IMAGE, command: sleeper, links: [`${linkTarget}:db`] }],
    ['memory and cpus', { image: TEST_IMAGE, command: sleeper, memory: 64 * 1024 * 1024, cpus: 0.5 }],
    ['cpu shares and pids limit', { image: TEST_IMAGE, command: sleeper, cpuShares: 512, pidsLimit: 64 }],
    // This sandbox may not start privileged containers, so both sides only create it: Minato with start: false, the
    // CLI with the shown command whose leading `docker run` becomes `docker create` (nothing else changes).
    ['privileged (created only)', { image: TEST_IMAGE, command: sleeper, privileged: true, detach: false }],
    ['capabilities', { image: TEST_IMAGE, command: sleeper, capAdd: ['NET_ADMIN', 'SYS_TIME'], capDrop: ['MKNOD'] }],
    ['labels', { image: TEST_IMAGE, command: sleeper, labels: [{ key: 'com.example.team', value: 'harbour' }, { key: 'empty', value: '' }] }],
    ['platform', { image: TEST_IMAGE, command: sleeper, platform: 'linux/amd64' }],
    ['log driver and options', { image: TEST_IMAGE, command: sleeper, logDriver: 'json-file', logOptions: [{ key: 'max-size', value: '5m' }, { key: 'max-file', value: '2' }] }],
    ['everything at once', {
      image: TEST_IMAGE, command: sleeper, hostname: 'all', user: '0', workdir: '/', restart: { name: 'on-failure', maxRetries: 1 },
      env: [{ key: 'A', value: '1' }], ports: [{ hostIp: '127.0.0.1', containerPort: 8080 }], mounts: [{ type: 'anonymous', target: '/v' }],
      memory: 128 * 1024 * 1024, cpus: 1, capDrop: ['NET_RAW'], labels: [{ key: 'x', value: 'y' }],
    }],
  ];
}

/** The parts of `docker inspect` that a run command decides, with what must differ between two containers removed. */
function normalise(inspect: Record<string, any>, ownName: string, ownId: string): unknown {
  const config = { ...inspect.Config };
  // Newer CLIs sort --env values by key; older ones keep them in order. With unique keys (the form requires them)
  // the order changes nothing for the process.
  config.Env = [...(config.Env ?? [])].sort();
  // CLI versions send an unset list option as [] or as null (20.10 and 28 differ); the engine treats both alike.
  const host: Record<string, any> = Object.fromEntries(
    Object.entries(inspect.HostConfig as Record<string, unknown>).map(([key, value]) => [key, Array.isArray(value) && value.length === 0 ? null : value]),
  );
  // CLI 28 writes capabilities as CAP_NET_ADMIN, 20.10 as NET_ADMIN; the engine accepts and applies both the same.
  for (const key of ['CapAdd', 'CapDrop']) host[key] = host[key]?.map((cap: string) => cap.replace(/^CAP_/, '')) ?? null;
  // The default hostname is the container's own short id.
  if (config.Hostname === ownId.slice(0, 12)) config.Hostname = '<own id>';
  // Which run made a container is recorded in labels the test adds to both; names differ by design.
  const labels = { ...config.Labels };
  delete labels[`${TEST_LABEL}.side`];
  config.Labels = labels;
  // Links are stored as "/target:/own-name/alias".
  host.Links = (host.Links ?? null)?.map((link: string) => link.replace(`/${ownName}/`, '/<own>/')) ?? null;
  // The order of --mount entries says nothing about the mounts; the CLI keeps the order the flags were written in.
  if (Array.isArray(host.Mounts)) host.Mounts = [...host.Mounts].sort((a, b) => String(a.Target).localeCompare(String(b.Target)));
  // Host ports chosen by the engine (-p without a host port) differ per container.
  const networks = Object.fromEntries(
    Object.entries(inspect.NetworkSettings?.Networks ?? {}).map(([name, endpoint]: [string, any]) => [
      name,
      { Aliases: (endpoint.Aliases ?? []).filter((alias: string) => alias !== ownId.slice(0, 12)).sort(), Links: endpoint.Links ?? null },
    ]),
  );
  return { Config: config, HostConfig: host, Networks: networks };
}

describe('the shown docker run command makes the same container as Minato', () => {
  it.each(combinations())('%s', async (label, input) => {
    const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const base = RunSpec.parse(input);
    const withSide = (side: string, name: string): RunSpecInput => ({
      ...input,
      name,
      labels: [...base.labels, { key: TEST_LABEL, value: '1' }, { key: `${TEST_LABEL}.run`, value: runId }, { key: `${TEST_LABEL}.side`, value: side }],
      // A fixed host port can be bound once: the CLI's twin takes the next one.
      ports: base.ports.map((port) => (port.hostPort && side === 'cli' ? { ...port, hostPort: port.hostPort + 1 } : port)),
    });
    const minatoName = testName(runId, `${slug}-m`);
    const cliName = testName(runId, `${slug}-c`);
    const minatoSpec = withSide('minato', minatoName);
    const cliSpec = withSide('cli', cliName);

    const createOnly = label.includes('(created only)');
    const created = await connected.client.call('containers:create', { engineId: 'local', spec: minatoSpec, start: !createOnly });
    // The CLI twin is made by the very line Minato shows, run by a shell.
    const shown = runSpecToCommand(cliSpec);
    expect(shown).toMatch(/^docker run /);
    const line = createOnly ? shown.replace(/^docker run /, 'docker create ') : shown;
    const searchPath = base.macAddress ? await pathForMacAddress() : process.env.PATH;
    if (searchPath === undefined) {
      // Only a CLI too new for this engine is here: it refuses the very line, so there is no twin to compare.
      await expect(inShell(line)).rejects.toThrow(/mac-address per network" requires API version 1\.44/);
      return;
    }
    const cliId = await inShell(line, searchPath);

    // That line parses back into the same options.
    const parsed = parseRunCommand(shown);
    expect(parsed.errors).toEqual([]);
    expect(parsed.unsupported).toEqual([]);
    expect(RunSpec.parse(parsed.spec)).toEqual(RunSpec.parse(cliSpec));

    // Read back from the engine, the container gives the options it was made with ("run another like this", edit).
    const back = await connected.client.call('containers:specOf', { engineId: 'local', id: created.id });
    // The engine keeps ports, labels and log options in maps, so their order is not kept.
    // The test's own labels are left out: the entrypoint image carries them too, and an image's labels are no option.
    // The container does not record the platform it was made for, and the carried-over settings are not the form's.
    const unordered = ({ carried: _carried, platform: _platform, ...spec }: RunSpec) => ({
      ...spec,
      labels: spec.labels.filter(({ key }) => key !== TEST_LABEL && key !== `${TEST_LABEL}.run`).sort((a, b) => a.key.localeCompare(b.key)),
      detach: true,
      ports: [...spec.ports].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      logOptions: [...spec.logOptions].sort((a, b) => a.key.localeCompare(b.key)),
    });
    expect(unordered(back)).toEqual(unordered(RunSpec.parse(minatoSpec)));

    const [minato, cli] = JSON.parse(await dockerCli(['inspect', created.id, cliId])) as Array<Record<string, any>>;
    const portsOf = (inspect: Record<string, any>) => inspect.HostConfig.PortBindings;
    // Fixed host ports differ by one by construction; compare them apart.
    const expectedCliBindings = JSON.parse(JSON.stringify(portsOf(minato!)).replace(/"HostPort":"(\d+)"/g, (_m, port) => `"HostPort":"${Number(port) + 1}"`));
    expect(portsOf(cli!)).toEqual(expectedCliBindings);
    const strip = (inspect: Record<string, any>) => ({ ...inspect, HostConfig: { ...inspect.HostConfig, PortBindings: null } });
    expect(normalise(strip(minato!), minatoName, created.id)).toEqual(normalise(strip(cli!), cliName, cliId));
    if (base.macAddress) {
      // Both took the address on the network they joined (the engine does not mind the same one twice on a bridge).
      for (const inspect of [minato!, cli!]) {
        expect(Object.values(inspect.NetworkSettings.Networks as Record<string, { MacAddress: string }>).map((endpoint) => endpoint.MacAddress)).toEqual([base.macAddress]);
      }
    }
  });
});

/**
 * Containers made with options the Run form does not show, as `docker run` flags. "Run another like this" and Edit
 * carry them over; the command Minato shows must carry them too.
 */
function carriedCombinations(): Array<[string, string[]]> {
  return [
    ['process, limits and health', [
      '--init', '--read-only', '--ulimit', 'nofile=1024:2048', '--ulimit', 'nproc=512', '--health-cmd', 'test -d /', '--health-interval', '5s',
      '--health-timeout', '3s', '--health-start-period', '1m30s', '--health-retries', '2', '--stop-signal', 'SIGUSR1', '--stop-timeout', '7',
      '--shm-size', '128m', '--sysctl', 'net.ipv4.ip_forward=1', '--device', '/dev/null:/dev/xnull', '--expose', '7000', '--domainname', 'example.test',
      '--group-add', '1234', '--memory-reservation', '32m', '--cpuset-cpus', '0', '--security-opt', 'no-new-privileges', '--oom-score-adj', '100',
      '--dns-search', 'example.test', '--dns-option', 'ndots:2', '--ipc', 'shareable',
    ]],
    ['mount options', [
      '--stop-timeout', '1', '--tmpfs', '/scratch:size=16m,mode=1770', '-v', `${volume}:/named:ro,nocopy`, '--mount', 'type=volume,dst=/anon,volume-nocopy',
      '--mount', 'type=tmpfs,dst=/t2,tmpfs-size=1048576', '--mount', `type=bind,src=${bindDir},dst=/site,readonly`,
    ]],
    ['no healthcheck and memory', ['--no-healthcheck', '--memory', '64m', '--memory-swap', '192m', '--memory-swappiness', '10', '--pids-limit', '50']],
  ];
}

/** A container made by the CLI with `flags`, its spec as Minato reads it back, and the spec under another name. */
async function source(slug: string, flags: string[], connect: string[] = []): Promise<{ id: string; spec: RunSpec }> {
  const name = testName(runId, `${slug}-src`);
  const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), ...flags, TEST_IMAGE, ...sleeper]);
  if (connect.length > 0) await dockerCli(['network', 'connect', ...connect, name]);
  return { id, spec: await connected.client.call('containers:specOf', { engineId: 'local', id }) };
}

const sided = (spec: RunSpec, side: string, name: string): RunSpec => ({ ...spec, name, labels: [...spec.labels, { key: `${TEST_LABEL}.side`, value: side }] });

describe('the shown command carries what the form does not show', () => {
  it.each(carriedCombinations())('run another like this: %s', async (label, flags) => {
    const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const { id, spec } = await source(slug, flags);
    expect(spec.carried?.args.length).toBeGreaterThan(0);
    expect(spec.carried?.unexpressed).toEqual([]);
    // "Run another like this" leaves the source's own addresses behind (renderer/src/run/another-like-this.ts).
    const like = { ...spec, carried: spec.carried && { ...spec.carried, ownArgs: [] } };
    const minatoName = testName(runId, `${slug}-lm`);
    const cliName = testName(runId, `${slug}-lc`);
    const created = await connected.client.call('containers:create', { engineId: 'local', spec: sided(like, 'minato', minatoName), start: true, likeId: id });
    const shown = runSpecToCommand(sided(like, 'cli', cliName));
    const cliId = await inShell(shown);
    const [minato, cli] = JSON.parse(await dockerCli(['inspect', created.id, cliId])) as Array<Record<string, any>>;
    expect(normalise(minato!, minatoName, created.id)).toEqual(normalise(cli!, cliName, cliId));
  });

  const editCases: Array<[string, string[], string[]]> = [
    ...carriedCombinations()
      .slice(0, 2)
      .map(([label, flags]): [string, string[], string[]] => [label, flags, []]),
    ['a second network', ['--stop-timeout', '1', '--network', network, '--network-alias', 'web'], ['--alias', 'extra', secondNetwork]],
  ];
  it.each(editCases)('an edit is docker stop, docker rm and docker run, and makes the same container as Minato’s edit: %s', async (label, flags, connect) => {
    const slug = label.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const mine = await source(`${slug}-em`, flags, connect);
    const theirs = await source(`${slug}-ec`, flags, connect);
    const change = (spec: RunSpec): RunSpec => ({ ...spec, env: [...spec.env, { key: 'MODE', value: 'edited' }] });
    const edited = await connected.client.call('containers:recreate', { engineId: 'local', id: mine.id, spec: change(mine.spec) });
    const lines = editToCommand(change(theirs.spec), theirs.spec.name as string).split('\n');
    expect(lines.slice(0, 2)).toEqual([`docker stop ${theirs.spec.name}`, `docker rm ${theirs.spec.name}`]);
    const printed: string[] = [];
    for (const line of lines) printed.push(await inShell(line));
    // docker run, the third line, prints the new container's id; network connect lines may follow.
    const cliId = printed[2] as string;
    // Each edit mounts its own source's anonymous volumes again by name (their data stays): the names differ by design.
    const ownVolumes = (inspect: string, sourceId: string) =>
      dockerCli(['inspect', '-f', '{{range .Mounts}}{{.Name}} {{end}}', sourceId]).then(
        (names) => names.split(' ').filter((name) => /^[0-9a-f]{64}$/.test(name)).reduce((text, name) => text.replaceAll(name, '<own volume>'), inspect),
        () => inspect,
      );
    const [minato, cli] = JSON.parse(await dockerCli(['inspect', edited.id, cliId])) as Array<Record<string, any>>;
    const mineNamed = JSON.parse(await ownVolumes(JSON.stringify(minato), edited.id));
    const theirsNamed = JSON.parse(await ownVolumes(JSON.stringify(cli), cliId));
    expect(normalise(mineNamed, mine.spec.name as string, edited.id)).toEqual(normalise(theirsNamed, theirs.spec.name as string, cliId));
  });
});
