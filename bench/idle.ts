// npm run bench:idle — Minato's engine process (the headless server) with three engines connected — the local one,
// one over SSH (a real sshd) and one over TLS (a --tlsverify dockerd) — and a client holding what an open window
// holds (engine status, each engine's change batches, a list read once), then left alone for 30 s. Measured: the CPU
// of that process, and every request that reaches each engine meanwhile (relays in front of each count them). One run.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createMinatoClient, type EngineInfo } from '../engine/contract';
import { startHeadless } from '../scripts/test-support/headless';
import { descendantsOf, freePort, startTestSshd } from '../scripts/test-support/sshd';
import { createSocketProxy } from '../scripts/test-support/socket-proxy';
import { startTestEngine } from '../scripts/test-support/test-engine';
import { startTlsDaemon } from '../scripts/test-support/tls-daemon';
import { connectWebSocket } from '../scripts/test-support/ws-transport';
import { printTable, verdict } from './support';

const IDLE_SECONDS = Number(process.env.MINATO_BENCH_IDLE_SECONDS ?? 30);
const CLOCK_TICKS = 100; // USER_HZ on Linux: /proc/<pid>/stat counts CPU time in these.

/** A TCP relay that counts what the client writes: TLS hides the request lines, each write is about one request. */
async function countingRelay(targetPort: number): Promise<{ port: number; writes(): number; clear(): void; close(): void }> {
  let writes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', () => writes++);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    writes: () => writes,
    clear: () => (writes = 0),
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
}

/** user + system CPU time of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The headless server this bench started: the one child of ours running engine/server/cli.ts. */
function serverPid(): number {
  const pid = descendantsOf(process.pid).find((candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/cmdline`, 'utf8').includes('engine/server/cli.ts');
    } catch {
      return false;
    }
  });
  if (!pid) throw new Error('the headless server process was not found');
  return pid;
}

const byPath = (lines: string[]) => {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const route = line.replace(/^(\w+) (?:\/v[\d.]+)?([^?\s]*).*$/, '$1 $2');
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  return [...counts].map(([route, count]) => `${route} ×${count}`).join(', ') || 'none';
};

async function main(): Promise<void> {
  const engine = await startTestEngine();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-bench-idle-'));
  const daemonSocket = engine.dockerHost.replace(/^unix:\/\//, '');
  const localProxy = createSocketProxy(path.join(scratch, 'local.sock'), daemonSocket);
  mkdirSync(path.join(scratch, 'ssh'));
  const sshProxy = createSocketProxy(path.join(scratch, 'ssh', 'docker.sock'), daemonSocket);
  await Promise.all([localProxy.start(), sshProxy.start()]);
  const [sshd, tls] = await Promise.all([startTestSshd(`unix://${sshProxy.path}`), startTlsDaemon()]);
  const relay = await countingRelay(Number(new URL(tls.address).port));
  const home = path.join(scratch, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(home, '.ssh', 'config'), `Host bench-ssh\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.keys.plain}\n`);
  writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
  const settingsFile = path.join(scratch, 'settings.json');
  const cert = (file: string) => path.join(tls.ca.clientDir, file);
  writeFileSync(
    settingsFile,
    JSON.stringify({
      version: 1,
      engines: [
        { id: 'custom-bench-ssh', name: 'SSH', address: 'ssh://bench-ssh' },
        { id: 'custom-bench-tls', name: 'TLS', address: `tcp://127.0.0.1:${relay.port}`, tls: { ca: cert('ca.pem'), cert: cert('cert.pem'), key: cert('key.pem') } },
      ],
      insecureAllowed: [],
    }),
  );
  const server = await startHeadless(`unix://${localProxy.path}`, { HOME: home, SSH_AUTH_SOCK: '', MINATO_SETTINGS_FILE: settingsFile, DOCKER_CONFIG: path.join(home, '.docker') });
  const socket = await connectWebSocket(server.origin, server.token);
  const client = createMinatoClient(socket.transport);
  try {
    // What an open window holds: engine status, each engine's changes, each list read once.
    const engines = new Map<string, EngineInfo>();
    const allConnected = new Promise<void>((resolve) => {
      client.subscribe('engines:status', {}, {
        onEvent: (info) => {
          engines.set(info.id, info);
          if (engines.size >= 3 && [...engines.values()].every((candidate) => candidate.state === 'connected')) resolve();
        },
      });
    });
    await Promise.race([allConnected, new Promise((_, reject) => setTimeout(() => reject(new Error(`not all engines connected: ${JSON.stringify([...engines.values()].map((e) => [e.name, e.state, e.diagnosis?.detail]))}`)), 30_000))]);
    for (const info of engines.values()) {
      client.subscribe('engines:changes', { engineId: info.id }, { onEvent: () => {} });
      await client.call('containers:list', { engineId: info.id });
    }
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const pid = serverPid();
    localProxy.clearLog();
    sshProxy.clearLog();
    relay.clear();
    const cpuBefore = cpuSeconds(pid);
    const started = performance.now();
    console.log(`Idle for ${IDLE_SECONDS} s with ${[...engines.values()].map((info) => info.name).join(', ')} connected…`);
    await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
    const elapsed = (performance.now() - started) / 1000;
    const share = ((cpuSeconds(pid) - cpuBefore) / elapsed) * 100;
    const local = localProxy.requestLog();
    const ssh = sshProxy.requestLog();
    const polling = (lines: string[]) => lines.filter((line) => !/^(GET|HEAD) (?:\/v[\d.]+)?\/_ping\b/.test(line));
    printTable(
      `Minato engine process idle for ${IDLE_SECONDS} s with three engines connected (local, SSH, TLS) and a window's subscriptions`,
      ['measure', 'value', 'target'],
      [
        ['engine process CPU', `${share.toFixed(2)} % of a core`, `≤ 1 %: ${verdict(share <= 1)}`],
        ['local engine: requests', `${local.length} (${byPath(local)})`, `no polling: ${verdict(polling(local).length === 0)}`],
        ['SSH engine: requests', `${ssh.length} (${byPath(ssh)})`, `no polling: ${verdict(polling(ssh).length === 0)}`],
        ['TLS engine: client writes', `${relay.writes()} (encrypted: about one a request)`, `≤ one heartbeat per 5 s: ${verdict(relay.writes() <= Math.ceil(IDLE_SECONDS / 5) + 1)}`],
      ],
    );
    console.log('A /_ping every 5 s per engine is the heartbeat that notices a hung daemon (its socket stays open); anything else would be polling.');
  } finally {
    client.close();
    socket.close();
    await server.stop();
    relay.close();
    await Promise.all([sshd.stop(), tls.stop()]);
    await Promise.all([localProxy.stop(), sshProxy.stop()]);
    rmSync(scratch, { recursive: true, force: true });
    await engine.stop();
  }
}

main().catch((error: Error) => {
  console.error(`bench:idle failed to run: ${error.message}`);
  process.exit(1);
});
