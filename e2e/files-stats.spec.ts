import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { DetailPage } from './pages/detail-page';
import { InsightPage } from './pages/insight-page';
import { expect, test } from './support/fixtures';

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A folder with nested subfolders, a binary file larger than one upload chunk, text and an empty file. */
function makeSite(root: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {
    'site/index.html': Buffer.from('<h1>港</h1>\n'),
    'site/assets/img/blob.bin': Buffer.from(Array.from({ length: 1_300_000 }, (_, index) => (index * 131 + (index >> 9)) % 256)),
    'site/assets/deep/er/still/note.txt': Buffer.from('nested\n'),
    'site/empty.txt': Buffer.alloc(0),
  };
  for (const [relative, data] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), data);
  }
  return files;
}

function expectSameFiles(unpacked: string, files: Record<string, Buffer>): void {
  for (const [relative, data] of Object.entries(files)) expect(sha(readFileSync(path.join(unpacked, relative))), relative).toBe(sha(data));
}

/** Downloads take the Blob path (a browser download event): the native save picker cannot be driven headlessly. */
async function withoutSavePicker(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
}

async function openFiles(page: Page, name: string): Promise<InsightPage> {
  await page.reload();
  await page.getByRole('radio', { name: 'All' }).check();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Files');
  return new InsightPage(detail);
}

test('files: upload a folder with subfolders into a stopped container, download it back byte-identical', async ({ containers, runId, page }) => {
  const name = testName(runId, 'site');
  await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
  await withoutSavePicker(page);
  await InsightPage.recordProgress(page);
  const files = await openFiles(containers.page, name);
  const work = mkdtempSync(path.join(os.tmpdir(), 'minato-folder-'));
  try {
    const source = makeSite(work);
    await files.openFolder('/tmp');
    await files.uploadFolder(path.join(work, 'site'));
    await expect(files.status('Uploaded 4 files')).toBeVisible();
    // Progress counts bytes: it ends at the whole size, with the file count beside it.
    expect(await files.progressSeen()).toContainEqual({ label: 'Upload progress', text: '1.24MiB of 1.24MiB sent · file 4 of 4' });

    await files.openFolder('/tmp/site');
    await expect(files.region.getByRole('button', { name: 'Open assets' })).toBeVisible();
    const downloadPromise = page.waitForEvent('download');
    await files.region.getByRole('button', { name: 'Download this folder' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe('site.tar');
    await expect(files.status(/^Downloaded site\.tar \(/)).toBeVisible();
    expect((await files.progressSeen()).some((seen) => seen.label === 'Download progress' && / received$/.test(seen.text))).toBe(true);

    const unpacked = path.join(work, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-x', '-C', unpacked, '-f', await download.path()]);
    expectSameFiles(unpacked, source);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('files: a folder dragged from the desktop is walked and uploaded with its structure', async ({ containers, runId }) => {
  const name = testName(runId, 'drop');
  const id = await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
  const files = await openFiles(containers.page, name);
  const work = mkdtempSync(path.join(os.tmpdir(), 'minato-drop-'));
  try {
    const source = makeSite(work);
    await files.openFolder('/tmp');
    const empty = files.region.getByText('This folder is empty.');
    await expect(empty).toBeVisible();
    await files.dropFolder(path.join(work, 'site'), empty);
    await expect(files.status('Uploaded 4 files')).toBeVisible();
    await expect(files.region.getByRole('button', { name: 'Open site' })).toBeVisible();

    // Checked with the docker CLI, independently of Minato's own download.
    const copied = path.join(work, 'copied');
    mkdirSync(copied);
    await dockerCli(['cp', `${id}:/tmp/site`, copied]);
    expectSameFiles(copied, source);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('files: with a save picker, a download streams to the picked file', async ({ containers, runId, page }) => {
  const name = testName(runId, 'stream');
  await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
  // The picker answers with a real file in the origin-private file system: the bytes go through a real
  // FileSystemWritableFileStream, chunk by chunk, as they would to a file a person picked.
  await page.addInitScript(() => {
    (window as unknown as { showSaveFilePicker: unknown }).showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) =>
      (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true });
  });
  await InsightPage.recordProgress(page);
  const files = await openFiles(containers.page, name);
  const work = mkdtempSync(path.join(os.tmpdir(), 'minato-stream-'));
  try {
    const source = makeSite(work);
    await files.openFolder('/tmp');
    await files.uploadFolder(path.join(work, 'site'));
    await expect(files.status('Uploaded 4 files')).toBeVisible();
    await files.openFolder('/tmp/site/assets/img');
    await files.region.getByRole('button', { name: 'Download blob.bin' }).click();
    await expect(files.status('Downloaded blob.bin (1.24MiB)')).toBeVisible();
    // A file's size is known from the archive stat, so its progress has a total.
    expect(await files.progressSeen()).toContainEqual({ label: 'Download progress', text: 'blob.bin: 1.24MiB of 1.24MiB received' });
    const saved = await page.evaluate(async () => {
      const file = await (await (await navigator.storage.getDirectory()).getFileHandle('blob.bin')).getFile();
      const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
      return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
    });
    expect(saved).toBe(sha(source['site/assets/img/blob.bin']!));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('files: after an upload the tab is quiet: no listing refetches itself', async ({ containers, runId, page }) => {
  const name = testName(runId, 'quiet');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  const calls = await InsightPage.countCalls(page, 'files:list');
  const files = await openFiles(containers.page, name);
  const work = mkdtempSync(path.join(os.tmpdir(), 'minato-quiet-'));
  try {
    makeSite(work);
    await files.openFolder('/tmp');
    await files.uploadFolder(path.join(work, 'site'));
    await expect(files.status('Uploaded 4 files')).toBeVisible();
    await expect(files.region.getByRole('button', { name: 'Open site' })).toBeVisible();
    // Each archive read or exec in the container is an engine event; none of them may make the listing stale.
    const settled = calls();
    // That no refetch comes takes time to show, by nature.
    await page.waitForTimeout(3000);
    expect(calls() - settled).toBe(0);
    expect(settled).toBeLessThanOrEqual(3);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('files: cancelling the save dialog of a large download leaves the tab usable', async ({ containers, runId, page }) => {
  const name = testName(runId, 'cancel');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'dd if=/dev/urandom of=/tmp/big.bin bs=1M count=5 2>/dev/null; sleep 300']);
  // The first save dialog is cancelled (Chromium rejects with an AbortError); the next one picks a real file.
  await page.addInitScript(() => {
    const state = window as unknown as { showSaveFilePicker: unknown; cancelSave: boolean };
    state.cancelSave = true;
    state.showSaveFilePicker = async ({ suggestedName }: { suggestedName: string }) => {
      if (state.cancelSave) throw new DOMException('The user aborted a request.', 'AbortError');
      return (await navigator.storage.getDirectory()).getFileHandle(suggestedName, { create: true });
    };
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const files = await openFiles(containers.page, name);
  await files.openFolder('/tmp');
  const download = files.region.getByRole('button', { name: 'Download big.bin' });
  await download.click();
  await expect(download).toBeEnabled();
  await expect(files.region.getByRole('button', { name: 'Download this folder' })).toBeEnabled();
  await expect(files.region.getByRole('progressbar')).toHaveCount(0);
  await expect(files.region.locator('.error-text')).toHaveCount(0);

  await page.evaluate(() => ((window as unknown as { cancelSave: boolean }).cancelSave = false));
  await download.click();
  await expect(files.status('Downloaded big.bin (5.00MiB)')).toBeVisible();
  expect(pageErrors).toEqual([]);
});

test('files: the tab says what read the folder: an exec as the container\'s own user, or the archive API for root', async ({ containers, runId }) => {
  const asUser = testName(runId, 'as-user');
  const asRoot = testName(runId, 'as-root');
  await dockerCli(['run', '-d', '-u', '1000:1000', '--name', asUser, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  await dockerCli(['run', '-d', '--name', asRoot, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);

  const userFiles = await openFiles(containers.page, asUser);
  await userFiles.openFolder('/');
  await expect(userFiles.region.getByRole('button', { name: 'Open bin' })).toBeVisible();
  await expect(userFiles.howListed).toHaveText(`Listed with docker exec -u 1000:1000 ${asUser} /bin/sh -c …: as the container’s own user (1000:1000), never as root.`);

  const rootFiles = await openFiles(containers.page, asRoot);
  await rootFiles.openFolder('/');
  await expect(rootFiles.region.getByRole('button', { name: 'Open bin' })).toBeVisible();
  await expect(rootFiles.howListed).toHaveText('Read through the engine’s archive API (as docker cp does): nothing runs in the container.');
});

test('terminal: changing the UI language keeps the session; the shown command names the real shell', async ({ containers, runId, page }) => {
  const name = testName(runId, 'lang');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);
  await expect(detail.region.getByText(new RegExp(`^docker exec -it ${name} /bin/(ash|bash|sh)$`))).toBeVisible();
  await detail.typeInTerminal('export X=kept\n');

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await page.getByRole('dialog').getByRole('combobox', { name: '言語' }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

  await detail.typeInTerminal('echo "X is $X"\n');
  await expect(detail.terminalText).toContainText('X is kept');
  await expect(detail.terminalText).not.toContainText('reconnected');
});

test('stats: five charts and the figures for a container under load', async ({ containers, runId, page }) => {
  const name = testName(runId, 'load');
  await dockerCli([
    'run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE,
    'sh', '-c', 'dd if=/dev/urandom of=/tmp/fill bs=64k count=160 2>/dev/null; sync; while :; do :; done',
  ]);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Stats');
  const stats = new InsightPage(detail);
  await expect.poll(async () => parseFloat((await stats.figure('cpu').textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(5);
  await expect(stats.figure('memory')).toContainText(/iB \/ .*iB \(\d+\.\d\d%\)/);
  await expect(stats.figure('network')).toContainText(/B \/ .*B$/);
  await expect(stats.figure('block')).toContainText(/B \/ .*B$/);
  expect(Number(await stats.figure('pids').textContent())).toBeGreaterThanOrEqual(1);
  await stats.expectCharts(['CPU % over time', 'Memory over time', 'Network I/O per second', 'Block I/O per second', 'PIDs over time']);
  // Two-line charts name their lines beside the title.
  await expect(stats.region.locator('figcaption').filter({ hasText: 'Network I/O per second' })).toContainText(/received.*sent/);
});
