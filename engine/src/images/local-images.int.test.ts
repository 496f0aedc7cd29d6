import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MinatoClient, MinatoError, TaskSummary } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, TEST_LABEL, buildTestImage, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();
const repo = `minato-test-${runId}/local`;
const runLabel = `${TEST_LABEL}.run=${runId}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-images-'));
const engineId = 'local';

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  const containers = (await dockerCli(['ps', '-aq', '--filter', `label=${runLabel}`])).split('\n').filter(Boolean);
  if (containers.length > 0) await dockerCli(['rm', '-f', ...containers]);
  // Images of this run only: by its label (commits carry it) and by its repository.
  const ids = new Set([
    ...(await dockerCli(['image', 'ls', '-aq', '--no-trunc', '--filter', `label=${runLabel}`])).split('\n'),
    ...(await dockerCli(['image', 'ls', '-q', '--no-trunc', '--filter', `reference=${repo}`])).split('\n'),
  ]);
  ids.delete('');
  if (ids.size > 0) await dockerCli(['rmi', '-f', ...ids]).catch(() => undefined);
});

/** A container of this run that wrote `script`'s output, committed with this run's label. */
async function commitOf(name: string, script: string, tag: string, changes: string[] = []): Promise<string> {
  await dockerCli(['run', '--name', testName(runId, name), ...testLabels(runId), TEST_IMAGE, 'sh', '-c', script]);
  const id = await dockerCli(['commit', '-c', `LABEL ${runLabel}`, ...changes.flatMap((change) => ['-c', change]), testName(runId, name), tag]);
  await dockerCli(['rm', testName(runId, name)]);
  return id;
}

/** A tar download (save, export) written to a file as it arrives, acknowledged once written, as the renderer does. */
async function download(subscribe: (handlers: Parameters<MinatoClient['subscribe']>[2]) => () => void, file: string, onChunk?: () => void) {
  const out = createWriteStream(file);
  let taskId = '';
  await new Promise<void>((resolve, reject) => {
    let chain = Promise.resolve();
    subscribe({
      manualAck: true,
      onEvent: (event: { type: string; data?: string; taskId?: string }, ack: () => void) => {
        if (event.type === 'meta') {
          taskId = event.taskId ?? '';
          ack();
          return;
        }
        const bytes = Buffer.from(event.data ?? '', 'base64');
        chain = chain.then(async () => {
          if (!out.write(bytes)) await once(out, 'drain');
          onChunk?.();
          ack();
        });
      },
      onEnd: (error?: MinatoError) => {
        void chain.then(() => (error ? reject(error) : out.end(resolve)));
      },
    } as never);
  });
  return taskId;
}

/** Streams a file into images:upload* one chunk per call, as the renderer does. */
async function upload(client: MinatoClient, begin: Parameters<MinatoClient['call']>[1] & object, file: string): Promise<{ images: string[]; taskId: string }> {
  const size = statSync(file).size;
  const { uploadId, taskId } = await client.call('images:uploadBegin', { ...(begin as object), fileName: path.basename(file), size } as never);
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    await client.call('images:uploadChunk', { uploadId, data: (chunk as Buffer).toString('base64') });
  }
  const { images } = await client.call('images:uploadEnd', { uploadId });
  return { images, taskId };
}

async function taskOf(id: string): Promise<TaskSummary | undefined> {
  return (await connected.client.call('tasks:list', {})).find((task) => task.id === id);
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('images:detail', () => {
  it('maps history (instructions, sizes, folded metadata steps) and inspect, with secrets masked', async () => {
    const tag = `${repo}:built`;
    await buildTestImage(runId, tag, `FROM ${TEST_IMAGE}\nENV DB_PASSWORD=hunter2 MODE=fast\nRUN head -c 4096 /dev/zero > /blob\nEXPOSE 8080/tcp 53/udp\nVOLUME /data\nLABEL api.token=abc123 owner=me\nCMD ["sh", "-c", "echo hi"]\n`);
    await dockerCli(['tag', tag, `${repo}:also`]);
    const detail = await connected.client.call('images:detail', { engineId, ref: tag });
    const inspect = JSON.parse(await dockerCli(['image', 'inspect', tag]))[0];
    expect(detail.id).toBe(inspect.Id);
    expect(detail.tags.sort()).toEqual([`${repo}:also`, tag]);
    expect(detail.layerCount).toBe(inspect.RootFS.Layers.length);
    expect(detail.architecture).toBe(inspect.Architecture);
    expect(detail.os).toBe('linux');
    expect(detail.config.exposedPorts).toEqual(expect.arrayContaining([{ containerPort: 8080, protocol: 'tcp' }, { containerPort: 53, protocol: 'udp' }]));
    expect(detail.config.volumes).toEqual(['/data']);
    expect(detail.config.cmd).toEqual(['sh', '-c', 'echo hi']);
    expect(detail.config.env).toContain('MODE=fast');
    expect(JSON.stringify(detail)).not.toContain('hunter2');
    expect(JSON.stringify(detail)).not.toContain('abc123');
    expect(detail.config.labels.owner).toBe('me');
    // Newest first, as `docker history`; metadata steps have no bytes, the RUN its 4 KiB.
    const history = (await dockerCli(['history', '--no-trunc', '--format', '{{.Size}}', tag])).split('\n');
    expect(detail.layers).toHaveLength(history.length);
    // The build's --label flags make the last step; the tags sit on the newest one.
    expect(detail.layers[0]).toMatchObject({ size: 0, tags: [`${repo}:also`, tag].sort() });
    expect(detail.layers.find((layer) => layer.instruction.startsWith('CMD'))).toMatchObject({ instruction: 'CMD ["sh" "-c" "echo hi"]', size: 0 });
    const run = detail.layers.find((layer) => layer.instruction.startsWith('RUN head'));
    expect(run?.size).toBe(4096);
    expect(detail.layers.find((layer) => layer.instruction.startsWith('ENV'))?.instruction).toMatch(/^ENV DB_PASSWORD=•+ MODE=fast$/);
  });

  it('says not found for an image that is not here', async () => {
    await expect(connected.client.call('images:detail', { engineId, ref: `${repo}:absent` })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('tag and commit', () => {
  it('tags an image under a new name', async () => {
    await connected.client.call('images:tag', { engineId, source: TEST_IMAGE, target: `${repo}:tagged` });
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', `${repo}:tagged`])).toBe(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', TEST_IMAGE]));
    await dockerCli(['rmi', `${repo}:tagged`]);
  });

  it('commits a container with message, author and changes; the new image has the file and the settings', async () => {
    const name = testName(runId, 'to-commit');
    await dockerCli(['run', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'echo committed > /note']);
    const { id } = await connected.client.call('containers:commit', {
      engineId,
      id: name,
      ref: `${repo}:committed`,
      message: 'a note',
      author: 'Minato Test <test@example.com>',
      changes: ['ENV COMMITTED=yes', `LABEL ${runLabel}`, 'CMD ["cat", "/note"]'],
    });
    const inspect = JSON.parse(await dockerCli(['image', 'inspect', `${repo}:committed`]))[0];
    expect(inspect.Id).toBe(id);
    expect(inspect.Comment).toBe('a note');
    expect(inspect.Author).toBe('Minato Test <test@example.com>');
    expect(inspect.Config.Env).toContain('COMMITTED=yes');
    expect(await dockerCli(['run', '--rm', ...testLabels(runId), `${repo}:committed`])).toBe('committed');
  });

  it('refuses a change the engine would not take, before it reaches the engine', async () => {
    await expect(connected.client.call('containers:commit', { engineId, id: 'whatever', changes: ['RUN rm -rf /'] })).rejects.toMatchObject({ code: 'invalid-input' });
  });
});

describe('save and load', () => {
  it('saves a ~200 MB image to a file without holding it (RSS), and loads it back with the same id', async () => {
    const tag = `${repo}:big`;
    const id = await commitOf('big', 'head -c 200000000 /dev/urandom > /big', tag);
    const file = path.join(dir, 'big.tar');
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const taskId = await download((handlers) => connected.client.subscribe('images:save', { engineId, refs: [tag] }, handlers as never), file, () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });
    expect(statSync(file).size).toBeGreaterThan(200_000_000);
    console.log(`save of a ${Math.round(statSync(file).size / 1e6)} MB image: RSS rose ${Math.round((peak - before) / 1e6)} MB`);
    expect(peak - before).toBeLessThan(50 * 1024 * 1024);
    expect(await taskOf(taskId)).toMatchObject({ kind: 'save', state: 'succeeded', command: `docker save -o minato-test-${runId}_local_big.tar ${tag}` });

    await dockerCli(['rmi', tag]);
    const loaded = await upload(connected.client, { kind: 'load', engineId }, file);
    expect(loaded.images).toEqual([tag]);
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', tag])).toBe(id);
    expect(await taskOf(loaded.taskId)).toMatchObject({ kind: 'load', state: 'succeeded', progress: { unit: 'bytes', current: statSync(file).size, total: statSync(file).size } });
  }, 180_000);

  it('a save whose subscriber goes away (without reading on) is cancelled, and so is one cancelled from the tasks panel', async () => {
    const chunks: string[] = [];
    let taskId = '';
    const stop = connected.client.subscribe('images:save', { engineId, refs: [TEST_IMAGE] }, {
      manualAck: true,
      onEvent: (event) => {
        if (event.type === 'meta') taskId = event.taskId;
        else chunks.push(event.data);
      },
    });
    // No acknowledgement: the engine stops after its window of chunks and waits.
    await waitFor(() => chunks.length > 0, 10_000, 'the first chunk');
    expect((await taskOf(taskId))?.state).toBe('running');
    stop();
    await waitFor(async () => (await taskOf(taskId))?.state === 'cancelled', 10_000, 'the save task to be cancelled');

    let ended: MinatoError | undefined;
    let second = '';
    connected.client.subscribe('images:save', { engineId, refs: [TEST_IMAGE] }, {
      manualAck: true,
      onEvent: (event) => {
        if (event.type === 'meta') second = event.taskId;
      },
      onEnd: (error) => {
        ended = error;
      },
    });
    await waitFor(() => second, 10_000, 'the second save to start');
    await connected.client.call('tasks:cancel', { id: second });
    await waitFor(() => ended, 10_000, 'the subscription to end');
    expect(ended?.code).toBe('cancelled');
  });

  it('cancelling a load task ends its upload and the engine request', async () => {
    const { uploadId, taskId } = await connected.client.call('images:uploadBegin', { kind: 'load', engineId, fileName: 'partial.tar', size: 10_000_000 });
    await connected.client.call('images:uploadChunk', { uploadId, data: Buffer.alloc(512 * 1024).toString('base64') });
    await connected.client.call('tasks:cancel', { id: taskId });
    await waitFor(async () => (await taskOf(taskId))?.state === 'cancelled', 10_000, 'the load task to be cancelled');
    await expect(connected.client.call('images:uploadChunk', { uploadId, data: Buffer.alloc(16).toString('base64') })).rejects.toMatchObject({ code: expect.stringMatching(/cancelled|not-found/) });
  });
});

describe('export and import', () => {
  it('exports a container filesystem and imports it as an image with the same file content', async () => {
    const name = testName(runId, 'to-export');
    await dockerCli(['run', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'head -c 300000 /dev/urandom > /payload']);
    const original = path.join(dir, 'payload-original');
    await dockerCli(['cp', `${name}:/payload`, original]);
    const file = path.join(dir, 'fs.tar');
    const exportTask = await download((handlers) => connected.client.subscribe('containers:export', { engineId, id: name }, handlers as never), file);
    expect(await taskOf(exportTask)).toMatchObject({ kind: 'export', state: 'succeeded' });

    const { images } = await upload(connected.client, { kind: 'import', engineId, ref: `${repo}:imported`, message: 'from export', changes: [`LABEL ${runLabel}`, 'CMD ["/bin/sh"]'] }, file);
    expect(images[0]).toMatch(/^sha256:[0-9a-f]{64}$/);
    const inspect = JSON.parse(await dockerCli(['image', 'inspect', `${repo}:imported`]))[0];
    expect(inspect.Id).toBe(images[0]);
    expect(inspect.Config.Cmd).toEqual(['/bin/sh']);
    const copy = testName(runId, 'imported-copy');
    await dockerCli(['create', '--name', copy, ...testLabels(runId), `${repo}:imported`]);
    const back = path.join(dir, 'payload-back');
    await dockerCli(['cp', `${copy}:/payload`, back]);
    expect(sha(back)).toBe(sha(original));
  }, 60_000);
});

describe('prune with a preview', () => {
  it('removes exactly what the preview listed, dangling then unused, and gives back the space it said', async () => {
    const label = runLabel;
    const first = await commitOf('p1', 'head -c 100000 /dev/urandom > /a', `${repo}:moving`);
    await commitOf('p2', 'head -c 120000 /dev/urandom > /b', `${repo}:moving`);
    const unused = await commitOf('p3', 'head -c 140000 /dev/urandom > /c', `${repo}:unused`);
    const inUse = await commitOf('p4', 'head -c 10000 /dev/urandom > /d', `${repo}:in-use`);
    await dockerCli(['create', '--name', testName(runId, 'holder'), ...testLabels(runId), `${repo}:in-use`]);

    const dangling = await connected.client.call('images:prunePreview', { engineId, scope: 'dangling', label });
    expect(dangling.images.map((image) => image.id)).toEqual([first]);
    expect(dangling.space).toBeGreaterThanOrEqual(100_000);
    const { taskId } = await connected.client.call('images:prune', { engineId, scope: 'dangling', label, until: dangling.until });
    await waitFor(async () => (await taskOf(taskId))?.state === 'succeeded', 30_000, 'the prune task');
    const report = await connected.client.call('images:pruneReport', { taskId });
    expect(report.deleted).toEqual([first]);
    expect(report.space).toBe(dangling.space);

    const all = await connected.client.call('images:prunePreview', { engineId, scope: 'unused', label });
    const planned = all.images.map((image) => image.id).sort();
    expect(planned).toContain(unused);
    expect(planned).not.toContain(inUse);
    const second = await connected.client.call('images:prune', { engineId, scope: 'unused', label, until: all.until });
    await waitFor(async () => (await taskOf(second.taskId))?.state === 'succeeded', 30_000, 'the second prune task');
    const removed = await connected.client.call('images:pruneReport', { taskId: second.taskId });
    expect(removed.deleted.sort()).toEqual(planned);
    expect(removed.space).toBe(all.space);
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', `${repo}:in-use`])).toBe(inUse);
  }, 60_000);
});
