// npm run bench:list — the container list with 1,000 containers: raw Engine API vs Minato's contract vs the UI,
// and event-to-UI latency, all measured in one run against the same engine.
import { runWithHarness } from '../scripts/test-support/harness';
import { execFile } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { createMinatoClient } from '../engine/contract';
import { TEST_IMAGE, TEST_LABEL, TEST_PREFIX } from '../scripts/test-support/fixtures';
import { connectWebSocket } from '../scripts/test-support/ws-transport';
import { median, ms, percentile, printTable, verdict } from './support';

const CONTAINERS = Number(process.env.MINATO_BENCH_CONTAINERS ?? 1000);
const RUNS = 15;
const CHANGES = 100;
const run = promisify(execFile);

async function pool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

function rawHttpList(socketPath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    http
      .get({ socketPath, path: '/containers/json?all=1' }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(performance.now() - started);
        });
      })
      .on('error', reject);
  });
}

runWithHarness('bench:list', async ({ engine, server, browser, runId }) => {
  const socketPath = engine.dockerHost.replace(/^unix:\/\//, '');
  const docker = new Docker({ socketPath });
  const label = `${TEST_LABEL}.run`;
  console.log(`Creating ${CONTAINERS} containers (created, not started)…`);
  const names = Array.from({ length: CONTAINERS }, (_, index) => `${TEST_PREFIX}bench-${runId}-${String(index).padStart(4, '0')}`);
  await pool(names, 16, async (name) => {
    await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', '3600'], Labels: { [TEST_LABEL]: '1', [label]: runId } });
  });
  const total = (await docker.listContainers({ all: true })).length;

  // 1. Raw API (curl and Node's http) vs the contract call over the real WebSocket carrier, interleaved.
  const ws = await connectWebSocket(server.origin, server.token);
  const client = createMinatoClient(ws.transport);
  const curl: number[] = [];
  const nodeHttp: number[] = [];
  const contract: number[] = [];
  await client.call('containers:list', { engineId: 'local' }); // warm-up
  await rawHttpList(socketPath);
  for (let index = 0; index < RUNS; index++) {
    const started = performance.now();
    await run('curl', ['-s', '-o', '/dev/null', '--unix-socket', socketPath, 'http://localhost/containers/json?all=1']);
    curl.push(performance.now() - started);
    nodeHttp.push(await rawHttpList(socketPath));
    const before = performance.now();
    const list = await client.call('containers:list', { engineId: 'local' });
    contract.push(performance.now() - before);
    if (list.length !== total) throw new Error(`The contract listed ${list.length} containers, the engine has ${total}.`);
  }
  ws.close();

  // 2. The UI: from the list data arriving in the page to all rows counted and painted.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const openedAt = Date.now();
  await page.goto(server.url);
  await page.getByRole('radio', { name: 'All' }).check();
  await page.locator(`[data-count="${total}"]`).first().waitFor({ timeout: 30_000 });
  const toCount = Date.now() - openedAt;
  const marks = await page.evaluate(() => {
    const data = performance.getEntriesByName('minato:list-data').at(-1)?.startTime;
    const painted = performance.getEntriesByName('minato:list-painted').at(-1)?.startTime;
    return { data, painted };
  });
  const dataToPaint = marks.data !== undefined && marks.painted !== undefined ? marks.painted - marks.data : Number.NaN;

  // 3. Event-to-UI latency: pause/unpause one running container 100 times; time until its row says so, counted
  //    from the engine's own event (its timestamp, same clock) and, more broadly, from the API call that caused it.
  const target = names[0] as string;
  await docker.getContainer(target).start();
  await page.getByRole('searchbox').fill(target);
  const row = page.getByRole('grid').getByRole('row', { name: target, exact: true });
  await row.filter({ hasText: /running/i }).waitFor({ timeout: 10_000 });
  const eventTimes = new Map<string, number>();
  const events = (await docker.getEvents({ filters: { container: [target], event: ['pause', 'unpause'] } })) as NodeJS.ReadableStream & { destroy(): void };
  let pending = '';
  events.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as { Action: string; timeNano: number };
      eventTimes.set(event.Action, event.timeNano / 1e6);
    }
  });
  const fromEvent: number[] = [];
  const fromCall: number[] = [];
  try {
    for (let index = 0; index < CHANGES; index++) {
      const pause = index % 2 === 0;
      const expected = pause ? /paused/i : /running/i;
      eventTimes.clear();
      const started = Date.now();
      if (pause) await docker.getContainer(target).pause();
      else await docker.getContainer(target).unpause();
      await row.filter({ hasText: expected }).waitFor({ timeout: 10_000 });
      const shown = Date.now();
      fromCall.push(shown - started);
      const emitted = eventTimes.get(pause ? 'pause' : 'unpause');
      if (emitted !== undefined) fromEvent.push(shown - emitted);
    }
  } catch (error) {
    const shot = path.join(os.tmpdir(), 'minato-bench-list-failure.png');
    await page.screenshot({ path: shot });
    throw new Error(`${(error as Error).message}\n(after ${fromCall.length} changes; screenshot: ${shot})`);
  } finally {
    events.destroy();
  }

  const ratio = median(contract) / median(nodeHttp);
  printTable(
    `Container list, ${total} containers on the engine (${RUNS} runs each, interleaved)`,
    ['measure', 'median', 'p95', 'vs raw (Node http)', 'target'],
    [
      ['raw Engine API: curl over the socket', ms(median(curl)), ms(percentile(curl, 95)), (median(curl) / median(nodeHttp)).toFixed(2) + '×', ''],
      ['raw Engine API: Node http + JSON.parse', ms(median(nodeHttp)), ms(percentile(nodeHttp, 95)), '1.00×', ''],
      ['Minato contract over WebSocket', ms(median(contract)), ms(percentile(contract, 95)), ratio.toFixed(2) + '×', `≤ 1.3× raw: ${verdict(ratio <= 1.3)}`],
      ['  same, against curl', '', '', (median(contract) / median(curl)).toFixed(2) + '×', `≤ 1.3× curl: ${verdict(median(contract) / median(curl) <= 1.3)}`],
    ],
  );
  printTable('UI', ['measure', 'value', 'target'], [
    ['list data in page → all rows counted and painted', ms(dataToPaint), `≤ 1000 ms: ${verdict(dataToPaint <= 1000)}`],
    ['page open → rows counted (incl. load, connect, fetch)', ms(toCount), ''],
    [`event-to-UI latency p50 (${fromEvent.length} engine events)`, ms(median(fromEvent)), ''],
    [`event-to-UI latency p95 (${fromEvent.length} engine events)`, ms(percentile(fromEvent, 95)), `≤ 250 ms: ${verdict(percentile(fromEvent, 95) <= 250)}`],
    [`API call → UI p50 (${CHANGES} pause/unpause calls)`, ms(median(fromCall)), ''],
    [`API call → UI p95 (${CHANGES} pause/unpause calls)`, ms(percentile(fromCall, 95)), `≤ 250 ms: ${verdict(percentile(fromCall, 95) <= 250)}`],
  ]);
});
