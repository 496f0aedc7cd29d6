import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChangeBatch, DownloadEvent } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

async function download(id: string, path: string) {
  const chunks: Buffer[] = [];
  let meta: Extract<DownloadEvent, { type: 'meta' }> | undefined;
  let ended = false;
  let failure: unknown;
  connected.client.subscribe('files:download', { engineId: 'local', id, path }, {
    onEvent: (event) => {
      if (event.type === 'meta') meta = event;
      else chunks.push(Buffer.from(event.data, 'base64'));
    },
    onEnd: (error) => {
      failure = error;
      ended = true;
    },
  });
  await waitFor(() => ended, 20_000, 'the download to end');
  if (failure) throw failure;
  return { meta, bytes: Buffer.concat(chunks) };
}

async function upload(id: string, directory: string, files: Array<{ path: string; data: Buffer }>) {
  const { uploadId } = await connected.client.call('files:uploadBegin', { engineId: 'local', id, directory });
  for (const file of files) {
    await connected.client.call('files:uploadFile', { uploadId, path: file.path, size: file.data.length });
    for (let offset = 0; offset < file.data.length; offset += 512 * 1024) {
      await connected.client.call('files:uploadChunk', { uploadId, data: file.data.subarray(offset, offset + 512 * 1024).toString('base64') });
    }
  }
  return connected.client.call('files:uploadEnd', { uploadId });
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('files in a container', () => {
  it('uploads a folder into a stopped container and downloads it back byte-identical', async () => {
    const id = await dockerCli(['create', '--name', testName(runId, 'files'), ...testLabels(runId), TEST_IMAGE, 'true']);
    const files = [
      { path: 'site/index.html', data: Buffer.from('<h1>港</h1>\n') },
      { path: 'site/assets/blob.bin', data: randomBytes(3 * 1024 * 1024 + 17) },
      { path: 'site/empty.txt', data: Buffer.alloc(0) },
    ];
    const result = await upload(id, '/tmp', files);
    expect(result).toEqual({ files: 3, bytes: files.reduce((sum, file) => sum + file.data.length, 0) });

    const listing = await connected.client.call('files:list', { engineId: 'local', id, path: '/tmp/site' });
    expect(listing.entries.map((entry) => `${entry.type}:${entry.name}`)).toEqual(['directory:assets', 'file:empty.txt', 'file:index.html']);
    expect(listing.entries.find((entry) => entry.name === 'index.html')?.size).toBe(files[0]!.data.length);

    const single = await download(id, '/tmp/site/assets/blob.bin');
    expect(single.meta).toMatchObject({ kind: 'file', fileName: 'blob.bin', size: files[1]!.data.length });
    expect(sha(single.bytes)).toBe(sha(files[1]!.data));

    // The folder comes as a tar, as `docker cp` makes it: unpacked with the real tar tool, every file is identical.
    const folder = await download(id, '/tmp/site');
    expect(folder.meta).toMatchObject({ kind: 'archive', fileName: 'site.tar' });
    const out = mkdtempSync(path.join(os.tmpdir(), 'minato-download-'));
    try {
      execFileSync('tar', ['-x', '-C', out], { input: folder.bytes });
      for (const file of files) expect(sha(readFileSync(path.join(out, file.path)))).toBe(sha(file.data));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('lists the root of a running container and refuses paths that escape the folder', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'root'), ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    const listing = await connected.client.call('files:list', { engineId: 'local', id, path: '/' });
    expect(listing.entries.some((entry) => entry.name === 'bin' && entry.type === 'directory')).toBe(true);
    const { uploadId } = await connected.client.call('files:uploadBegin', { engineId: 'local', id, directory: '/tmp' });
    await expect(connected.client.call('files:uploadFile', { uploadId, path: '../etc/passwd', size: 1 })).rejects.toMatchObject({ code: 'invalid-input' });
    await connected.client.call('files:uploadAbort', { uploadId });
    await expect(connected.client.call('files:list', { engineId: 'local', id, path: '/no/such/place' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('lists a running container one level deep through exec, never reading a big file further down', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'deep'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
      'mkdir -p /srv/deep/er && dd if=/dev/zero of=/srv/deep/er/big bs=1M count=300 2>/dev/null && echo hi > /srv/a.txt && ln -s /srv/a.txt /srv/link && touch /srv/ready && sleep 300']);
    await waitFor(async () => (await dockerCli(['exec', id, 'ls', '/srv'])).includes('ready'), 30_000, 'the big file to be written');
    const since = Math.floor(Date.now() / 1000) - 1;
    const started = performance.now();
    const listing = await connected.client.call('files:list', { engineId: 'local', id, path: '/srv' });
    const took = performance.now() - started;
    expect(listing.entries.map((entry) => `${entry.type}:${entry.name}`)).toEqual(['directory:deep', 'file:a.txt', 'symlink:link', 'file:ready']);
    expect(listing.entries.find((entry) => entry.name === 'a.txt')).toMatchObject({ size: 3, mode: 0o644 });
    expect(listing.entries.find((entry) => entry.name === 'link')?.linkTarget).toBe('/srv/a.txt');
    // The archive API (which would stream the 300 MB) was never asked: the engine logged no archive read.
    const until = Math.ceil(Date.now() / 1000) + 1;
    const reads = await dockerCli(['events', '--since', String(since), '--until', String(until), '--filter', `container=${id}`, '--filter', 'event=archive-path', '--format', '{{.Action}}']);
    expect(reads).toBe('');
    expect(took).toBeLessThan(3000);

    // Stopped, the same folder lists through the archive, with the same entries.
    await dockerCli(['stop', '-t', '0', id]);
    const archived = await connected.client.call('files:list', { engineId: 'local', id, path: '/srv' });
    expect(archived.entries.map((entry) => `${entry.type}:${entry.name}`)).toEqual(listing.entries.map((entry) => `${entry.type}:${entry.name}`));
  });

  it('downloads what a symlink points to, under the link\'s name', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'link'), ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
      'printf linked-bytes > /tmp/real.txt && ln -s real.txt /tmp/alias && mkdir /tmp/dir && echo x > /tmp/dir/x && ln -s /tmp/dir /tmp/dirlink && sleep 300']);
    await waitFor(async () => (await dockerCli(['exec', id, 'ls', '/tmp'])).includes('dirlink'), 10_000, 'the links');
    const file = await download(id, '/tmp/alias');
    expect(file.meta).toMatchObject({ kind: 'file', fileName: 'alias', size: 12 });
    expect(file.bytes.toString()).toBe('linked-bytes');
    const folder = await download(id, '/tmp/dirlink');
    expect(folder.meta).toMatchObject({ kind: 'archive', fileName: 'dirlink.tar' });
    expect(execFileSync('tar', ['-t'], { input: folder.bytes }).toString()).toContain('dir/x');
  });

  it('reading and writing files makes no change batch: a listing does not make itself stale', async () => {
    const id = await dockerCli(['run', '-d', '--name', testName(runId, 'quiet'), ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    const batches: ChangeBatch[] = [];
    const dispose = connected.client.subscribe('engines:changes', { engineId: 'local' }, { onEvent: (batch) => batches.push(batch) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    batches.length = 0;
    // Other tests may share the engine: only batches naming this container count.
    const ours = () => batches.filter((batch) => batch.ids.includes(id));
    const quietFor = async (ms: number) => {
      batches.length = 0;
      await connected.client.call('files:list', { engineId: 'local', id, path: '/tmp/up' });
      await download(id, '/tmp/up/note.txt');
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ours();
    };
    await upload(id, '/tmp', [{ path: 'up/note.txt', data: Buffer.from('note') }]);
    // Running: the upload (extract-to-dir), the exec listing (exec_*) and the download (archive-path).
    expect(ours()).toEqual([]);
    expect(await quietFor(1000)).toEqual([]);
    await dockerCli(['stop', '-t', '0', id]);
    await waitFor(() => ours().length > 0, 5000, 'the stop to be seen');
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Stopped: the listing reads the archive.
    expect(await quietFor(1000)).toEqual([]);
    dispose();
  });
});
