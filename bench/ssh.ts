// npm run bench:ssh — the same dockerd reached over its local socket and over SSH (a real sshd on 127.0.0.1, one
// persistent ssh2 connection): /containers/json latency (median and p95 of 200) and log throughput. One run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testLabels, testName } from '../scripts/test-support/fixtures';
import { startTestSshd } from '../scripts/test-support/sshd';
import { startTestEngine } from '../scripts/test-support/test-engine';
import { createEngineConnection, type EngineConnection } from '../engine/src/engines/engine-connection';
import { createKnownHosts } from '../engine/src/remote/known-hosts';
import { createPassphrases } from '../engine/src/remote/ssh-auth';
import { openTransport, type EngineTransport } from '../engine/src/remote/transport';
import { median, ms, percentile, printTable, verdict } from './support';

const REQUESTS = 200;
const LINES = Number(process.env.MINATO_BENCH_SSH_LINES ?? 200_000);
const IDLE_SECONDS = Number(process.env.MINATO_BENCH_IDLE_SECONDS ?? 30);

async function latencies(docker: Docker): Promise<number[]> {
  for (let i = 0; i < 20; i++) await docker.listContainers({ all: true });
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const started = performance.now();
    await docker.listContainers({ all: true });
    samples.push(performance.now() - started);
  }
  return samples;
}

/** Reads the container's whole log (stdout, multiplexed) once and returns lines per second. */
async function logRate(docker: Docker, container: string): Promise<number> {
  const started = performance.now();
  const stream = (await docker.getContainer(container).logs({ stdout: true, stderr: true, follow: true })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    stream.on('data', () => {});
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return LINES / ((performance.now() - started) / 1000);
}

/** Three engines connected (events open, heartbeats and SSH keepalives running) and nothing else happening. */
async function idle(addresses: string[], remote: Parameters<typeof openTransport>[1]): Promise<void> {
  const connections: EngineConnection[] = addresses.map((address, index) =>
    createEngineConnection({ id: `idle-${index}`, name: address, kind: 'custom', address, remote, discover: async () => [{ endpoint: address, source: 'settings' }] }),
  );
  try {
    await Promise.all(connections.map((connection) => connection.ready()));
    const states = connections.map((connection) => connection.info().state);
    if (states.some((state) => state !== 'connected')) throw new Error(`Not every engine connected: ${states.join(', ')}`);
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const cpu = process.cpuUsage(cpuBefore);
    const share = ((cpu.user + cpu.system) / 1000 / (performance.now() - started)) * 100;
    printTable(`Idle for ${IDLE_SECONDS} s with three engines connected (local socket, SSH stream-local, SSH dial-stdio)`, ['measure', 'value', 'target'], [
      ['engine process CPU', `${share.toFixed(2)} % of a core`, `≤ 1 %: ${verdict(share <= 1)}`],
    ]);
  } finally {
    connections.forEach((connection) => connection.close());
  }
}

async function main(): Promise<void> {
  const engine = await startTestEngine();
  process.env.MINATO_TEST_DOCKER_HOST = engine.dockerHost;
  const runId = newRunId();
  const sshd = await startTestSshd(engine.dockerHost);
  const refusing = await startTestSshd(engine.dockerHost, { streamLocal: false });
  const home = mkdtempSync(path.join(os.tmpdir(), 'minato-bench-ssh-'));
  const transports: EngineTransport[] = [];
  try {
    mkdirSync(path.join(home, '.ssh'));
    writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n${refusing.knownHostsLine}\n`);
    // Each test server authorizes its own client key.
    writeFileSync(path.join(home, '.ssh', 'config'), `Host *\n  IdentityFile ${sshd.keys.plain}\n  IdentityFile ${refusing.keys.plain}\n  User root\n`);
    const remote = { homeDir: home, env: {}, knownHosts: createKnownHosts(home), passphrases: createPassphrases(), insecureAllowed: () => false };
    const open = async (endpoint: string) => {
      const transport = await openTransport({ endpoint, source: 'settings' }, remote);
      transports.push(transport);
      const docker = transport.client();
      if (!docker) throw new Error(`No client for ${endpoint}`);
      return docker;
    };
    const local = await open(engine.dockerHost);
    const overSsh = await open(`ssh://127.0.0.1:${sshd.port}`);
    const overStdio = await open(`ssh://127.0.0.1:${refusing.port}`);

    const name = testName(runId, 'bench-ssh-logs');
    console.log(`Writing ${LINES.toLocaleString('en')} log lines…`);
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', `yes 'a log line of the sort a web server writes, with some words in it' | head -n ${LINES}`]);
    await dockerCli(['wait', name]);

    // One untimed read first, so the log file is in the page cache for every path alike.
    await logRate(local, name);
    const rows: string[][] = [];
    const localLatency = await latencies(local);
    const localRate = await logRate(local, name);
    for (const [label, docker] of [['SSH, stream-local forwarding', overSsh], ['SSH, docker system dial-stdio (fallback)', overStdio]] as const) {
      const samples = await latencies(docker);
      const rate = await logRate(docker, name);
      rows.push([
        label,
        ms(median(samples)),
        `${ms(percentile(samples, 95))} (${verdict(percentile(samples, 95) <= 25)})`,
        `${Math.round(rate).toLocaleString('en')} lines/s (${(rate / localRate).toFixed(2)}×, ${verdict(rate >= 0.8 * localRate)})`,
      ]);
    }
    printTable(
      `Docker over SSH vs the local socket, same dockerd: /containers/json × ${REQUESTS}, ${LINES.toLocaleString('en')} log lines`,
      ['path', 'latency p50', 'latency p95 (≤ 25 ms)', 'log throughput (≥ 0.8× local)'],
      [['local unix socket', ms(median(localLatency)), ms(percentile(localLatency, 95)), `${Math.round(localRate).toLocaleString('en')} lines/s`], ...rows],
    );
    transports.splice(0).forEach((transport) => transport.close());
    await idle([engine.dockerHost, `ssh://127.0.0.1:${sshd.port}`, `ssh://127.0.0.1:${refusing.port}`], remote);
  } finally {
    transports.forEach((transport) => transport.close());
    await removeRunContainers(runId);
    await Promise.all([sshd.stop(), refusing.stop()]);
    rmSync(home, { recursive: true, force: true });
    await engine.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:ssh failed to run: ${error.message}`);
  process.exit(1);
});
