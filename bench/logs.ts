// npm run bench:logs — a container's log read into Minato's view versus `docker logs -f` into /dev/null, the
// renderer's heap at 50,000 and at 1,000,000 lines, and input latency while it streams. One run, one engine.
import { runWithHarness } from '../scripts/test-support/harness';
import { spawn } from 'node:child_process';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { median, ms, percentile, printTable, verdict } from './support';

const LINES = Number(process.env.MINATO_BENCH_LOG_LINES ?? 1_000_000);

function cliRate(dockerHost: string, container: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('docker', ['logs', '-f', container], { env: { ...process.env, DOCKER_HOST: dockerHost }, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`docker logs exited ${code}`))));
  });
}

runWithHarness('bench:logs', async ({ engine, server, browser, runId }) => {
  const name = testName(runId, 'chatty');
  console.log(`Writing ${LINES.toLocaleString('en')} log lines…`);
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', `yes 'a log line of the sort a web server writes, with some words in it' | head -n ${LINES}`]);
  await dockerCli(['wait', name]);

  const cliMs = await cliRate(engine.dockerHost, name);

  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const cdp = await page.context().newCDPSession(page);
  await page.goto(server.url);
  await page.getByRole('radio', { name: 'All' }).check();
  await page.getByRole('grid').getByRole('row', { name, exact: true }).dblclick();
  await page.getByRole('tab', { name: 'Logs', exact: true }).click();
  const tail = page.getByRole('spinbutton', { name: 'Last lines' });
  await tail.fill('0');
  await page.waitForTimeout(300);
  // The view counts the lines it takes in on a plain number (use-log-stream.ts): reading it costs the page nothing.
  const taken = () => page.evaluate(() => (globalThis as { minatoLogLines?: number }).minatoLogLines ?? 0);
  const before = await taken();
  const linesIn = async () => (await taken()) - before;
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };

  // Input latency while streaming: keydown to the next frame, for keys typed into the log search box.
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { __latency: number[] }).__latency = samples;
    window.addEventListener('keydown', (event) => {
      const pressed = event.timeStamp;
      requestAnimationFrame(() => samples.push(performance.now() - pressed));
    }, true);
  });

  const started = performance.now();
  await tail.fill(String(LINES));
  let heapAt50k = 0;
  const search = page.getByRole('searchbox', { name: 'Search the log' });
  let typed = 0;
  for (;;) {
    const count = await linesIn();
    if (!heapAt50k && count >= 50_000) heapAt50k = await heap();
    if (count >= LINES) break;
    if (performance.now() - started > 300_000) throw new Error(`Only ${count} of ${LINES} lines arrived in 5 minutes.`);
    if (typed < 20) {
      await search.press(typed % 2 === 0 ? 'x' : 'Backspace');
      typed++;
    }
    await page.waitForTimeout(50);
  }
  const viewMs = performance.now() - started;
  const heapAtEnd = await heap();
  const latency = await page.evaluate(() => (window as unknown as { __latency: number[] }).__latency);

  const cliRateLines = LINES / (cliMs / 1000);
  const viewRate = LINES / (viewMs / 1000);
  printTable(`Logs: ${LINES.toLocaleString('en')} lines, read once each way`, ['measure', 'value', 'target'], [
    ['docker logs -f > /dev/null', `${Math.round(cliRateLines).toLocaleString('en')} lines/s`, ''],
    ['Minato stream into the view (headless, Chromium)', `${Math.round(viewRate).toLocaleString('en')} lines/s (${(viewRate / cliRateLines).toFixed(2)}×)`, `≥ 0.8× CLI: ${verdict(viewRate >= 0.8 * cliRateLines)}`],
    ['renderer heap at 50,000 lines', `${(heapAt50k / 1048576).toFixed(1)} MiB`, ''],
    [`renderer heap at ${LINES.toLocaleString('en')} lines`, `${(heapAtEnd / 1048576).toFixed(1)} MiB (${(heapAtEnd / heapAt50k).toFixed(2)}×)`, `≤ 1.2×: ${verdict(heapAtEnd <= 1.2 * heapAt50k)}`],
    ['input latency while streaming, p50', ms(median(latency)), ''],
    ['input latency while streaming, p95', ms(percentile(latency, 95)), `≤ 100 ms: ${verdict(percentile(latency, 95) <= 100)}`],
  ]);
});
