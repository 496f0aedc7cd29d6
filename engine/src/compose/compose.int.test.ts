import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchLines, MinatoError, type MinatoClient, type TaskSummary } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { dockerCli, newRunId, TEST_IMAGE, TEST_LABEL, TEST_PREFIX, testDockerHost } from '../../../scripts/test-support/fixtures';
import { watchTasks } from '../build/build-test-helpers';

const runId = newRunId();
const root = mkdtempSync(path.join(os.tmpdir(), 'minato-test-compose-'));
const labels = `{ ${TEST_LABEL}: "1", ${TEST_LABEL}.run: "${runId}" }`;
let engine: EngineWithLog;
let client: MinatoClient;

/** A folder named as the project, holding `files`. */
function projectFolder(name: string, files: Record<string, string>): string {
  const folder = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    writeFileSync(path.join(folder, file), text);
  }
  return folder;
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Two services on a network of their own, one built from a Dockerfile (FROM the local test image), one with a named volume. */
const twoServices = lines(
  'version: "3.8"',
  'services:',
  '  app:',
  '    build:',
  '      context: ./app',
  `      labels: ${labels}`,
  `    labels: ${labels}`,
  '    command: ["sh", "-c", "echo app-started; while true; do sleep 1; done"]',
  '    networks: [back]',
  '  db:',
  `    image: ${TEST_IMAGE}`,
  `    labels: ${labels}`,
  '    command: ["sh", "-c", "echo db-ready > /data/state; cat /data/state; while true; do sleep 1; done"]',
  '    volumes: ["data:/data"]',
  '    networks: [back]',
  'volumes:',
  '  data:',
  `    labels: ${labels}`,
  'networks:',
  '  back:',
  `    labels: ${labels}`,
);

const appDockerfile = lines(`FROM ${TEST_IMAGE}`, 'RUN echo built > /built.txt');

async function runAndWait(name: string, action: 'up' | 'down' | 'restart' | 'stop' | 'start', options: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<TaskSummary> {
  const watch = watchTasks(client);
  try {
    const { taskId } = await client.call('compose:run', { engineId: 'local', name, action, options });
    return await waitFor(() => {
      const task = watch.latest.get(taskId);
      return task && task.state !== 'running' ? task : undefined;
    }, timeoutMs, `compose ${action} to end`);
  } finally {
    watch.stop();
  }
}

const projectContainers = async (name: string) =>
  (await client.call('containers:list', { engineId: 'local' })).filter((container) => container.composeProject === name);

async function logText(id: string): Promise<string> {
  let text = '';
  await new Promise<void>((resolve, reject) => {
    client.subscribe('containers:logs', { engineId: 'local', id, follow: false, tail: 'all' }, {
      onEvent: (batch) => {
        text += batchLines(batch).map((line) => line.text).join('\n');
      },
      onEnd: (error) => (error ? reject(error) : resolve()),
    });
  });
  return text;
}

beforeAll(async () => {
  engine = await connectEngineWith({
    env: { DOCKER_HOST: testDockerHost(), PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root },
    homeDir: root,
    settingsFile: path.join(root, 'config', 'settings.json'),
  });
  client = engine.client;
});

afterAll(async () => {
  await engine.close();
  const byLabel = (kind: string) => dockerCli([kind, 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`]).then((out) => out.split('\n').filter(Boolean));
  const containers = (await dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (containers.length > 0) await dockerCli(['rm', '-f', '-v', ...containers]);
  for (const [kind, remove] of [['volume', ['volume', 'rm', '-f']], ['network', ['network', 'rm']], ['image', ['rmi', '-f']]] as const) {
    const ids = await byLabel(kind);
    if (ids.length > 0) await dockerCli([...remove, ...new Set(ids)]);
  }
  rmSync(root, { recursive: true, force: true });
});

describe('Compose through the installed docker-compose', () => {
  it('finds the CLI and reads paths', async () => {
    const status = await client.call('compose:cli', { engineId: 'local' });
    expect(status.cli).toMatchObject({ kind: 'standalone', major: 1, version: '1.29.2', path: expect.stringMatching(/docker-compose$/) as unknown });
    expect(status.reach).toBe('ok');
    const folder = projectFolder('Minato_Test-Paths', { 'docker-compose.yml': 'services: {}\n' });
    expect(await client.call('compose:checkPath', { engineId: 'local', path: folder })).toEqual({ status: 'ok', file: path.join(folder, 'docker-compose.yml'), name: 'minato_test-paths' });
    expect((await client.call('compose:checkPath', { engineId: 'local', path: path.join(root, 'nothing-here') })).status).toBe('missing');
    expect((await client.call('compose:checkPath', { engineId: 'local', path: root })).status).toBe('no-compose-file');
    expect((await client.call('compose:checkPath', { engineId: 'local', path: path.join(folder, 'docker-compose.yml', 'x') })).status).toBe('missing');
  });

  it('up → list → logs → restart → down -v, with a built service, a volume and a network', async () => {
    const name = `${TEST_PREFIX}${runId}-two`;
    const folder = projectFolder(name, { 'compose.yaml': twoServices, 'app/Dockerfile': appDockerfile });
    const added = await client.call('compose:add', { engineId: 'local', path: folder });
    expect(added).toMatchObject({ name, remembered: true, fromLabels: false, filesHere: true, configFiles: [path.join(folder, 'compose.yaml')] });
    const remembered = JSON.parse(readFileSync(path.join(root, 'config', 'compose-projects.json'), 'utf8')) as { projects: { name: string }[] };
    expect(remembered.projects.map((project) => project.name)).toContain(name);

    const detail = await client.call('compose:project', { engineId: 'local', name });
    expect(detail.problems).toEqual([]);
    expect(detail.services).toEqual([
      { name: 'app', build: path.join(folder, 'app'), ports: [], volumes: [] },
      { name: 'db', image: TEST_IMAGE, ports: [], volumes: ['data:/data:rw'] },
    ]);
    expect(detail.volumes).toEqual([`${name}_data`]);
    expect(detail.images).toEqual({ local: [`${name}_app`], all: [`${name}_app`, TEST_IMAGE] });

    const config = await client.call('compose:config', { engineId: 'local', name });
    expect(config.text).toContain(`context: ${path.join(folder, 'app')}`);
    expect(config.command).toBe(`docker-compose -p ${name} -f ${path.join(folder, 'compose.yaml')} config`);

    const up = await runAndWait(name, 'up', { build: true });
    expect(up.error).toBeUndefined();
    expect(up.state).toBe('succeeded');
    expect(up.command).toBe(`docker-compose -p ${name} -f ${path.join(folder, 'compose.yaml')} up -d --build`);
    const upLog = await client.call('tasks:log', { id: up.id });
    expect(upLog.lines.map((line) => line.text).join('\n')).toMatch(/Creating .*db/);

    const running = await waitFor(async () => {
      const members = await projectContainers(name);
      return members.length === 2 && members.every((member) => member.state === 'running') ? members : undefined;
    }, 30_000, 'both services running');
    expect(running.map((member) => member.composeService).sort()).toEqual(['app', 'db']);
    const listed = (await client.call('compose:projects', { engineId: 'local' })).find((project) => project.name === name);
    expect(listed).toMatchObject({ remembered: true, fromLabels: true, workingDir: folder });

    const app = running.find((member) => member.composeService === 'app')!;
    const db = running.find((member) => member.composeService === 'db')!;
    await waitFor(async () => (await logText(app.id)).includes('app-started'), 15_000, 'the app service to log');
    await waitFor(async () => (await logText(db.id)).includes('db-ready'), 15_000, 'the db service to log');
    expect(await dockerCli(['exec', app.id, 'cat', '/built.txt'])).toBe('built');
    expect(await dockerCli(['volume', 'inspect', '-f', '{{.Name}}', `${name}_data`])).toBe(`${name}_data`);
    expect(await dockerCli(['network', 'inspect', '-f', '{{.Name}}', `${name}_back`])).toBe(`${name}_back`);

    const startedAt = async (id: string) => dockerCli(['inspect', '-f', '{{.State.StartedAt}}', id]);
    const before = await startedAt(db.id);
    const restart = await runAndWait(name, 'restart');
    expect(restart.state).toBe('succeeded');
    expect(await startedAt(db.id)).not.toBe(before);

    const down = await runAndWait(name, 'down', { removeVolumes: true, removeImages: 'local' });
    expect(down.state).toBe('succeeded');
    expect(down.command).toBe(`docker-compose -p ${name} -f ${path.join(folder, 'compose.yaml')} down --volumes --rmi local`);
    expect(await projectContainers(name)).toEqual([]);
    expect(await dockerCli(['volume', 'ls', '-q', '--filter', `name=${name}_data`])).toBe('');
    expect(await dockerCli(['network', 'ls', '-q', '--filter', `name=${name}_back`])).toBe('');
    expect(await dockerCli(['image', 'ls', '-q', `${name}_app`])).toBe('');

    await client.call('compose:forget', { engineId: 'local', name });
    expect((await client.call('compose:projects', { engineId: 'local' })).map((project) => project.name)).not.toContain(name);
  }, 240_000);

  it('cancels a running up: the CLI it started ends, and the task says cancelled', async () => {
    const name = `${TEST_PREFIX}${runId}-slow`;
    const marker = `minato-slow-${runId}`;
    const folder = projectFolder(name, {
      'docker-compose.yml': lines('version: "3.8"', 'services:', '  slow:', '    build:', '      context: .', `      labels: ${labels}`, `    labels: ${labels}`),
      Dockerfile: lines(`FROM ${TEST_IMAGE}`, `RUN echo ${marker} && sleep 120`),
    });
    await client.call('compose:add', { engineId: 'local', path: folder });
    const watch = watchTasks(client);
    try {
      const { taskId } = await client.call('compose:run', { engineId: 'local', name, action: 'up', options: { build: true } });
      // Cancel once the build is in its long step (its echo is in the task's log).
      await waitFor(async () => (await client.call('tasks:log', { id: taskId })).lines.some((line) => line.text.includes(marker)), 60_000, 'the slow step to start');
      const composeProcesses = () => processesWith(name);
      expect(composeProcesses().length).toBeGreaterThan(0);
      await client.call('tasks:cancel', { id: taskId });
      const ended = await waitFor(() => {
        const task = watch.latest.get(taskId);
        return task && task.state !== 'running' ? task : undefined;
      }, 30_000, 'the cancelled up to end');
      expect(ended.state).toBe('cancelled');
      await waitFor(() => composeProcesses().length === 0, 15_000, 'the docker-compose process (and the docker build it ran) to end');
      // The build's step stops on the engine too, instead of sleeping out its two minutes.
      const stepRunning = async () => (await dockerCli(['ps', '--no-trunc', '--format', '{{.Command}}'])).includes(marker);
      await waitFor(async () => !(await stepRunning()), 30_000, 'the build step container to stop');
    } finally {
      watch.stop();
      await client.call('compose:forget', { engineId: 'local', name });
    }
  }, 120_000);

  it('shows a YAML error with its line, and a schema error at the key it names', async () => {
    const broken = projectFolder(`${TEST_PREFIX}${runId}-yaml`, { 'compose.yaml': lines('services:', '  web:', `    image: ${TEST_IMAGE}`, '   ports: ["80"]') });
    const yaml = await client.call('compose:add', { engineId: 'local', path: broken });
    const yamlDetail = await client.call('compose:project', { engineId: 'local', name: yaml.name });
    expect(yamlDetail.unread).toBe('invalid');
    expect(yamlDetail.problems).toHaveLength(1);
    expect(yamlDetail.problems[0]).toMatchObject({ line: 4, column: 4, file: path.join(broken, 'compose.yaml') });

    const schema = projectFolder(`${TEST_PREFIX}${runId}-schema`, { 'compose.yaml': lines('version: "3.8"', 'services:', '  web:', `    image: ${TEST_IMAGE}`, '    imagee: typo') });
    const wrong = await client.call('compose:add', { engineId: 'local', path: schema });
    const schemaDetail = await client.call('compose:project', { engineId: 'local', name: wrong.name });
    expect(schemaDetail.problems).toEqual([{ file: path.join(schema, 'compose.yaml'), line: 5, message: "Unsupported config option for services.web: 'imagee'" }]);
    await client.call('compose:forget', { engineId: 'local', name: yaml.name });
    await client.call('compose:forget', { engineId: 'local', name: wrong.name });
  });

  it('opens the same file again as the project it is, refuses its name for another file and a path with no compose file', async () => {
    const folder = projectFolder(`${TEST_PREFIX}${runId}-twice`, { 'compose.yml': 'services: {}\n' });
    const first = await client.call('compose:add', { engineId: 'local', path: folder });
    const again = await client.call('compose:add', { engineId: 'local', path: folder });
    expect(again.name).toBe(first.name);
    const other = projectFolder(`${TEST_PREFIX}${runId}-other`, { 'compose.yml': 'services: {}\n' });
    const taken = await client.call('compose:add', { engineId: 'local', path: other, name: first.name }).catch((error: unknown) => error);
    expect(taken).toBeInstanceOf(MinatoError);
    expect((taken as MinatoError).details).toEqual({ kind: 'compose-refused', reason: 'exists', file: path.join(folder, 'compose.yml') });
    const none = await client.call('compose:add', { engineId: 'local', path: root }).catch((error: unknown) => error);
    expect((none as MinatoError).details).toEqual({ kind: 'compose-refused', reason: 'path', status: 'no-compose-file' });
    await client.call('compose:forget', { engineId: 'local', name: first.name });
  });
});

/** Processes on this machine whose command line holds `marker` (the docker-compose Minato started names its project). */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (Number(entry) !== process.pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(Number(entry));
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

describe('Compose without a Compose CLI on this machine', () => {
  it('says none is there, lists services from nothing but refuses to run, and names the platform for the install advice', async () => {
    const bare = mkdtempSync(path.join(os.tmpdir(), 'minato-test-compose-bare-'));
    const alone = await connectEngineWith({
      env: { DOCKER_HOST: testDockerHost(), PATH: path.join(bare, 'bin'), HOME: bare },
      homeDir: bare,
      settingsFile: path.join(bare, 'config', 'settings.json'),
    });
    try {
      expect(await alone.client.call('compose:cli', { engineId: 'local' })).toEqual({ reach: 'ok', platform: 'linux' });
      const folder = projectFolder(`${TEST_PREFIX}${runId}-nocli`, { 'compose.yaml': `services:\n  web:\n    image: ${TEST_IMAGE}\n` });
      const project = await alone.client.call('compose:add', { engineId: 'local', path: folder });
      expect(await alone.client.call('compose:project', { engineId: 'local', name: project.name })).toMatchObject({ services: [], unread: 'no-cli' });
      const refused = await alone.client.call('compose:run', { engineId: 'local', name: project.name, action: 'up' }).catch((error: unknown) => error);
      expect((refused as MinatoError).details).toEqual({ kind: 'compose-refused', reason: 'no-cli' });
    } finally {
      await alone.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
