// npm run bench:stats — the engine's CPU with 50 running containers: Minato open on the container list (which reads
// stats for the visible rows) versus closed. Measured from /proc for the daemon (and its containerd).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { runWithHarness } from '../scripts/test-support/harness';
import { privateDaemonPaths } from '../scripts/test-support/private-daemon';
import { printTable, verdict } from './support';

const CONTAINERS = 50;
const WINDOW_MS = Number(process.env.MINATO_BENCH_STATS_WINDOW_MS ?? 30_000);
const TICKS = 100; // USER_HZ on Linux

function readPid(file: string): number | undefined {
  try {
    return Number(readFileSync(file, 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** CPU seconds used so far by these processes (user + system), from /proc/PID/stat. */
function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return sum + (Number(fields[11]) + Number(fields[12])) / TICKS;
  }, 0);
}

async function measure(pids: number[]): Promise<number> {
  const before = cpuSeconds(pids);
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
  return ((cpuSeconds(pids) - before) / (WINDOW_MS / 1000)) * 100;
}

runWithHarness('bench:stats', async ({ engine, server, browser, runId }) => {
  // The private test engine's pidfiles; MINATO_BENCH_DAEMON_ROOT names another daemon root laid out the same way.
  const root = process.env.MINATO_BENCH_DAEMON_ROOT ?? engine.env.MINATO_TEST_PRIVATE_DAEMON;
  const paths = root ? privateDaemonPaths(root) : undefined;
  const pids = paths ? [readPid(paths.pidFile), readPid(path.join(paths.execRoot, 'containerd', 'containerd.pid'))].filter((pid): pid is number => pid !== undefined) : [];
  if (pids.length === 0) {
    console.log('bench:stats needs the engine\'s process: run it with the private test engine (npm run bench:stats as root on Linux).');
    return;
  }
  console.log(`Starting ${CONTAINERS} containers…`);
  for (let index = 0; index < CONTAINERS; index++) {
    await dockerCli(['run', '-d', '--name', testName(runId, `idle-${String(index).padStart(2, '0')}`), ...testLabels(runId), TEST_IMAGE, 'sleep', '3600']);
  }
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const closed = await measure(pids);

  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.getByRole('grid').waitFor();
  await page.getByRole('searchbox', { name: 'Search containers' }).fill(runId);
  await page.locator(`[data-count="${CONTAINERS}"]`).waitFor();
  const visible = await page.getByRole('grid').getByRole('row', { name: new RegExp(runId) }).count();
  const open = await measure(pids);
  const shownWithFigures = await page.getByRole('grid').getByText('CPU and memory:').count();

  printTable(`Engine CPU (dockerd + containerd), ${CONTAINERS} running containers, ${WINDOW_MS / 1000} s each`, ['measure', 'value', 'target'], [
    ['Minato closed', `${closed.toFixed(2)} % of one CPU`, ''],
    [`Minato open on the list (${visible} rows rendered, ${shownWithFigures} with figures)`, `${open.toFixed(2)} % of one CPU`, ''],
    ['difference', `${(open - closed).toFixed(2)} percentage points`, `≤ 5 pp: ${verdict(open - closed <= 5)}`],
  ]);
});
