// Child processes of `npm start`, `npm run serve` and `npm run dev`, stopped with us however we are stopped.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import os from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How often we look whether our parent is gone (see watchParent). */
const PARENT_CHECK_MS = 500;

export interface Supervisor {
  /** Runs a command to its end; resolves with its exit code (128 + n when a signal ended it). */
  run(command: string, args: string[], options?: SpawnOptions): Promise<number>;
  /** Starts a command that runs until it ends or we stop it (dev servers that run side by side). */
  start(command: string, args: string[], options?: SpawnOptions): ChildProcess;
  /** Stops every child and resolves when all have exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The signal that is stopping us, if any. */
  readonly stopping: NodeJS.Signals | undefined;
}

function exitCode(code: number | null, signal: NodeJS.Signals | null): number {
  return code ?? 128 + (signal ? (os.constants.signals[signal] ?? 0) : 0);
}

/**
 * Children are spawned directly (no shell, no nested npm) so a signal we pass on reaches the process that does the
 * work. Each signal is passed on once: a Ctrl-C in a terminal already reaches the whole process group, and a second
 * SIGINT must not cut a server's clean shutdown short.
 */
export function createSupervisor(onStopped: (code: number) => void): Supervisor {
  const children = new Set<ChildProcess>();
  let stopping: NodeJS.Signals | undefined;

  const track = (child: ChildProcess) => {
    children.add(child);
    child.once('exit', () => children.delete(child));
    return child;
  };
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    stopping ??= signal;
    const exits = [...children].map((child) => new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve))));
    for (const child of children) child.kill(signal);
    await Promise.all(exits);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    void stop(signal).then(() => onStopped(exitCode(null, signal)));
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  watchParent(() => onSignal('SIGTERM'));

  return {
    get stopping() {
      return stopping;
    },
    run(command, args, options = {}) {
      if (stopping) return Promise.resolve(exitCode(null, stopping));
      const child = track(spawn(command, args, { stdio: 'inherit', ...options }));
      return new Promise((resolve) => {
        child.once('error', () => resolve(127));
        child.once('exit', (code, signal) => resolve(exitCode(code, signal)));
      });
    },
    start(command, args, options = {}) {
      return track(spawn(command, args, { stdio: 'inherit', ...options }));
    },
    stop,
  };
}

/**
 * npm runs a script through `sh -c`, and a SIGTERM sent to npm (an IDE's stop button, a service manager) reaches
 * only that shell, which dies and leaves us running with a new parent. No signal tells us, so we look: a changed
 * parent means whoever started us is gone, and we stop as if we had been sent SIGTERM.
 */
function watchParent(onOrphaned: () => void): void {
  if (process.platform === 'win32') return;
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onOrphaned();
    }
  }, PARENT_CHECK_MS);
  timer.unref();
}
