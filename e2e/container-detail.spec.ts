import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, dockerCli, dockerLogs, testLabels, testName } from '../scripts/test-support/fixtures';
import { DetailPage } from './pages/detail-page';
import { expect, test } from './support/fixtures';

// Downloads take the Blob path in tests: the native save picker cannot be driven headlessly.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
});

test('logs: tail, stdout/stderr, search with only matching lines, and a download equal to the engine log', async ({ containers, runId, page }) => {
  const name = testName(runId, 'talker');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'for i in $(seq 1 40); do echo line-$i; echo warn-$i >&2; done; sleep 300']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.log).toContainText('line-40');
  await expect(detail.log.locator('.log-line.stderr').first()).toContainText('warn-');

  await detail.region.getByRole('searchbox', { name: 'Search the log' }).fill('line-3');
  await detail.region.getByRole('checkbox', { name: 'Only matching lines' }).check();
  await expect(detail.log.locator('.log-line')).toHaveCount(11); // line-3 and line-30 … line-39
  await expect(detail.log.locator('mark').first()).toHaveText('line-3');

  const downloadPromise = page.waitForEvent('download');
  await detail.region.getByRole('button', { name: 'Download' }).click();
  const download = await downloadPromise;
  const saved = readFileSync(await download.path());
  // docker logs prints stdout and stderr on two pipes; compare the lines, not their interleaving.
  const sorted = (text: string) => text.trim().split('\n').sort().join('\n');
  expect(sorted(saved.toString('utf8'))).toBe(sorted(await dockerLogs(name)));
  expect(saved.toString('utf8').split('\n').filter(Boolean)).toHaveLength(80);
});

test('terminal: the shell sees the terminal size, survives a flood and Ctrl-C, and takes a pasted line', async ({ containers, runId, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = testName(runId, 'shell');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Terminal');
  await expect(detail.terminalText).toContainText('#', { timeout: 10_000 });

  await detail.typeInTerminal('stty size\n');
  await expect(detail.terminalText).toContainText(/\d+ \d+/);
  const first = (await detail.terminalText.textContent())?.match(/(\d+) (\d+)/);
  await page.setViewportSize({ width: 1500, height: 900 });
  await page.waitForTimeout(400);
  await detail.typeInTerminal('clear; stty size\n');
  await expect.poll(async () => (await detail.terminalText.textContent())?.match(/(\d+) (\d+)/)?.[0], { timeout: 5000 }).not.toBe(first?.[0]);

  await detail.typeInTerminal('yes\n');
  await page.waitForTimeout(700);
  const pressedAt = Date.now();
  await page.keyboard.press('Control+c');
  await detail.typeInTerminal('clear; echo done-$((40+2))\n');
  await expect(detail.terminalText).toContainText('done-42', { timeout: 5000 });
  expect(Date.now() - pressedAt).toBeLessThan(5000);

  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((7*6))'));
  await page.keyboard.press('Control+Shift+V');
  await page.keyboard.press('Enter');
  await expect(detail.terminalText).toContainText('pasted-42');
});

test('stats, processes, changes and inspect show what the engine reports', async ({ containers, runId, page }) => {
  const name = testName(runId, 'busy');
  await dockerCli([
    'run', '-d', '--name', name, ...testLabels(runId), '-e', 'DB_PASSWORD=hunter2', TEST_IMAGE,
    'sh', '-c', 'mkdir -p /data && echo x > /data/created-by-test && while :; do :; done',
  ]);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);

  await detail.tab('Stats');
  await expect.poll(async () => parseFloat((await detail.region.locator('[data-stat="cpu"]').textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(50);
  await expect(detail.region.getByRole('img', { name: 'CPU % over time' })).toBeVisible();

  await detail.tab('Processes');
  await expect(detail.region.getByRole('table')).toContainText('while');

  await detail.tab('Changes');
  await expect(detail.region.getByRole('list', { name: 'Changes' })).toContainText('/data/created-by-test');

  await detail.tab('Inspect');
  await detail.region.getByRole('searchbox', { name: 'Search the JSON' }).fill('DB_PASSWORD');
  await expect(detail.region).toContainText('DB_PASSWORD=••••••');
  await expect(detail.region).not.toContainText('hunter2');
  await detail.region.getByRole('button', { name: 'Reveal' }).click();
  await expect(detail.region).toContainText('DB_PASSWORD=hunter2');
});

test('files: upload a folder into a stopped container and download a file back byte-identical', async ({ containers, runId, page }) => {
  const name = testName(runId, 'files');
  await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
  await containers.showAll();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Files');
  await detail.region.getByRole('textbox', { name: 'Path' }).fill('/tmp');
  await detail.region.getByRole('button', { name: 'Go', exact: true }).click();

  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-upload-'));
  try {
    const bytes = Buffer.from(Array.from({ length: 700_000 }, (_, index) => (index * 7) % 256));
    writeFileSync(path.join(dir, 'blob.bin'), bytes);
    writeFileSync(path.join(dir, 'note.txt'), '港\n');
    await detail.region.getByLabel('Upload files').setInputFiles([path.join(dir, 'blob.bin'), path.join(dir, 'note.txt')]);
    await expect(detail.region.getByText('Uploaded 2 files')).toBeVisible();
    await expect(detail.region.getByRole('table')).toContainText('blob.bin');

    const downloadPromise = page.waitForEvent('download');
    await detail.region.getByRole('button', { name: 'Download blob.bin' }).click();
    const download = await downloadPromise;
    const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
    expect(sha(readFileSync(await download.path()))).toBe(sha(bytes));
    expect(download.suggestedFilename()).toBe('blob.bin');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('compose project: one merged log, each line prefixed by its service', async ({ containers, runId, page }) => {
  const project = `minato-test-${runId}-proj`;
  for (const service of ['api', 'worker']) {
    await dockerCli([
      'run', '-d', '--name', testName(runId, service), ...testLabels(runId),
      '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`,
      TEST_IMAGE, 'sh', '-c', `for i in 1 2 3; do echo ${service}-says-$i; sleep 0.1; done; sleep 300`,
    ]);
  }
  await containers.page.reload();
  const group = page.getByRole('row', { name: `Compose project ${project}` });
  await group.getByRole('button', { name: 'Logs', exact: true }).click();
  const log = page.getByRole('log', { name: `Logs of ${project}` });
  await expect(log).toContainText('api-says-3');
  await expect(log).toContainText('worker-says-3');
  await expect(log.locator('.log-line', { hasText: 'worker-says-1' }).locator('.log-prefix')).toHaveText('worker');
});
