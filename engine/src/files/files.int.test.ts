import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeBatch, DownloadEvent } from '../../contract';
import { engineForThisFile, waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, buildTestImage, dockerCli, testLabels, testName } from '../../../scripts/test-support/fixtures';

const { runId, connected } = engineForThisFile();

/**
 * An image whose folder early on PATH belongs to an unprivileged user (1000, "app") who planted a fake `sh`, `stat`,
 * `readlink` and `ls` there: each leaves a marker named after the uid it ran as, then does the real thing. /srv
 * belongs to that user too, and so does /etc/passwd (so "app" can make its own name stand for uid 0).
 */
const plantedImage = `${testName(runId, 'planted')}:1`;
const PLANTED_DOCKERFILE = `FROM ${TEST_IMAGE}
RUN mkdir -p /usr/local/bin /markers /srv \\
 && /bin/busybox chmod 1777 /markers \\
 && for tool in sh stat readlink ls; do printf '#!/bin/sh\\necho planted > /markers/%s-$(/bin/busybox id -u)\\nexec /bin/busybox %s "$@"\\n' $tool $tool > /usr/local/bin/$tool; done \\
 && /bin/busybox chmod 755 /usr/local/bin/* \\
 && mkdir -p /etc && echo 'root:x:0:0:root:/root:/bin/sh' > /etc/passwd && echo 'app:x:1000:1000:app:/srv:/bin/sh' >> /etc/passwd \\
 && /bin/busybox chown -R 1000:1000 /usr/local/bin /srv /etc/passwd
ENV PATH=/usr/local/bin:/bin
`;

beforeAll(async () => {
  await buildTestImage(runId, plantedImage, PLANTED_DOCKERFILE);
}, 60_000);

afterAll(async () => {
  await dockerCli(['ps', '-aq', '--filter', `ancestor=${plantedImage}`]).then((ids) => (ids ? dockerCli(['rm', '-f', ...ids.split('\n')]) : ''));
  await dockerCli(['image', 'rm', plantedImage]).catch(() => undefined);
});

/** The uids the planted tools ran as, read with the real busybox (nothing planted runs for this). */
async function plantedRunsAs(id: string): Promise<string[]> {
  const names = await dockerCli(['exec', '-u', '1000:1000', id, '/bin/busybox', 'ls', '/markers']);
  return names.split('\n').filter(Boolean);
}

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

  it('lists a running container one level deep through exec as its own user, never reading a big file further down', async () => {
    const id = await dockerCli(['run', '-d', '-u', '1000:1000', '--name', testName(runId, 'deep'), ...testLabels(runId), plantedImage, '/bin/sh', '-c',
      'mkdir -p /srv/deep/er && dd if=/dev/zero of=/srv/deep/er/big bs=1M count=300 2>/dev/null && echo hi > /srv/a.txt && /bin/busybox chmod 644 /srv/a.txt && /bin/busybox ln -s /srv/a.txt /srv/link && touch /srv/ready && sleep 300']);
    await waitFor(async () => (await dockerCli(['exec', id, '/bin/ls', '/srv'])).includes('ready'), 30_000, 'the big file to be written');
    const since = Math.floor(Date.now() / 1000) - 1;
    const started = performance.now();
    const listing = await connected.client.call('files:list', { engineId: 'local', id, path: '/srv' });
    const took = performance.now() - started;
    expect(listing.via).toEqual({ kind: 'exec', user: '1000:1000' });
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
    expect(archived.via).toEqual({ kind: 'archive' });
    expect(archived.entries.map((entry) => `${entry.type}:${entry.name}`)).toEqual(listing.entries.map((entry) => `${entry.type}:${entry.name}`));
  });

  it('never runs a program the container\'s user could have planted as root', async () => {
    // A user-less (root) container: the folder is read through the archive API, nothing runs in the container.
    const rootId = await dockerCli(['run', '-d', '--name', testName(runId, 'planted-root'), ...testLabels(runId), plantedImage, '/bin/sleep', '300']);
    const asRoot = await connected.client.call('files:list', { engineId: 'local', id: rootId, path: '/srv' });
    expect(asRoot.via).toEqual({ kind: 'archive' });
    expect(await plantedRunsAs(rootId)).toEqual([]);

    // The container's own user: the planted tools may run, but only as that user, who could run them anyway.
    const userId = await dockerCli(['run', '-d', '-u', 'app', '--name', testName(runId, 'planted-user'), ...testLabels(runId), plantedImage, '/bin/sleep', '300']);
    const asUser = await connected.client.call('files:list', { engineId: 'local', id: userId, path: '/usr/local/bin' });
    expect(asUser.via).toEqual({ kind: 'exec', user: '1000:1000' });
    expect(asUser.entries.map((entry) => entry.name)).toEqual(['ls', 'readlink', 'sh', 'stat']);
    expect((await plantedRunsAs(userId)).filter((marker) => marker.endsWith('-0'))).toEqual([]);

    // "app" rewrites /etc/passwd so that its name stands for uid 0: the listing still never runs as root.
    await dockerCli(['exec', '-u', '1000:1000', userId, '/bin/sh', '-c', "echo 'app:x:0:0:app:/srv:/bin/sh' > /etc/passwd"]);
    const renamed = await connected.client.call('files:list', { engineId: 'local', id: userId, path: '/srv' });
    expect(renamed.via).toEqual({ kind: 'archive' });
    expect((await plantedRunsAs(userId)).filter((marker) => marker.endsWith('-0'))).toEqual([]);

    // The trap is armed: what the listing used to do (`sh` looked up on PATH, as root) runs the planted shell.
    await dockerCli(['exec', '-u', '0', rootId, 'sh', '-c', 'true']);
    expect(await plantedRunsAs(rootId)).toEqual(['sh-0']);
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
    const before = connected.openCount();
    const dispose = connected.client.subscribe('engines:changes', { engineId: 'local' }, { onEvent: (batch) => batches.push(batch) });
    await waitFor(() => connected.openCount() > before, 2000, 'the subscription to open');
    // The engine reports events in order: once a container created now is named, the run's own events are behind us.
    let markers = 0;
    const settle = async () => {
      const marker = await dockerCli(['create', '--name', testName(runId, `marker-${++markers}`), ...testLabels(runId), TEST_IMAGE, 'true']);
      await waitFor(() => batches.some((batch) => batch.ids.includes(marker)), 5000, 'the marker container to be reported');
    };
    await settle();
    batches.length = 0;
    // Other tests may share the engine: only batches naming this container count.
    const ours = () => batches.filter((batch) => batch.ids.includes(id));
    const quietFor = async (ms: number) => {
      batches.length = 0;
      await connected.client.call('files:list', { engineId: 'local', id, path: '/tmp/up' });
      await download(id, '/tmp/up/note.txt');
      // That no batch comes takes time to show, by nature.
      await new Promise((resolve) => setTimeout(resolve, ms));
      return ours();
    };
    await upload(id, '/tmp', [{ path: 'up/note.txt', data: Buffer.from('note') }]);
    // Running: the upload (extract-to-dir), the exec listing (exec_*) and the download (archive-path).
    expect(ours()).toEqual([]);
    expect(await quietFor(1000)).toEqual([]);
    await dockerCli(['stop', '-t', '0', id]);
    await waitFor(() => ours().length > 0, 5000, 'the stop to be seen');
    await settle();
    // Stopped: the listing reads the archive.
    expect(await quietFor(1000)).toEqual([]);
    dispose();
  });
});
