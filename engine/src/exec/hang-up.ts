import type Docker from 'dockerode';
import type { Logger } from '../log/logger';

/** The variable that marks a terminal's processes (the shell and whatever it started), so they can be found later. */
export const TERMINAL_MARK = 'MINATO_TERMINAL';

export interface TerminalToEnd {
  container: Docker.Container;
  exec: Docker.Exec;
  /** The value of MINATO_TERMINAL in its processes' environment. */
  token: string;
  /** Whom the terminal ran as (undefined: the container's own user). */
  user: string | undefined;
  /** What it ran. */
  command: readonly string[];
}

/** How long a hung-up terminal has to end before what is left is killed. */
const GRACE_MS = 2000;
const POLL_MS = 100;

/**
 * Signals every process in the container whose environment carries `MINATO_TERMINAL=<token>`. Only shell builtins
 * run (PATH points nowhere, so nothing planted on it can be picked up), and `/bin/sh` is named by its absolute
 * path. The environment is read line by line because shells drop the NULs between variables, and a value may hold
 * a newline.
 */
const SIGNAL_SCRIPT = [
  'PATH=/dev/null',
  'mark="$1=$2"',
  'for dir in /proc/[0-9]*; do',
  '  pid=${dir#/proc/}',
  '  [ "$pid" = "$$" ] && continue',
  '  while IFS= read -r line || [ -n "$line" ]; do',
  '    case "$line" in *"$mark"*) kill -s "$3" "$pid" 2>/dev/null; break;; esac',
  '  done < "$dir/environ" 2>/dev/null',
  'done',
  'exit 0',
].join('\n');

/**
 * The shell that sends the signals: the terminal's own program when it is a shell (`/busybox sh` in an image
 * without /bin/sh; the same program as the same user, so nothing new runs), else /bin/sh.
 */
export function signallingShell(command: readonly string[]): string[] {
  const last = command[command.length - 1] ?? '';
  return /^(.*\/)?(ba|a|da|z|k|mk)?sh$/.test(last) && command[0]?.startsWith('/') ? [...command] : ['/bin/sh'];
}

async function signalMarked(terminal: TerminalToEnd, signal: 'HUP' | 'KILL'): Promise<void> {
  const { container, token, user } = terminal;
  const exec = await container.exec({
    Cmd: [...signallingShell(terminal.command), '-c', SIGNAL_SCRIPT, 'sh', TERMINAL_MARK, token, signal],
    AttachStdout: true,
    AttachStderr: true,
    ...(user ? { User: user } : {}),
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  await new Promise<void>((resolve) => {
    stream.on('end', resolve);
    stream.on('error', () => resolve());
    stream.resume();
  });
}

async function waitUntilEnded(exec: Docker.Exec, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    // An exec that has not started yet is not running either, but has no exit code: it is about to start, not ended.
    const { Running, ExitCode } = await exec.inspect();
    if (!Running && ExitCode !== null) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Ends a closed terminal's processes. The engine keeps a TTY exec running after its connection closes (the shell
 * never sees EOF or a hangup), so this does what the hangup of a real terminal would: SIGHUP to the shell and what
 * it started, then SIGKILL to what ignored it.
 *
 * The signals are sent by a short exec as the same user the terminal ran as (the user asked for, or the container's
 * own): it can signal nothing that user could not, and never runs as root unless the terminal itself did. The
 * engine offers no API to signal an exec, and the exec's host pid is of no use to an engine on another machine.
 */
export async function hangUpTerminal(terminal: TerminalToEnd, logger?: Logger): Promise<void> {
  try {
    if (await waitUntilEnded(terminal.exec, 0)) return;
    await signalMarked(terminal, 'HUP');
    if (await waitUntilEnded(terminal.exec, GRACE_MS)) return;
    await signalMarked(terminal, 'KILL');
  } catch (error) {
    // The container stopped or is gone (nothing is left to end), or has no shell to send signals with: in the last
    // case a shell may be left running, which is worth a line when someone asks why `docker top` shows it.
    logger?.debug({ err: error, container: terminal.container.id }, 'could not end a closed terminal');
  }
}
