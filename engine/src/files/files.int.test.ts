import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DownloadEvent } from '../../contract';
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
});
