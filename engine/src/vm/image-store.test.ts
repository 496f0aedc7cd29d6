import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MinatoError, type TaskSummary } from '../../contract';
import { createTaskManager } from '../tasks/task-manager';
import { DEFAULT_VM_IMAGE_URL, vmImageUrl, VmImageStore } from './image-store';
import { sha256Hex } from './image-store-manifest';
import { startVmImageDownload } from './image-store-task';

const VERSION = '9.8.7';
const ARCH = 'x86_64';

/** An image folder as `npm run vm:image` writes it, with random contents (the store checks bytes, not meaning). */
async function makeImage(folder: string, sizes = { 'disk.qcow2': 3_000_000, vmlinuz: 200_000, 'initrd.img': 90_000 }, version = VERSION) {
  await mkdir(folder, { recursive: true });
  const files = [];
  for (const [name, size] of Object.entries(sizes)) {
    const data = randomBytes(size);
    await writeFile(path.join(folder, name), data);
    files.push({ name, size, sha256: sha256Hex(data) });
  }
  const manifest = `${JSON.stringify({ version, arch: ARCH, debian: 'bookworm', cmdline: 'root=/dev/vda rw', files }, null, 2)}\n`;
  await writeFile(path.join(folder, 'manifest.json'), manifest);
  await writeFile(path.join(folder, 'manifest.json.sha256'), `${sha256Hex(manifest)}  manifest.json\n`);
}

/** Files are compared by SHA-256: a deep equality of megabyte Buffers takes minutes. */
const digest = async (file: string) => sha256Hex(await readFile(file));

interface Served {
  name: string;
  range?: string;
  status: number;
  bytes: number;
}

/**
 * A real HTTP server for the image's files at /<version>/<arch>/<name>, with Range support, and what a test asks of
 * it: cut a file's first answer after some bytes, answer other bytes than the file's.
 */
async function startServer(folder: string) {
  const served: Served[] = [];
  const cutFirst = new Map<string, number>();
  const server = http.createServer((request, response) => {
    // Release assets answer with a redirect to where the bytes are (GitHub sends them to its object store).
    if (request.url?.startsWith('/moved/')) {
      response.writeHead(302, { location: request.url.slice('/moved'.length) }).end();
      return;
    }
    const name = decodeURIComponent(request.url ?? '').split('/').pop() ?? '';
    void readFile(path.join(folder, name)).then(
      (data) => {
        const range = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
        const start = range ? Number(range[1]) : 0;
        const body = data.subarray(start);
        const record: Served = { name, range: request.headers.range, status: range ? 206 : 200, bytes: 0 };
        served.push(record);
        response.writeHead(record.status, {
          'content-length': body.length,
          'accept-ranges': 'bytes',
          ...(range ? { 'content-range': `bytes ${start}-${data.length - 1}/${data.length}` } : {}),
        });
        const cut = cutFirst.get(name);
        if (cut !== undefined) {
          cutFirst.delete(name);
          record.bytes = cut;
          // The connection drops mid-file: the headers promised the whole file.
          response.write(body.subarray(0, cut), () => setTimeout(() => request.socket.destroy(), 20));
          return;
        }
        record.bytes = body.length;
        response.end(body);
      },
      () => {
        served.push({ name, status: 404, bytes: 0 });
        response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/{version}/{arch}`,
    served,
    cutFirst,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function expectRefusal(promise: Promise<unknown>, key: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(MinatoError);
  expect((error as MinatoError).key).toBe(key);
}

describe('VmImageStore', () => {
  let dir: string;
  let source: string;
  let root: string;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'minato-test-vm-image-'));
    source = path.join(dir, 'published');
    root = path.join(dir, 'store');
    await makeImage(source);
    server = await startServer(source);
  });

  afterEach(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const store = (options: { retries?: number; version?: string } = {}) =>
    new VmImageStore({ root, version: options.version ?? VERSION, arch: ARCH, url: server.url, retries: options.retries });

  it('downloads the image, checks every file and installs it whole; progress ends at the total', async () => {
    const progress: number[] = [];
    const installed = await store().download({ onProgress: (p) => p.total > 0 && progress.push(p.current / p.total) });
    expect(installed.folder).toBe(path.join(root, `${VERSION}-${ARCH}`));
    for (const name of ['disk.qcow2', 'vmlinuz', 'initrd.img', 'manifest.json', 'manifest.json.sha256']) {
      expect(await digest(path.join(installed.folder, name))).toBe(await digest(path.join(source, name)));
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await store().imageFolder()).toBe(installed.folder);
    expect(await readdir(root)).toEqual([`${VERSION}-${ARCH}`]);
    expect(server.served.map((s) => s.name)).toEqual(['manifest.json.sha256', 'manifest.json', 'disk.qcow2', 'vmlinuz', 'initrd.img']);
  });

  it('refuses a file that does not match its checksum, deletes it, and installs nothing', async () => {
    const kernel = await readFile(path.join(source, 'vmlinuz'));
    kernel[1000] = kernel[1000]! ^ 0xff;
    await writeFile(path.join(source, 'vmlinuz'), kernel);
    await expectRefusal(store().download(), 'vmImage.checksum');
    expect(existsSync(path.join(root, `.partial-${VERSION}-${ARCH}`, 'vmlinuz'))).toBe(false);
    expect(await store().installed()).toBeUndefined();
    expect(existsSync(path.join(root, `${VERSION}-${ARCH}`))).toBe(false);
  });

  it("refuses a manifest that does not match its checksum file before fetching any of the image's files", async () => {
    const manifest = await readFile(path.join(source, 'manifest.json'), 'utf8');
    await writeFile(path.join(source, 'manifest.json'), manifest.replace('bookworm', 'trixie!!'));
    await expectRefusal(store().download(), 'vmImage.checksum');
    expect(server.served.map((s) => s.name)).toEqual(['manifest.json.sha256', 'manifest.json']);
  });

  it("refuses another version's image", async () => {
    await expectRefusal(store({ version: '1.0.0' }).download(), 'vmImage.otherImage');
  });

  it('resumes a download whose connection was cut, from the bytes it already had (HTTP Range)', async () => {
    server.cutFirst.set('disk.qcow2', 1_200_000);
    const log: string[] = [];
    const installed = await store().download({ log: (line) => log.push(line) });
    expect(await digest(path.join(installed.folder, 'disk.qcow2'))).toBe(await digest(path.join(source, 'disk.qcow2')));
    const disk = server.served.filter((s) => s.name === 'disk.qcow2');
    expect(disk).toHaveLength(2);
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(disk[1]!.range ?? '')?.[1]);
    expect(disk[1]!.status).toBe(206);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(1_200_000);
    // Only what was missing travelled the second time.
    expect(disk[1]!.bytes).toBe(3_000_000 - resumedAt);
    expect(log.some((line) => line.includes('resuming'))).toBe(true);
  });

  it('keeps a cut download for the next try, which resumes it', async () => {
    server.cutFirst.set('disk.qcow2', 700_000);
    await expectRefusal(store({ retries: 0 }).download(), 'vmImage.unreachable');
    const kept = (await stat(path.join(root, `.partial-${VERSION}-${ARCH}`, 'disk.qcow2'))).size;
    expect(kept).toBeGreaterThan(0);
    const installed = await store({ retries: 0 }).download();
    expect(await digest(path.join(installed.folder, 'disk.qcow2'))).toBe(await digest(path.join(source, 'disk.qcow2')));
    expect(server.served.filter((s) => s.name === 'disk.qcow2').at(-1)?.range).toBe(`bytes=${kept}-`);
  });

  it('follows a redirect to where the files are', async () => {
    const moved = new VmImageStore({ root, version: VERSION, arch: ARCH, url: server.url.replace('/{version}', '/moved/{version}') });
    const installed = await moved.download();
    expect(await digest(path.join(installed.folder, 'vmlinuz'))).toBe(await digest(path.join(source, 'vmlinuz')));
  });

  it('stops when cancelled, keeping what it fetched for the next download', async () => {
    const controller = new AbortController();
    const download = store().download({
      signal: controller.signal,
      // Well into the file: the write stream's small buffer means the first megabyte is on disk by then.
      onProgress: (p) => p.file === 'disk.qcow2' && p.current > 1_500_000 && controller.abort(new Error('cancelled by the test')),
    });
    await expect(download).rejects.toThrow('cancelled by the test');
    expect(await store().installed()).toBeUndefined();
    const kept = (await stat(path.join(root, `.partial-${VERSION}-${ARCH}`, 'disk.qcow2'))).size;
    expect(kept).toBeGreaterThan(0);
    await store().download();
    expect(server.served.filter((s) => s.name === 'disk.qcow2').at(-1)?.range).toBe(`bytes=${kept}-`);
  });

  it('says where nothing was found: a 404 names the URL and the version', async () => {
    await rm(path.join(source, 'manifest.json.sha256'));
    const error = await store()
      .download()
      .catch((caught: unknown) => caught as MinatoError);
    expect(error).toBeInstanceOf(MinatoError);
    expect((error as MinatoError).key).toBe('vmImage.httpStatus');
    expect((error as MinatoError).params).toMatchObject({ version: VERSION, arch: ARCH, status: '404 Not Found' });
  });

  it('runs a download as a vm-image task with byte progress', async () => {
    const tasks = createTaskManager({ updateIntervalMs: 0 });
    const ended = new Promise<TaskSummary>((resolve) => tasks.watch((task) => task.state !== 'running' && resolve(task)));
    const id = startVmImageDownload(tasks, store(), { engineId: 'vm', version: VERSION, arch: ARCH, url: server.url });
    const task = await ended;
    expect(task).toMatchObject({ id, kind: 'vm-image', state: 'succeeded', progress: { unit: 'bytes', current: 3_290_000, total: 3_290_000 } });
    expect(task.command).toContain(`curl -fL -C - --remote-name-all `);
    expect(task.command).toContain(vmImageUrl(server.url, VERSION, ARCH, 'disk.qcow2'));
    tasks.close();
  });

  it('imports a folder (or its manifest.json) with the same checks', async () => {
    const installed = await store().importFrom(path.join(source, 'manifest.json'));
    expect(await digest(path.join(installed.folder, 'initrd.img'))).toBe(await digest(path.join(source, 'initrd.img')));
    expect(await store().imageFolder()).toBe(installed.folder);
    expect(server.served).toEqual([]);

    const other = path.join(dir, 'other');
    await makeImage(other);
    const disk = await readFile(path.join(other, 'disk.qcow2'));
    disk[0] = disk[0]! ^ 1;
    await writeFile(path.join(other, 'disk.qcow2'), disk);
    await expectRefusal(store().importFrom(other), 'vmImage.checksum');
    // The image installed before is still the one there.
    expect(await digest(path.join(installed.folder, 'disk.qcow2'))).toBe(await digest(path.join(source, 'disk.qcow2')));
    disk[0] = disk[0]! ^ 1;
    await writeFile(path.join(other, 'disk.qcow2'), disk);
    await rm(path.join(other, 'vmlinuz'));
    await expectRefusal(store().importFrom(other), 'vmImage.missingFile');
    await expectRefusal(store().importFrom(path.join(other, 'nope')), 'vmImage.noFolder');
    await expectRefusal(store().importFrom(path.join(other, 'disk.qcow2')), 'vmImage.notFolder');
    await rm(path.join(other, 'manifest.json'));
    await expectRefusal(store().importFrom(other), 'vmImage.missingFile');
    expect(existsSync(path.join(root, `.partial-${VERSION}-${ARCH}`, 'disk.qcow2'))).toBe(false);
  });
});

describe('vmImageUrl', () => {
  it('fills in the version, the architecture and the file name, or appends the name to a folder URL', () => {
    expect(vmImageUrl(DEFAULT_VM_IMAGE_URL, '0.1.0', 'aarch64', 'disk.qcow2')).toBe(
      'https://github.com/minato-app/minato/releases/download/v0.1.0/minato-vm-aarch64-disk.qcow2',
    );
    expect(vmImageUrl('http://mirror.example/vm/{version}/{arch}/', '0.1.0', 'x86_64', 'manifest.json')).toBe(
      'http://mirror.example/vm/0.1.0/x86_64/manifest.json',
    );
  });
});
