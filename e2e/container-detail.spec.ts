import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, buildTestImage, dockerCli, dockerLogs, testLabels, testName } from '../scripts/test-support/fixtures';
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
  await detail.openTerminal(name);

  // The shell's idea of the size must be xterm's actual rows and columns, before and after the window grows.
  const sttySize = async () => {
    await detail.typeInTerminal('clear; echo "size=$(stty size)="\n');
    await expect(detail.terminalText).toContainText(/size=\d+ \d+=/);
    const [, rows, cols] = (await detail.terminalText.textContent())?.match(/size=(\d+) (\d+)=/) ?? [];
    return { rows: Number(rows), cols: Number(cols) };
  };
  const before = await detail.terminalSize();
  expect(before.rows).toBeGreaterThan(5);
  expect(await sttySize()).toEqual(before);
  await page.setViewportSize({ width: 1500, height: 900 });
  await expect.poll(async () => (await detail.terminalSize()).cols).toBeGreaterThan(before.cols);
  // Resizes reach the engine debounced: ask again until the shell agrees with what xterm shows.
  await expect.poll(async () => JSON.stringify(await sttySize()), { timeout: 5000 }).toBe(JSON.stringify(await detail.terminalSize()));

  await detail.typeInTerminal('yes\n');
  // Interrupted mid-flood: once its lines fill the screen.
  await expect(detail.terminalText).toContainText('y'.repeat(5));
  const pressedAt = Date.now();
  await page.keyboard.press('Control+c');
  await detail.typeInTerminal('clear; echo done-$((40+2))\n');
  await expect(detail.terminalText).toContainText('done-42', { timeout: 5000 });
  expect(Date.now() - pressedAt).toBeLessThan(5000);

  await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((7*6))'));
  await page.keyboard.press('Control+Shift+V');
  // Pasted once (the browser's own paste is suppressed), then run.
  await expect(detail.terminalText).toContainText('echo pasted-$((7*6))');
  await page.keyboard.press('Enter');
  await expect(detail.terminalText).toContainText('pasted-42');
});

test('terminal on macOS: Cmd+C copies the selection, Cmd+V pastes, Ctrl+C still interrupts', async ({ containers, runId, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'platform', { get: () => 'MacIntel' });
    Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => ({ platform: 'macOS' }) });
  });
  const name = testName(runId, 'mac');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);

  await detail.typeInTerminal('sleep 30\n');
  // The interrupt must reach sleep rather than the shell: wait until it runs.
  await expect.poll(async () => (await dockerCli(['top', name])).includes('sleep 30')).toBe(true);
  await page.keyboard.press('Control+c');
  await detail.typeInTerminal('echo copy$((1+1))me\n');
  await expect(detail.terminalText.locator('> div', { hasText: /^copy2me/ })).toBeVisible({ timeout: 3000 });
  // xterm's own layer takes the mouse: double-click where the word is drawn to select it.
  const word = await detail.terminalText.locator('> div', { hasText: /^copy2me/ }).boundingBox();
  if (!word) throw new Error('the output row has no box');
  await page.mouse.dblclick(word.x + 12, word.y + word.height / 2);
  await page.keyboard.press('Meta+c');
  await expect.poll(() => detail.clipboard()).toBe('copy2me');

  await page.evaluate(() => navigator.clipboard.writeText('echo cmd-pasted-$((6*7))'));
  await detail.typeInTerminal('');
  await page.keyboard.press('Meta+v');
  await expect(detail.terminalText).toContainText('echo cmd-pasted-$((6*7))');
  await page.keyboard.press('Enter');
  await expect(detail.terminalText).toContainText('cmd-pasted-42');
});

test('terminal: reconnects by itself after `docker restart`, and a typed command works', async ({ containers, runId, page }) => {
  const name = testName(runId, 'restarts');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);
  await detail.typeInTerminal('echo before-$((20+1))\n');
  await expect(detail.terminalText).toContainText('before-21');

  await dockerCli(['restart', '-t', '1', name]);
  await expect(detail.terminalText).toContainText('reconnected', { timeout: 15_000 });
  await expect(detail.region.getByRole('button', { name: 'Reconnect' })).toHaveCount(0);
  await detail.typeInTerminal('echo after-$((40+2))\n');
  await expect(detail.terminalText).toContainText('after-42');
});

test('terminal: OSC 52 cannot write the clipboard and a hostile title is sanitised', async ({ containers, runId, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = testName(runId, 'escapes');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);
  await page.evaluate(async () => {
    await navigator.clipboard.writeText('untouched');
    const writes: string[] = [];
    (window as unknown as { clipboardWrites: string[] }).clipboardWrites = writes;
    const original = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      writes.push(text);
      return original(text);
    };
  });

  // OSC 52 asks the terminal to put "Hello" on the clipboard; OSC 0 sets a title with a right-to-left override.
  await detail.typeInTerminal("printf '\\033]52;c;SGVsbG8=\\007'; printf '\\033]0;evil\\342\\200\\256gnp.exe\\007'; echo osc-$((1+1))\n");
  await expect(detail.terminalText).toContainText('osc-2');
  const sessions = detail.region.getByRole('tablist', { name: 'Terminal sessions' });
  await expect(sessions.getByRole('tab', { selected: true })).toHaveText('1: evilgnp.exe');
  expect(await page.evaluate(() => (window as unknown as { clipboardWrites: string[] }).clipboardWrites)).toEqual([]);
  expect(await detail.clipboard()).toBe('untouched');
});

test('logs: follow a talking container: lines printed after the view opened arrive without a reload', async ({ containers, runId, page }) => {
  const name = testName(runId, 'ticker');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'i=0; while :; do i=$((i+1)); echo tick-$i; sleep 0.3; done']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.log).toContainText('tick-');
  const lastTick = async () => Number((await detail.log.locator('.log-line').last().textContent())?.match(/tick-(\d+)/)?.[1] ?? 0);
  const opened = await lastTick();

  // A line the test writes now, into the container's own stdout: it cannot have been in the first batch.
  await dockerCli(['exec', name, 'sh', '-c', 'echo marker-after-open > /proc/1/fd/1']);
  await expect(detail.log).toContainText('marker-after-open');
  await expect.poll(lastTick, { timeout: 10_000 }).toBeGreaterThan(opened + 3);
  await expect(detail.log.locator('.log-line').last()).toBeInViewport();
});

test('logs: "Load older" brings back exactly the lines before the oldest shown, however many share its instant', async ({ containers, runId, page }) => {
  const name = testName(runId, 'older');
  // A tight loop: many lines share a millisecond, which is where a boundary cut to the millisecond lost lines.
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'i=1; while [ $i -le 3000 ]; do echo n-$i; i=$((i+1)); done; sleep 300']);
  await expect.poll(async () => (await dockerLogs(name)).split('\n').filter(Boolean).length).toBe(3000);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.logLine('n-3000')).toBeVisible();
  await expect(detail.logStatus).toContainText('1,000 lines');

  await detail.region.getByRole('button', { name: 'Load older' }).click();
  await expect(detail.logStatus).toContainText('Loaded 1,000 older lines');
  await expect(detail.logStatus).toContainText('2,000 lines');
  await detail.followBox.uncheck();
  const numbers = (await detail.allLogLines()).map((text) => Number(text.replace('n-', '')));
  expect(numbers).toEqual(Array.from({ length: 2000 }, (_, index) => 1001 + index));

  // Twice more: the last 1000 lines, then nothing, said so.
  await detail.region.getByRole('button', { name: 'Load older' }).click();
  await expect(detail.logStatus).toContainText('3,000 lines');
  await detail.region.getByRole('button', { name: 'Load older' }).click();
  await expect(detail.logStatus).toContainText('Nothing older to load');
  await expect(detail.logStatus).toContainText('3,000 lines');

  // After Clear, older means up to the newest cleared line.
  await detail.region.getByRole('button', { name: 'Clear view' }).click();
  await expect(detail.logStatus).toContainText('0 lines');
  await detail.region.getByRole('button', { name: 'Load older' }).click();
  await expect(detail.logStatus).toContainText('Loaded 1,000 older lines');
  await detail.followBox.check();
  await expect(detail.logLine('n-3000')).toBeVisible();
  await expect(detail.log.locator('.log-line').last()).toHaveText('n-3000');
});

test('logs: while following, PageUp, Home or dragging up keep the place; back at the end it follows again', async ({ containers, runId, page }) => {
  const name = testName(runId, 'scroller');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'i=0; while :; do i=$((i+1)); echo tock-$i; [ $i -gt 300 ] && sleep 0.1; done']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.logLine('tock-300')).toHaveCount(1);
  const count = async () => Number((await detail.logStatus.textContent())?.match(/([\d,]+) lines?/)?.[1]?.replace(/,/g, '') ?? 0);

  /** Moves up one way, then checks the view stays there while lines keep coming. */
  const staysUp = async (moveUp: () => Promise<void>, backDown = () => detail.log.press('End')) => {
    await expect(detail.followBox).toBeChecked();
    await expect.poll(() => detail.logDistanceToBottom()).toBeLessThan(5);
    await moveUp();
    await expect(detail.followBox).not.toBeChecked();
    // Keys scroll smoothly: wait until the view has come to rest.
    const scrollTop = () => detail.log.evaluate((element) => element.scrollTop);
    let top = -1;
    await expect.poll(async () => top === (top = await scrollTop()), { intervals: [300] }).toBe(true);
    expect(await detail.logDistanceToBottom()).toBeGreaterThan(100);
    const before = await count();
    await expect.poll(count).toBeGreaterThan(before + 5);
    // New lines grew the log below the view; the view itself did not move.
    expect(await scrollTop()).toBe(top);
    await expect(detail.followBox).not.toBeChecked();
    // Back at the end, following turns on again and new lines are shown as they come.
    await backDown();
    await expect(detail.followBox).toBeChecked();
    const last = await count();
    await expect.poll(count).toBeGreaterThan(last + 5);
    await expect.poll(() => detail.logDistanceToBottom()).toBeLessThan(5);
  };
  await detail.log.focus();
  await staysUp(() => detail.log.press('PageUp'));
  await staysUp(() => detail.log.press('Home'));
  // A scrollbar drag is a plain scroll with no key or wheel: the position alone must tell.
  await staysUp(
    () => detail.log.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 3 })),
    () => detail.log.evaluate((element) => element.scrollTo({ top: element.scrollHeight })),
  );
});

test('logs: a 90,000-character line and invalid UTF-8 keep the view responsive and the lines around them', async ({ containers, runId, page }) => {
  const name = testName(runId, 'binary');
  await dockerCli([
    'run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c',
    "echo before-long; head -c 90000 /dev/zero | tr '\\000' x; echo; printf 'bin-\\377\\376-\\001\\002-end\\n'; echo after-binary; sleep 300",
  ]);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.log).toContainText('after-binary');
  await expect(detail.logLine('before-long')).toHaveCount(1);
  await expect(detail.log.locator('.log-line', { hasText: 'xxxxxxxxxx' })).toHaveText('x'.repeat(90_000));
  // Invalid bytes arrive as replacement characters; control characters are dropped, never rendered.
  await expect(detail.log.locator('.log-line', { hasText: 'bin-' })).toHaveText('bin-\ufffd\ufffd--end');

  const search = detail.region.getByRole('searchbox', { name: 'Search the log' });
  const typedAt = Date.now();
  await search.pressSequentially('after-bin');
  await detail.region.getByRole('checkbox', { name: 'Only matching lines' }).check();
  await expect(detail.log.locator('.log-line')).toHaveCount(1);
  await expect(detail.log.locator('mark')).toHaveText('after-bin');
  expect(Date.now() - typedAt).toBeLessThan(3000);
  await search.fill('xxxxx');
  await expect(detail.log.locator('.log-line')).toHaveCount(1);
  await search.fill('');
  await expect(detail.logLine('after-binary')).toBeVisible();
});

test('logs: select lines (click, Shift+click) across rows scrolled out of view and copy exactly those', async ({ containers, runId, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const name = testName(runId, 'select');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'for i in $(seq 1 300); do printf "\\033[32msel-%s\\033[0m\\n" $i; done; sleep 300']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Logs');
  await expect(detail.logLine('sel-300')).toBeVisible();
  await detail.region.getByRole('checkbox', { name: 'Follow' }).uncheck();
  await detail.log.evaluate((element) => {
    element.scrollTop = 0;
  });
  await detail.logLine('sel-20').click();
  await detail.log.evaluate((element) => {
    element.scrollTop = element.scrollHeight;
  });
  await detail.logLine('sel-280').click({ modifiers: ['Shift'] });
  await expect(detail.logLine('sel-20')).toHaveCount(0); // scrolled out: only the buffer still has it
  await expect(detail.region).toContainText('261 lines selected');

  const expected = Array.from({ length: 261 }, (_, index) => `sel-${index + 20}\n`).join('');
  await detail.region.getByRole('button', { name: 'Copy selected lines' }).click();
  await expect.poll(() => detail.clipboard()).toBe(expected);

  await page.evaluate(() => navigator.clipboard.writeText(''));
  await detail.log.focus();
  await page.keyboard.press('Control+c');
  await expect.poll(() => detail.clipboard()).toBe(expected);
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
  await expect.poll(async () => parseFloat((await detail.region.locator('[data-stat="cpu"]').textContent()) ?? '0'), { timeout: 15_000 }).toBeGreaterThan(20);
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

test('compose project: one merged log, each line prefixed by its service, that goes on after a member restarts', async ({ containers, runId, page }) => {
  const project = `minato-test-${runId}-proj`;
  for (const service of ['api', 'worker']) {
    await dockerCli([
      'run', '-d', '--name', testName(runId, service), ...testLabels(runId),
      '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`,
      TEST_IMAGE, 'sh', '-c',
      `n=$(cat /tmp/runs 2>/dev/null || echo 0); n=$((n+1)); echo $n > /tmp/runs; for i in 1 2 3; do echo ${service}-says-$i; sleep 0.1; done; echo ${service}-run-$n; sleep 300`,
    ]);
  }
  await containers.page.reload();
  const group = page.getByRole('row', { name: `Compose project ${project}` });
  await group.getByRole('button', { name: `${project}: Logs`, exact: true }).click();
  const log = page.getByRole('log', { name: `Logs of ${project}` });
  await expect(log).toContainText('api-says-3');
  await expect(log).toContainText('worker-says-3');
  await expect(log.locator('.log-line', { hasText: 'worker-says-1' }).locator('.log-prefix')).toHaveText('worker');

  await dockerCli(['restart', '-t', '1', testName(runId, 'api')]);
  await expect(log).toContainText('api-run-2', { timeout: 15_000 });
  // Each line once: the first run's lines are not fetched again with the second's.
  await expect(log.locator('.log-line', { hasText: 'api-says-1' })).toHaveCount(2);
  await expect(log.locator('.log-line', { hasText: 'api-run-1' })).toHaveCount(1);
});

/** A container whose every run prints 150 numbered lines and then `run-N-end`: each run can be told from the last. */
const COUNTING_RUNS =
  'n=$(cat /tmp/runs 2>/dev/null || echo 0); n=$((n+1)); echo $n > /tmp/runs; for i in $(seq 1 150); do echo run-$n-line-$i; done; echo run-$n-end; sleep 300';

for (const size of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`logs at ${size.width}×${size.height}: the newest line is whole on screen, also under the "Done" banner, and follow goes on after restarts`, async ({
    containers,
    runId,
    page,
  }) => {
    const name = testName(runId, `runs-${size.width}`);
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', COUNTING_RUNS]);
    await page.setViewportSize(size);
    await containers.page.reload();
    const detail = new DetailPage(page);
    await detail.openFor(name);
    await detail.tab('Logs');
    await expect(detail.logLine('run-1-end')).toBeVisible();
    await page.screenshot({ path: `/tmp/h2-shots/logs-${size.width}x${size.height}.png` });
    await expect.poll(() => detail.isWhollyVisible(detail.logLine('run-1-end'))).toBe(true);

    // Restarted from the toolbar: the "Done" banner opens above the list and the pane, and the new run's lines follow.
    const startedAt = () => dockerCli(['inspect', '-f', '{{.State.StartedAt}}', name]);
    const firstRun = await startedAt();
    await containers.select(name);
    await containers.act('Restart');
    await expect(page.getByRole('region', { name: 'Restart' }).getByText('Done')).toBeVisible({ timeout: 15_000 });
    // "Done" must mean a new run: the engine's start time moved on.
    expect(Date.parse(await startedAt())).toBeGreaterThan(Date.parse(firstRun));
    await expect(detail.logLine('run-2-end')).toBeVisible({ timeout: 15_000 });
    await page.screenshot({ path: `/tmp/h2-shots/logs-${size.width}x${size.height}-done.png` });
    await expect.poll(() => detail.isWhollyVisible(detail.logLine('run-2-end'))).toBe(true);

    // And with the CLI, as `docker restart` does it from outside.
    await dockerCli(['restart', '-t', '1', name]);
    await expect(detail.logLine('run-3-end')).toBeVisible({ timeout: 15_000 });
    // The runs follow one another in one view, each line once: 151 lines a run.
    await expect(detail.logStatus).toContainText('453 lines');
    await expect.poll(() => detail.isWhollyVisible(detail.logLine('run-3-end'))).toBe(true);
    await expect(detail.logStatus).toContainText('following its new run');
  });
}

/** The processes running in a container, as `docker top` lists them. */
async function processCount(name: string): Promise<number> {
  return (await dockerCli(['top', name])).split('\n').slice(1).filter(Boolean).length;
}

test('terminal: closing one (its button) or reloading the page ends its shell in the container', async ({ containers, runId, page }) => {
  const name = testName(runId, 'closing');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);
  await expect.poll(() => processCount(name)).toBe(2);

  // A second terminal whose shell ignores the hangup: it is ended all the same.
  await detail.region.getByRole('button', { name: 'New terminal' }).click();
  await expect(detail.terminalText).toContainText('#', { timeout: 10_000 });
  await detail.typeInTerminal("trap '' HUP; echo trapped-$((2*3))\n");
  await expect(detail.terminalText).toContainText('trapped-6');
  await expect.poll(() => processCount(name)).toBe(3);
  await detail.closeTerminal(2).click();
  await expect.poll(() => processCount(name), { timeout: 10_000 }).toBe(2);

  // Closing the details pane closes its terminals.
  await detail.region.getByRole('button', { name: 'Close details' }).click();
  await expect.poll(() => processCount(name), { timeout: 10_000 }).toBe(1);

  // So does reloading the page.
  await detail.openTerminal(name);
  await expect.poll(() => processCount(name)).toBe(2);
  await page.reload();
  await expect.poll(() => processCount(name), { timeout: 10_000 }).toBe(1);
});

test('terminal: says a stopped container is not running, and runs a command of one\'s own where there is no shell', async ({ containers, runId, page }) => {
  const image = `${testName(runId, 'shellless')}:1`;
  await buildTestImage(runId, image, `FROM ${TEST_IMAGE} AS base\nFROM scratch\nCOPY --from=base /bin/busybox /busybox\nCMD ["/busybox", "sleep", "600"]\n`);
  try {
    const stopped = testName(runId, 'stopped');
    const bare = testName(runId, 'bare');
    await dockerCli(['create', '--name', stopped, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
    await dockerCli(['run', '-d', '--name', bare, ...testLabels(runId), image]);
    await containers.page.reload();
    await containers.showAll();
    const detail = new DetailPage(page);

    await detail.openFor(stopped);
    await detail.tab('Terminal');
    await expect(detail.terminalStatus).toContainText('The container is not running: start it to open a terminal.');

    await detail.openFor(bare);
    await detail.tab('Terminal');
    await expect(detail.terminalStatus).toContainText('This container has no shell');
    await detail.terminalStatus.getByRole('textbox', { name: 'Command to run' }).fill('/nope --x');
    await detail.terminalStatus.getByRole('button', { name: 'Run' }).click();
    await expect(detail.terminalStatus).toContainText('“/nope” is not a program in this container.');
    await detail.terminalStatus.getByRole('textbox', { name: 'Command to run' }).fill('/busybox sh');
    await detail.terminalStatus.getByRole('button', { name: 'Run' }).click();
    await expect(detail.terminalText).toContainText('#', { timeout: 10_000 });
    await detail.typeInTerminal('echo own-$((3*5))\n');
    await expect(detail.terminalText).toContainText('own-15');
    await expect(detail.region.getByText('docker exec -it', { exact: false })).toContainText(`${bare} /busybox sh`);

    // Typed into the toolbar's field, a command with arguments is a command, not a refused shell path.
    await detail.region.getByRole('textbox', { name: 'Shell or command' }).fill('/busybox sh');
    await detail.region.getByRole('button', { name: 'New terminal' }).click();
    await expect(detail.terminalText).toContainText('#', { timeout: 10_000 });
    await expect(detail.region.locator('.terminal-panel:not([hidden]) .terminal-status')).not.toContainText('preferredShell');
  } finally {
    await removeContainersOf(image);
    await dockerCli(['image', 'rm', image]).catch(() => undefined);
  }
});

async function removeContainersOf(image: string): Promise<void> {
  const ids = await dockerCli(['ps', '-aq', '--filter', `ancestor=${image}`]).catch(() => '');
  if (ids) await dockerCli(['rm', '-f', ...ids.split('\n')]);
}

test('terminal at 1024×700: the bottom row (where the prompt is) and the status line are on screen', async ({ containers, runId, page }) => {
  const name = testName(runId, 'small-window');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  await page.setViewportSize({ width: 1024, height: 700 });
  await containers.page.reload();
  const detail = new DetailPage(page);
  await detail.openTerminal(name);
  await detail.typeInTerminal('seq 1 200; echo bottom-$((6*7))\n');
  await expect(detail.terminalText).toContainText('bottom-42');
  const bottomRow = detail.terminalText.locator('> div').last();
  const box = await bottomRow.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(700);
  const status = await detail.terminalStatus.boundingBox();
  expect(status && status.y + status.height).toBeLessThanOrEqual(700);
  // The terminal still fills what it is given: the shell sees the rows xterm shows.
  await detail.typeInTerminal('clear; echo "size=$(stty size)="\n');
  await expect(detail.terminalText).toContainText(`size=${(await detail.terminalSize()).rows} `);
});
