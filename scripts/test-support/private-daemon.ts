import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';

/**
 * A dockerd of the tests' own: its own socket, data root, exec root and pidfile, so it never meets the user's
 * engine. Only the process recorded in its own pidfile is ever signalled.
 */
export interface PrivateDaemonPaths {
  root: string;
  socket: string;
  dataRoot: string;
  execRoot: string;
  pidFile: string;
  logFile: string;
}

export function privateDaemonPaths(root = '/run/minato-test', dataRoot = '/var/lib/minato-test/docker'): PrivateDaemonPaths {
  return {
    root,
    socket: path.join(root, 'docker.sock'),
    dataRoot,
    execRoot: path.join(root, 'exec'),
    pidFile: path.join(root, 'docker.pid'),
    logFile: path.join(root, 'dockerd.log'),
  };
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

export async function startPrivateDaemon(paths: PrivateDaemonPaths): Promise<number> {
  const running = readPid(paths);
  if (running && isAlive(running) && isOurDaemon(running, paths)) throw new Error(`A test dockerd (pid ${running}) is already running at ${paths.root}.`);
  mkdirSync(paths.root, { recursive: true });
  mkdirSync(paths.dataRoot, { recursive: true });
  rmSync(paths.socket, { force: true });
  const log = openSync(paths.logFile, 'a');
  const child = spawn(
    'dockerd',
    [
      '--host', dockerHostOf(paths),
      '--data-root', paths.dataRoot,
      '--exec-root', paths.execRoot,
      '--pidfile', paths.pidFile,
      '--shutdown-timeout', '2',
    ],
    { detached: true, stdio: ['ignore', log, log] },
  );
  child.unref();
  await waitForEngine(dockerHostOf(paths), 30_000);
  return child.pid ?? 0;
}

/** Stops the test daemon. `signal: 'SIGKILL'` simulates an engine that dies; the tests use it on their own daemon only. */
export async function stopPrivateDaemon(paths: PrivateDaemonPaths, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const pid = readPid(paths);
  if (!pid || !isAlive(pid) || !isOurDaemon(pid, paths)) return;
  process.kill(pid, signal);
  const deadline = Date.now() + 20_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  if (signal === 'SIGKILL' && existsSync(paths.pidFile)) rmSync(paths.pidFile, { force: true });
}
