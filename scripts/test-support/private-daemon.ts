import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';

/**
 * A dockerd of the tests' own: its own socket, data root, exec root, pidfile and bridge, so it never meets the
 * user's engine nor another test run's. Only the process recorded in its own pidfile is ever signalled.
 */
export interface PrivateDaemonPaths {
  root: string;
  socket: string;
  dataRoot: string;
  execRoot: string;
  pidFile: string;
  logFile: string;
  /** A bridge of this daemon's own (dockerd's default `docker0` would be shared by every daemon on the host). */
  bridge: string;
  /** The bridge's address and the pool user-defined networks take subnets from: distinct per run. */
  bridgeCidr: string;
  addressPool: string;
}

/** The folders of one run's daemon, all below `root`; a run id names them, so two runs never share one. */
export function privateDaemonPaths(root: string): PrivateDaemonPaths {
  const digest = createHash('sha256').update(root).digest();
  const tag = digest.subarray(0, 3).toString('hex');
  // 10.200–10.249 for the bridge, 10.150-10.199 for user networks' pool: one /24 and one /16 per run.
  const octet = digest.readUInt8(3) % 50;
  return {
    root,
    socket: path.join(root, 'docker.sock'),
    dataRoot: path.join(root, 'data'),
    execRoot: path.join(root, 'exec'),
    pidFile: path.join(root, 'docker.pid'),
    logFile: path.join(root, 'dockerd.log'),
    bridge: `mtst${tag}`,
    bridgeCidr: `10.${200 + octet}.${digest.readUInt8(4)}.1/24`,
    addressPool: `base=10.${150 + octet}.0.0/16,size=24`,
  };
}

/** A fresh folder for one run's daemon under `/var/lib/minato-test` (a data root needs a real file system, not tmpfs). */
export function newPrivateDaemonPaths(): PrivateDaemonPaths {
  return privateDaemonPaths(path.join('/var/lib/minato-test', `run-${process.pid}-${randomBytes(3).toString('hex')}`));
}

/**
 * Runs that were killed leave their folder and bridge behind: remove those whose daemon is gone (older than a
 * minute, so a run that is still starting is never touched).
 */
export function sweepAbandonedRuns(base = '/var/lib/minato-test'): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(base).filter((entry) => entry.startsWith('run-'));
  } catch {
    return;
  }
  for (const entry of entries) {
    const paths = privateDaemonPaths(path.join(base, entry));
    const pid = readPid(paths);
    if (pid && isAlive(pid) && isOurDaemon(pid, paths)) continue;
    if (Date.now() - statSync(paths.root).mtimeMs < 60_000) continue;
    removePrivateDaemonFiles(paths);
  }
}

/**
 * A daemon that was killed leaves mounts in its folders (its network namespace file, overlay layers): undo those of
 * this folder only, deepest first, before removing it.
 */
function unmountBelow(root: string): void {
  let mounts: string[] = [];
  try {
    mounts = readFileSync('/proc/self/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' ')[1] ?? '')
      .map((target) => target.replace(/\\040/g, ' '))
      .filter((target) => target.startsWith(`${root}/`));
  } catch {
    return;
  }
  for (const target of mounts.sort((a, b) => b.length - a.length)) {
    try {
      execFileSync('umount', ['-l', target], { stdio: 'ignore' });
    } catch {
      // Already gone (a lazy unmount of a parent took it): nothing to undo.
    }
  }
}

function bridgeExists(name: string): boolean {
  try {
    execFileSync('ip', ['link', 'show', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function createBridge(paths: PrivateDaemonPaths): void {
  if (bridgeExists(paths.bridge)) return;
  execFileSync('ip', ['link', 'add', 'name', paths.bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', paths.bridgeCidr, 'dev', paths.bridge]);
  execFileSync('ip', ['link', 'set', paths.bridge, 'up']);
}

/** Removes what this run made: its bridge and its folders (after its daemon has stopped). */
export function removePrivateDaemonFiles(paths: PrivateDaemonPaths): void {
  if (bridgeExists(paths.bridge)) execFileSync('ip', ['link', 'delete', paths.bridge], { stdio: 'ignore' });
  unmountBelow(paths.root);
  try {
    rmSync(paths.root, { recursive: true, force: true });
  } catch (error) {
    console.warn(`Could not remove the test daemon's folder ${paths.root}: ${(error as Error).message}`);
  }
}

export function dockerHostOf(paths: PrivateDaemonPaths): string {
  return `unix://${paths.socket}`;
}

function readPid(paths: PrivateDaemonPaths): number | undefined {
  try {
    const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Only a dockerd serving our own socket counts: a recycled pid in a stale pidfile must never be signalled. */
function isOurDaemon(pid: number, paths: PrivateDaemonPaths): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine.some((arg) => arg.endsWith('dockerd')) && commandLine.includes(dockerHostOf(paths));
  } catch {
    return false;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForEngine(dockerHost: string, timeoutMs: number): Promise<void> {
  const docker = new Docker({ socketPath: dockerHost.replace(/^unix:\/\//, ''), timeout: 1000 });
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await docker.ping();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`The test engine at ${dockerHost} did not answer within ${timeoutMs} ms: ${String(lastError)}`);
}

/** `extraArgs`: more dockerd flags for a spec's own daemon (a `--registry-mirror` serving Hub names locally). */
export async function startPrivateDaemon(paths: PrivateDaemonPaths, extraArgs: readonly string[] = []): Promise<number> {
  const running = readPid(paths);
  if (running && isAlive(running) && isOurDaemon(running, paths)) throw new Error(`A test dockerd (pid ${running}) is already running at ${paths.root}.`);
  mkdirSync(paths.root, { recursive: true });
  mkdirSync(paths.dataRoot, { recursive: true });
  rmSync(paths.socket, { force: true });
  createBridge(paths);
  const log = openSync(paths.logFile, 'a');
  const child = spawn(
    'dockerd',
    [
      '--host', dockerHostOf(paths),
      '--data-root', paths.dataRoot,
      '--exec-root', paths.execRoot,
      '--pidfile', paths.pidFile,
      '--bridge', paths.bridge,
      '--default-address-pool', paths.addressPool,
      '--shutdown-timeout', '2',
      ...extraArgs,
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  await waitForEngine(dockerHostOf(paths), 30_000);
  return child.pid ?? 0;
}

function containerdPid(paths: PrivateDaemonPaths): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(paths.execRoot, 'containerd', 'containerd.pid'), 'utf8').trim());
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.includes('containerd') && commandLine.includes(paths.execRoot) ? pid : undefined;
  } catch {
    return undefined;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
}

/**
 * Kills the test daemon as a crash would (SIGKILL), and the containerd it started, so that it can be started again
 * cleanly. Both pids come from this daemon's own pidfiles and are checked against its own paths.
 */
export async function killPrivateDaemon(paths: PrivateDaemonPaths): Promise<void> {
  const pid = readPid(paths);
  const containerd = containerdPid(paths);
  if (pid && isAlive(pid) && isOurDaemon(pid, paths)) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }
  if (containerd && isAlive(containerd)) {
    process.kill(containerd, 'SIGKILL');
    await waitForExit(containerd, 5000);
  }
  for (const file of ['containerd.pid', 'containerd.sock', 'containerd.sock.ttrpc', 'containerd-debug.sock']) {
    rmSync(path.join(paths.execRoot, 'containerd', file), { force: true });
  }
  rmSync(paths.pidFile, { force: true });
}

/** Stops the test daemon gracefully (it stops its containers first); a daemon that hangs is killed after 20 s. */
export async function stopPrivateDaemon(paths: PrivateDaemonPaths): Promise<void> {
  const pid = readPid(paths);
  if (!pid || !isAlive(pid) || !isOurDaemon(pid, paths)) return;
  process.kill(pid, 'SIGTERM');
  await waitForExit(pid, 20_000);
  if (isAlive(pid)) await killPrivateDaemon(paths);
}
