// npm run bench:terminal — keystroke echo through exec in headless mode, `cat` of a 50 MB file into xterm, and the
// time from Ctrl-C to the prompt while `yes` floods the terminal. One run, one engine.
import { runWithHarness } from '../scripts/test-support/harness';
import { spawn } from 'node:child_process';
import { createMinatoClient, type ExecEvent } from '../engine/contract';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { connectWebSocket } from '../scripts/test-support/ws-transport';
import { median, ms, percentile, printTable, verdict } from './support';

const KEYSTROKES = 200;
const BIG_FILE_BYTES = 50 * 1000 * 1000;

function cliCat(dockerHost: string, container: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('docker', ['exec', container, 'cat', '/tmp/big'], { env: { ...process.env, DOCKER_HOST: dockerHost }, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`docker exec cat exited ${code}`))));
  });
}

async function echoLatencies(origin: string, token: string, id: string): Promise<number[]> {
  const ws = await connectWebSocket(origin, token);
  const client = createMinatoClient(ws.transport);
  let output = '';
  let execId = '';
  const waiters: Array<() => void> = [];
  const dispose = client.subscribe('containers:exec', { engineId: 'local', id, cols: 120, rows: 40 }, {
    onEvent: (event: ExecEvent) => {
      if (event.type === 'started') execId = event.execId;
      if (event.type === 'output') {
        output += event.data;
        waiters.splice(0).forEach((wake) => wake());
      }
    },
  });
  const waitFor = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (test() ? resolve() : waiters.push(check));
      check();
    });
  await waitFor(() => execId !== '' && output.includes('#'));
  const latencies: number[] = [];
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  for (let index = 0; index < KEYSTROKES; index++) {
    const key = alphabet[index % alphabet.length] as string;
    const before = output.length;
    const started = performance.now();
    await client.call('exec:input', { engineId: 'local', execId, data: key });
    await waitFor(() => output.slice(before).includes(key));
    latencies.push(performance.now() - started);
    if (index % 40 === 39) await client.call('exec:input', { engineId: 'local', execId, data: '\x15' }); // Ctrl-U: clear the line
  }
  dispose();
  ws.close();
  return latencies;
}

runWithHarness('bench:terminal', async ({ engine, server, browser, runId }) => {
  const name = testName(runId, 'term');
  const id = await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '3600']);
  await dockerCli(['exec', id, 'sh', '-c', `yes 'the quick brown fox jumps over the lazy dog 0123456789' | head -c ${BIG_FILE_BYTES} > /tmp/big`]);

  const latencies = await echoLatencies(server.origin, server.token, id);
  const cliCatMs = await cliCat(engine.dockerHost, id);

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(server.url);
  await page.getByRole('grid').getByRole('row', { name, exact: true }).dblclick();
  await page.getByRole('tab', { name: 'Terminal', exact: true }).click();
  const rows = page.locator('.terminal-panel:not([hidden]) .xterm-rows');
  await rows.filter({ hasText: '#' }).waitFor();
  await page.locator('.terminal-panel:not([hidden]) .xterm-helper-textarea').focus();
  const promptShown = () =>
    page.waitForFunction(
      () => {
        const lines = [...document.querySelectorAll('.terminal-panel:not([hidden]) .xterm-rows > div')].map((row) => row.textContent?.trimEnd() ?? '');
        const last = lines.filter((line) => line.length > 0).at(-1) ?? '';
        return last.endsWith('#');
      },
      undefined,
      { polling: 'raf', timeout: 300_000 },
    );

  // Echo as a person sees it: from the keydown in the page to xterm showing the character (it renders in an animation
  // frame, painted right after).
  await page.evaluate(() => {
    const rows = document.querySelector('.terminal-panel:not([hidden]) .xterm-rows') as HTMLElement;
    const input = document.querySelector('.terminal-panel:not([hidden]) .xterm-helper-textarea') as HTMLElement;
    const samples: number[] = [];
    (window as unknown as { __echo: number[] }).__echo = samples;
    let pending: { at: number; before: string } | undefined;
    input.addEventListener('keydown', (event) => (pending = { at: event.timeStamp, before: rows.textContent ?? '' }), true);
    new MutationObserver(() => {
      const shown = pending;
      if (!shown || rows.textContent === shown.before) return;
      pending = undefined;
      samples.push(performance.now() - shown.at);
    }).observe(rows, { subtree: true, childList: true, characterData: true });
  });
  const uiLatencies: number[] = [];
  for (let index = 0; index < KEYSTROKES; index++) {
    await page.keyboard.press('abcdefghijklmnopqrstuvwxyz'[index % 26] as string);
    await page.waitForFunction((count) => (window as unknown as { __echo: number[] }).__echo.length > count, index, { polling: 'raf' });
    if (index % 40 === 39) await page.keyboard.press('Control+u');
  }
  uiLatencies.push(...(await page.evaluate(() => (window as unknown as { __echo: number[] }).__echo)));
  await page.keyboard.press('Control+u');

  await page.keyboard.type('clear; cat /tmp/big\n');
  const catStarted = performance.now();
  await page.waitForTimeout(200);
  await promptShown();
  const catMs = performance.now() - catStarted;

  await page.keyboard.type('clear; yes\n');
  await page.waitForTimeout(1500);
  const interruptAt = performance.now();
  await page.keyboard.press('Control+c');
  await promptShown();
  const ctrlCMs = performance.now() - interruptAt;

  printTable('Terminal (headless mode, Chromium, xterm)', ['measure', 'value', 'target'], [
    [`keystroke echo p50 (${KEYSTROKES} keys, contract over WebSocket → exec → back)`, ms(median(latencies)), ''],
    [`keystroke echo p95, same`, ms(percentile(latencies, 95)), `≤ 30 ms: ${verdict(percentile(latencies, 95) <= 30)}`],
    [`keystroke echo p50 (${KEYSTROKES} keys typed in the page: keydown → shown by xterm)`, ms(median(uiLatencies)), ''],
    [`keystroke echo p95, same`, ms(percentile(uiLatencies, 95)), `≤ 30 ms: ${verdict(percentile(uiLatencies, 95) <= 30)}`],
    ['cat of a 50 MB file: docker exec cat > /dev/null', `${ms(cliCatMs)} (${(BIG_FILE_BYTES / 1e6 / (cliCatMs / 1000)).toFixed(0)} MB/s)`, ''],
    ['cat of a 50 MB file into Minato\'s terminal, to the prompt', `${ms(catMs)} (${(BIG_FILE_BYTES / 1e6 / (catMs / 1000)).toFixed(1)} MB/s)`, ''],
    ['Ctrl-C during `yes` → prompt shown', ms(ctrlCMs), `≤ 200 ms: ${verdict(ctrlCMs <= 200)}`],
  ]);
});
