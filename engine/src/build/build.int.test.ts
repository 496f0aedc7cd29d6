import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MinatoError } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { dockerCli, TEST_IMAGE, TEST_LABEL, testDockerHost, testName } from '../../../scripts/test-support/fixtures';
import { buildWithMinato, pathsInImage, watchTasks } from './build-test-helpers';

const { runId, connected } = engineForThisFile();
const labels = [
  { name: TEST_LABEL, value: '1' },
  { name: `${TEST_LABEL}.run`, value: runId },
];
const folders: string[] = [];

function contextWith(files: Record<string, string>): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'minato-test-build-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return folder;
}

const imageLabel = async (ref: string, key: string) => (await dockerCli(['image', 'inspect', '-f', `{{index .Config.Labels "${key}"}}`, ref])).trim();

/** Processes on this machine whose command line holds `marker`: a RUN step of the build, wherever the builder runs it. */
function processesWith(marker: string): number[] {
  const pids: number[] = [];
  const others = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => pid !== process.pid);
  for (const entry of others) {
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) pids.push(entry);
    } catch {
      // Gone while we looked.
    }
  }
  return pids;
}

/** Containers of the engine, running or not, whose command holds `marker` (the classic builder's step containers). */
async function containersWith(marker: string): Promise<string[]> {
  return (await dockerCli(['ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.Command}}'])).split('\n').filter((line) => line.includes(marker));
}

afterAll(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  const images = (await dockerCli(['image', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (images.length > 0) await dockerCli(['rmi', '-f', ...new Set(images)]);
});

describe('build', () => {
  it.each(['buildkit', 'classic'] as const)('builds with build args and a target stage (%s), logging its steps and tagging the image', async (builder) => {
    const context = contextWith({
      Dockerfile: `FROM ${TEST_IMAGE} AS base\nARG GREETING=hello\nRUN echo "said $GREETING" > /said\nLABEL greeting=$GREETING\nFROM base AS final\nLABEL stage=final\nFROM base AS other\nLABEL stage=other\n`,
    });
    const tag = testName(runId, `args-${builder}`);
    const task = await buildWithMinato(connected.client, { contextPath: context, tags: [tag], buildArgs: [{ name: 'GREETING', value: 'konnichiwa' }], target: 'final', builder, labels });
    expect(task.error?.message ?? task.state).toBe('succeeded');
    expect(task).toMatchObject({ kind: 'build', subject: tag, progress: { unit: 'steps', percent: 100 } });
    expect(task.command).toContain(`--build-arg GREETING=konnichiwa --label ${TEST_LABEL}=1`);
    expect(task.command).toContain('--target final');
    expect(task.command.startsWith(builder === 'classic' ? 'DOCKER_BUILDKIT=0 docker build' : 'docker build')).toBe(true);
    expect(await imageLabel(tag, 'greeting')).toBe('konnichiwa');
    expect(await imageLabel(tag, 'stage')).toBe('final');
    const log = (await connected.client.call('tasks:log', { id: task.id })).lines.map((line) => line.text);
    expect(log.some((line) => (builder === 'classic' ? /^Step 3\/\d+ : RUN echo/.test(line) : /^#\d+ \[base 2\/2\] RUN echo/.test(line)))).toBe(true);
    expect(log.some((line) => line.includes('Built sha256:'))).toBe(true);
  }, 120_000);

  it.each(['buildkit', 'classic'] as const)('reports a failing step in the engine\'s words (%s)', async (builder) => {
    const context = contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo about to fail && exit 3\n` });
    const task = await buildWithMinato(connected.client, { contextPath: context, builder, labels });
    expect(task.state).toBe('failed');
    expect(task.error?.code).toBe('engine-error');
    expect(task.error?.message).toMatch(builder === 'classic' ? /The command '\/bin\/sh -c echo about to fail && exit 3' returned a non-zero code: 3/ : /exit code: 3/);
    const log = (await connected.client.call('tasks:log', { id: task.id })).lines.map((line) => line.text);
    expect(log.some((line) => line.endsWith('about to fail'))).toBe(true);
  }, 120_000);

  it('refuses before starting, by field, a folder that is not there or has no Dockerfile', async () => {
    const refusal = async (input: { contextPath: string; dockerfile?: string }) => {
      const error = await connected.client.call('build:start', { engineId: 'local', ...input }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(MinatoError);
      return { code: (error as MinatoError).code, details: (error as MinatoError).details };
    };
    const missing = path.join(os.tmpdir(), `minato-test-${runId}-nowhere`);
    expect(await refusal({ contextPath: missing })).toEqual({ code: 'invalid-input', details: { kind: 'build-refused', field: 'contextPath', reason: 'missing' } });
    const context = contextWith({ 'Containerfile': `FROM ${TEST_IMAGE}\n` });
    expect(await refusal({ contextPath: context })).toEqual({ code: 'invalid-input', details: { kind: 'build-refused', field: 'dockerfile', reason: 'no-dockerfile' } });
    expect(await connected.client.call('build:checkContext', { engineId: 'local', contextPath: context, dockerfile: 'Containerfile' })).toEqual({
      folder: 'ok',
      dockerfile: 'ok',
      ignoreRules: 0,
      buildFilesExcluded: false,
    });
  });

  it.each([
    ['with a .dockerignore of its own', { '.dockerignore': 'skip.txt\n' }],
    ['without a .dockerignore', {}],
  ] as const)('builds with a Dockerfile outside the folder (%s), sending the context the docker CLI sends', async (_case, extra) => {
    const parent = mkdtempSync(path.join(os.tmpdir(), 'minato-test-build-outside-'));
    folders.push(parent);
    const context = path.join(parent, 'context');
    mkdirSync(context);
    for (const [name, text] of Object.entries({ 'keep.txt': 'kept\n', 'skip.txt': 'skipped\n', ...extra })) writeFileSync(path.join(context, name), text);
    writeFileSync(path.join(parent, 'Dockerfile.outside'), `FROM ${TEST_IMAGE}\nCOPY . /ctx\nLABEL from=outside\n`);
    expect(await connected.client.call('build:checkContext', { engineId: 'local', contextPath: context, dockerfile: '../Dockerfile.outside' })).toMatchObject({ folder: 'ok', dockerfile: 'ok', buildFilesExcluded: true });
    const tag = testName(runId, `outside-${Object.keys(extra).length}`);
    const task = await buildWithMinato(connected.client, { contextPath: context, dockerfile: '../Dockerfile.outside', tags: [tag], labels });
    expect(task.error?.message ?? task.state).toBe('succeeded');
    expect(task.command).toContain(`-f ${path.join(parent, 'Dockerfile.outside')}`);
    expect(await imageLabel(tag, 'from')).toBe('outside');
    // The CLI's own build of the same folder and Dockerfile: COPY . sees exactly the same files.
    const cliTag = testName(runId, `outside-cli-${Object.keys(extra).length}`);
    await promisify(execFile)('/usr/local/bin/docker', ['build', '-q', '--label', `${TEST_LABEL}=1`, '--label', `${TEST_LABEL}.run=${runId}`, '-f', path.join(parent, 'Dockerfile.outside'), '-t', cliTag, context], {
      env: { ...process.env, DOCKER_HOST: testDockerHost(), DOCKER_BUILDKIT: '0' },
    });
    const containerLabels = { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId };
    const ours = await pathsInImage(tag, '/ctx', containerLabels);
    expect(ours).toEqual(await pathsInImage(cliTag, '/ctx', containerLabels));
    // Its own .dockerignore (which does not leave itself out) stays, as with the CLI; the Dockerfile's generated name never shows.
    expect(ours).toEqual(Object.keys(extra).length > 0 ? ['.dockerignore', 'keep.txt'] : ['keep.txt', 'skip.txt']);
  }, 120_000);

  it.each(['buildkit', 'classic'] as const)('cancelled half-way, stops the build on the engine (%s)', async (builder) => {
    const marker = `minato-test-${runId}-wait-${builder}`;
    // The step waits for a file that never appears: only a cancel ends it.
    const context = contextWith({ Dockerfile: `FROM ${TEST_IMAGE}\nRUN echo ${marker} started && while [ ! -e /${marker} ]; do sleep 0.1; done\n` });
    const watch = watchTasks(connected.client);
    try {
      const { taskId } = await connected.client.call('build:start', { engineId: 'local', contextPath: context, builder, noCache: true, labels });
      await waitFor(async () => (await connected.client.call('tasks:log', { id: taskId })).lines.some((line) => line.text.endsWith(`${marker} started`)), 60_000, 'the step to start');
      expect(processesWith(marker).length).toBeGreaterThan(0);
      await connected.client.call('tasks:cancel', { id: taskId });
      const final = await waitFor(() => {
        const task = watch.latest.get(taskId);
        return task && task.state !== 'running' ? task : undefined;
      }, 10_000, 'the task to end');
      expect(final.state).toBe('cancelled');
      // On the engine: the step's process ends, and no build container is left (the classic builder's are containers).
      await waitFor(() => processesWith(marker).length === 0, 15_000, 'the step to stop on the engine');
      await waitFor(async () => (await containersWith(marker)).length === 0, 15_000, 'no build container');
    } finally {
      watch.stop();
    }
  }, 120_000);
});
