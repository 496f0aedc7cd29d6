import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  /** Each line of output as it comes (stdout and stderr: Compose writes its progress to stderr). */
  onLine?: (line: string) => void;
  /** How long each stop signal has to work before the next, stronger one. */
  graceMs?: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** It ended because the signal was aborted. */
  cancelled: boolean;
}

const MAX_CAPTURE = 8 * 1024 * 1024;
const MAX_LINE = 16 * 1024;

/**
 * Ends what Minato started as Ctrl-C in a terminal would: SIGINT to the CLI's process group (Compose v1 builds by
 * running `docker build`, which must stop too), SIGTERM if it is still there, then SIGKILL. The group is the one the
 * CLI was started in, by Minato, and nothing else is in it. On Windows (no groups) the CLI itself.
 */
function stopGently(child: ChildProcess, grouped: boolean, graceMs: number): void {
  const timers: NodeJS.Timeout[] = [];
  const stop = () => {
    for (const timer of timers) clearTimeout(timer);
    clearInterval(watch);
  };
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const groupAlive = (pid: number) => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  // Once the CLI has exited and its group is empty, the group's number is free for another group to take: from then
  // on nothing may be sent to it, so the escalation stops the moment the group is seen gone.
  const ended = () => {
    if (!exited()) return false;
    if (grouped && child.pid !== undefined && groupAlive(child.pid)) return false;
    stop();
    return true;
  };
  const send = (signal: NodeJS.Signals) => {
    if (ended()) return;
    if (grouped && child.pid !== undefined) {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is gone: everything in it has ended.
      }
    } else child.kill(signal);
  };
  // Watched after the CLI exits: what it started may outlive it by a moment, and must not outlive the escalation.
  const watch = setInterval(ended, 20);
  watch.unref();
  child.once('exit', ended);
  send('SIGINT');
  timers.push(setTimeout(() => send('SIGTERM'), graceMs).unref(), setTimeout(() => { send('SIGKILL'); stop(); }, graceMs * 2).unref());
}

/** Splits a stream's text into lines across chunk borders (UTF-8 decoded across chunks too; very long lines cut). */
function lineSplitter(onLine: (line: string) => void): { write(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  const take = (text: string) => {
    const lines = (rest + text).split(/\r\n|\n|\r/);
    rest = lines.pop() ?? '';
    if (rest.length > MAX_LINE) {
      lines.push(rest);
      rest = '';
    }
    for (const line of lines) onLine(line.slice(0, MAX_LINE));
  };
  return {
    write: (chunk) => take(decoder.write(chunk)),
    end() {
      take(decoder.end());
      if (rest) onLine(rest.slice(0, MAX_LINE));
      rest = '';
    },
  };
}

/** Runs the Compose CLI once, without a shell (the arguments are an array), and waits for it to end. */
export function runCompose(program: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal.aborted) {
      resolve({ code: null, stdout: '', stderr: '', cancelled: true });
      return;
    }
    // A process group of its own (detached, but waited for), so a cancel reaches what the CLI starts in turn.
    const grouped = process.platform !== 'win32';
    const child = spawn(program, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], shell: false, windowsHide: true, detached: grouped });
    let stdout = '';
    let stderr = '';
    let cancelled = false;
    const onLine = options.onLine ?? (() => undefined);
    const out = lineSplitter(onLine);
    const err = lineSplitter(onLine);
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_CAPTURE) stdout += chunk.toString('utf8');
      out.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_CAPTURE) stderr += chunk.toString('utf8');
      err.write(chunk);
    });
    const onAbort = () => {
      cancelled = true;
      stopGently(child, grouped, options.graceMs ?? 5000);
    };
    options.signal.addEventListener('abort', onAbort, { once: true });
    child.once('error', (error) => {
      options.signal.removeEventListener('abort', onAbort);
      reject(error);
    });
    let settled = false;
    const settle = (code: number | null) => {
      if (settled) return;
      settled = true;
      options.signal.removeEventListener('abort', onAbort);
      out.end();
      err.end();
      resolve({ code, stdout, stderr, cancelled });
    };
    child.once('close', settle);
    // A process the CLI started itself may keep the output pipes open after the CLI is gone: its exit is the end.
    child.once('exit', (code) => {
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        settle(code);
      }, 500).unref();
    });
  });
}
