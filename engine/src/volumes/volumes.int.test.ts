import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { DownloadEvent, MinatoClient, TarDownloadEvent, TaskSummary } from '../../contract';
import { HELPER_IMAGE, HELPER_LABEL } from '../../contract/volume-commands';
import { connectEngine, engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();
const engineId = 'local';
const volume = (name: string) => testName(runId, name);
const labelWords = [`${TEST_LABEL}=1`, `${TEST_LABEL}.run=${runId}`].flatMap((label) => ['--label', label]);

afterAll(async () => {
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  const made = (await dockerCli(['volume', 'ls', '-q', '--filter', `name=${testName(runId, '')}`])).split('\n').filter(Boolean);
  const all = [...new Set([...names, ...made])];
  if (all.length > 0) await dockerCli(['volume', 'rm', '-f', ...all]).catch(() => undefined);
});

const helperIds = async () => (await dockerCli(['ps', '-aq', '--no-trunc', '--filter', `label=${HELPER_LABEL}=volume`])).split('\n').filter(Boolean);

async function browse(client: MinatoClient, name: string, writable: boolean) {
  let containerId: string | undefined;
  let failure: unknown;
  const stop = client.subscribe('volumes:browse', { engineId, name, writable }, {
    onEvent: (event) => (containerId = event.containerId),
    onEnd: (error) => (failure = error ?? new Error('ended')),
  });
  const id = await waitFor(() => {
    if (failure) throw failure as Error;
    return containerId;
  }, 20_000, 'the helper');
  return { id, stop };
}

async function upload(id: string, files: Array<{ path: string; data: Buffer }>) {
  const { uploadId } = await connected.client.call('files:uploadBegin', { engineId, id, directory: '/volume' });
  for (const file of files) {
    await connected.client.call('files:uploadFile', { uploadId, path: file.path, size: file.data.length });
    if (file.data.length > 0) await connected.client.call('files:uploadChunk', { uploadId, data: file.data.toString('base64') });
  }
  return connected.client.call('files:uploadEnd', { uploadId });
}

async function collect<E extends DownloadEvent | TarDownloadEvent>(subscribe: (handlers: { onEvent(event: E): void; onEnd(error?: unknown): void }) => () => void) {
  const chunks: Buffer[] = [];
  let ended = false;
  let failure: unknown;
  subscribe({
    onEvent: (event) => {
      if (event.type === 'chunk') chunks.push(Buffer.from(event.data, 'base64'));
    },
    onEnd: (error) => {
      failure = error;
      ended = true;
    },
  });
  await waitFor(() => ended, 30_000, 'the stream to end');
  if (failure) throw failure as Error;
  return Buffer.concat(chunks);
}

const backup = (name: string) =>
  collect<TarDownloadEvent>((handlers) => connected.client.subscribe('volumes:backup', { engineId, name }, handlers));

/** A tar's files as name → sha256 (folders as "dir"), to compare two archives by content rather than by bytes of headers. */
async function tarContents(tar: Buffer): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  const parser = extract();
  parser.on('entry', (header, body, next) => {
    const hash = createHash('sha256');
    body.on('data', (chunk: unknown) => {
      hash.update(chunk as Buffer);
    });
    body.on('end', () => {
      contents[header.name.replace(/^\.\//, '')] = header.type === 'directory' ? 'dir' : `${header.mode?.toString(8)}:${hash.digest('hex')}`;
      next();
    });
  });
  await new Promise<void>((resolve, reject) => {
    parser.on('finish', resolve);
    parser.on('error', reject);
    Readable.from([tar]).pipe(parser as unknown as NodeJS.WritableStream);
  });
  return contents;
}

async function taskEnd(taskId: string): Promise<TaskSummary> {
  return waitFor(async () => {
    const task = (await connected.client.call('tasks:list', {})).find((each) => each.id === taskId);
    return task && task.state !== 'running' ? task : undefined;
  }, 30_000, 'the task to end');
}

const FILES = [
  { path: 'hello.txt', data: Buffer.from('hello volume\n') },
  { path: 'data/numbers.bin', data: Buffer.from(Array.from({ length: 300_000 }, (_, index) => index % 251)) },
  { path: 'data/empty', data: Buffer.alloc(0) },
];

describe('volumes', () => {
  it('creates a volume with labels and lists the containers that use it, stopped and created ones included', async () => {
    const name = volume('used');
    const created = await connected.client.call('volumes:create', { engineId, name, driver: 'local', driverOpts: {}, labels: { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId, note: '<b>not html</b>' } });
    expect(created.name).toBe(name);
    await expect(connected.client.call('volumes:create', { engineId, name, driver: 'local', driverOpts: {}, labels: {} })).rejects.toMatchObject({ code: 'conflict', key: 'volumes.exists' });
    const exited = testName(runId, 'exited');
    await dockerCli(['run', '--name', exited, ...testLabels(runId), '-v', `${name}:/data`, TEST_IMAGE, 'true']);
    const createdOnly = testName(runId, 'created');
    await dockerCli(['create', '--name', createdOnly, ...testLabels(runId), '-v', `${name}:/data`, TEST_IMAGE, 'true']);
    const row = (await connected.client.call('volumes:list', { engineId })).find((each) => each.name === name);
    expect(row?.labels.note).toBe('<b>not html</b>');
    expect(row?.anonymous).toBe(false);
    expect(row?.usedBy.map((user) => [user.name, user.state]).sort()).toEqual([
      [createdOnly, 'created'],
      [exited, 'exited'],
    ]);
    // The same users as `docker ps -a --filter volume=NAME`.
    const cli = (await dockerCli(['ps', '-a', '--filter', `volume=${name}`, '--format', '{{.Names}}'])).split('\n').sort();
    expect(row?.usedBy.map((user) => user.name)).toEqual(cli);

    await expect(connected.client.call('volumes:remove', { engineId, name, removeContainers: [] })).rejects.toMatchObject({ code: 'conflict', key: 'volumes.inUse' });
    const removed = await connected.client.call('volumes:remove', { engineId, name, removeContainers: [exited, createdOnly] });
    expect(removed.removedContainers.sort()).toEqual([createdOnly, exited].sort());
    expect(await dockerCli(['volume', 'ls', '-q', '--filter', `name=^${name}$`])).toBe('');
  });

  it('browses a volume through a helper that never runs: read-only, then uploads and downloads, and the helper goes with its subscriber', async () => {
    const name = volume('browse');
    await dockerCli(['volume', 'create', ...labelWords, name]);
    const readOnly = await browse(connected.client, name, false);
    const inspect = JSON.parse(await dockerCli(['inspect', readOnly.id])) as Array<{ State: { Status: string }; HostConfig: { NetworkMode: string }; Config: { Image: string; Labels: Record<string, string> }; Mounts: Array<{ RW: boolean }> }>;
    expect(inspect[0]?.State.Status).toBe('created');
    expect(inspect[0]?.HostConfig.NetworkMode).toBe('none');
    expect(inspect[0]?.Config.Image).toBe(HELPER_IMAGE);
    expect(inspect[0]?.Mounts[0]?.RW).toBe(false);
    expect((await dockerCli(['image', 'inspect', '--format', '{{.Size}}', HELPER_IMAGE]))).toBe('0');
    await expect(upload(readOnly.id, FILES)).rejects.toBeTruthy();
    // Still listed as unused by the person's containers: the helper is Minato's.
    const row = (await connected.client.call('volumes:list', { engineId })).find((each) => each.name === name);
    expect(row?.usedBy).toEqual([]);
    expect(row?.helpers).toBe(1);
    readOnly.stop();
    await waitFor(async () => !(await helperIds()).includes(readOnly.id), 10_000, 'the read-only helper to go');

    const writable = await browse(connected.client, name, true);
    expect(await upload(writable.id, FILES)).toEqual({ files: 3, bytes: FILES.reduce((sum, file) => sum + file.data.length, 0) });
    const listing = await connected.client.call('files:list', { engineId, id: writable.id, path: '/volume/data' });
    expect(listing.via.kind).toBe('archive');
    expect(listing.entries.map((entry) => [entry.name, entry.size]).sort()).toEqual([
      ['empty', 0],
      ['numbers.bin', 300_000],
    ]);
    const bytes = await collect<DownloadEvent>((handlers) => connected.client.subscribe('files:download', { engineId, id: writable.id, path: '/volume/data/numbers.bin' }, handlers));
    expect(bytes.equals(FILES[1]!.data)).toBe(true);
    writable.stop();
    await waitFor(async () => !(await helperIds()).includes(writable.id), 10_000, 'the writable helper to go');
  });

  it('backs a volume up to a tar and restores it into a new volume byte-identical; a non-empty target needs consent', async () => {
    const source = volume('backup');
    await dockerCli(['volume', 'create', ...labelWords, source]);
    const writer = await browse(connected.client, source, true);
    await upload(writer.id, FILES);
    writer.stop();

    const tar = await backup(source);
    const original = await tarContents(tar);
    expect(Object.keys(original).sort()).toEqual(['', 'data/', 'data/empty', 'data/numbers.bin', 'hello.txt']);
    const tasks = await connected.client.call('tasks:list', {});
    const backupTask = tasks.filter((task) => task.kind === 'volume-backup' && task.subject === source).at(-1);
    expect(backupTask?.state).toBe('succeeded');
    expect(backupTask?.command).toContain(`docker cp`);

    const target = volume('restored');
    const restore = async (name: string, create: boolean, overwrite = false) => {
      const { uploadId, taskId } = await connected.client.call('volumes:restoreBegin', { engineId, name, create, overwrite, fileName: 'backup.tar', size: tar.length });
      for (let offset = 0; offset < tar.length; offset += 256 * 1024) {
        await connected.client.call('volumes:restoreChunk', { uploadId, data: tar.subarray(offset, offset + 256 * 1024).toString('base64') });
      }
      await connected.client.call('volumes:restoreEnd', { uploadId });
      return taskEnd(taskId);
    };
    expect((await restore(target, true)).state).toBe('succeeded');
    expect(await tarContents(await backup(target))).toEqual(original);
    // Into an existing volume that holds files: refused unless the person agreed.
    await expect(restore(target, false)).rejects.toMatchObject({ code: 'conflict', key: 'volumes.notEmpty' });
    expect((await restore(target, false, true)).state).toBe('succeeded');
    await expect(restore(source, true)).rejects.toMatchObject({ code: 'conflict', key: 'volumes.exists' });
    await waitFor(async () => (await helperIds()).length === 0, 10_000, 'every helper to go');
  });

  it('clones a volume as a volume-clone task', async () => {
    const source = volume('clone-src');
    await dockerCli(['volume', 'create', ...labelWords, source]);
    const writer = await browse(connected.client, source, true);
    await upload(writer.id, FILES);
    writer.stop();
    const target = volume('clone-dst');
    const { taskId } = await connected.client.call('volumes:clone', { engineId, source, target });
    const task = await taskEnd(taskId);
    expect(task).toMatchObject({ kind: 'volume-clone', state: 'succeeded' });
    expect(await tarContents(await backup(target))).toEqual(await tarContents(await backup(source)));
    await expect(connected.client.call('volumes:clone', { engineId, source, target })).rejects.toMatchObject({ code: 'conflict', key: 'volumes.exists' });
  });

  it('prunes exactly what the preview listed, by the rule of this engine\'s API version', async () => {
    const named = volume('prune-named');
    const used = volume('prune-used');
    await dockerCli(['volume', 'create', ...labelWords, named]);
    await dockerCli(['volume', 'create', ...labelWords, used]);
    const anonymous = await dockerCli(['volume', 'create', ...labelWords]);
    await dockerCli(['create', '--name', testName(runId, 'prune-user'), ...testLabels(runId), '-v', `${used}:/data`, TEST_IMAGE, 'true']);
    const plan = await connected.client.call('volumes:prunePreview', { engineId, all: false });
    const names = plan.volumes.map((each) => each.name);
    expect(names).not.toContain(used);
    expect(names).toContain(anonymous);
    if (plan.rule === 'all-unused-old-api') expect(names).toContain(named);
    else expect(names).not.toContain(named);
    const report = await connected.client.call('volumes:prune', { engineId, all: false, expected: names });
    expect(report.removed).toEqual([...names].sort());
    expect(report.unexpected).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(await dockerCli(['volume', 'ls', '-q', '--filter', `name=^${used}$`])).toBe(used);
  });

  it('sweeps leftover helpers by label when an engine starts, and leaves other containers alone', async () => {
    const name = volume('leftover');
    await dockerCli(['volume', 'create', ...labelWords, name]);
    // A helper as a Minato that was killed would leave it: made through the domain, then its owner gone.
    const other = await connectEngine(testDockerHost());
    const orphan = await browse(other.client, name, false);
    await other.engine.close();
    const bystander = await dockerCli(['create', '--name', testName(runId, 'bystander'), ...testLabels(runId), '-v', `${name}:/data`, TEST_IMAGE, 'true']);
    expect(await helperIds()).toContain(orphan.id);
    const fresh = await connectEngine(testDockerHost());
    try {
      await waitFor(async () => !(await helperIds()).includes(orphan.id), 10_000, 'the leftover helper to be swept');
      expect(await dockerCli(['ps', '-aq', '--no-trunc', '--filter', `id=${bystander}`])).toBe(bystander);
    } finally {
      await fresh.close();
    }
  });
});
