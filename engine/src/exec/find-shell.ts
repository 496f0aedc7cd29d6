import type Docker from 'dockerode';
import { MinatoError, type TerminalProblem } from '../../contract';
import { statPath } from '../files/archive-stat';

/** The engine's own PATH for a container whose environment sets none. */
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function problem(code: 'conflict' | 'not-found', reason: TerminalProblem, message: string, command?: string): MinatoError {
  return new MinatoError(code, message, { reason, ...(command ? { command } : {}) });
}

/**
 * Whether a file in the container can be run, asked through the archive API (the engine looks; nothing runs in the
 * container). A link is judged by what it points to.
 */
async function isExecutable(container: Docker.Container, path: string): Promise<boolean> {
  try {
    let stat = await statPath(container, path);
    if (stat.isSymlink && stat.linkTarget) stat = await statPath(container, stat.linkTarget);
    return !stat.isDirectory && !stat.isSymlink && (stat.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}

/** Refuses a terminal for a container that cannot run one now, with a reason the UI can explain. */
export function checkCanExec(info: Docker.ContainerInspectInfo): void {
  if (info.State.Paused) throw problem('conflict', 'paused', 'The container is paused: resume it to open a terminal.');
  if (!info.State.Running) throw problem('conflict', 'not-running', 'The container is not running: start it to open a terminal.');
}

/** The first executable shell: the preferred one, then bash, ash, sh. */
export async function findShell(container: Docker.Container, preferred?: string): Promise<string> {
  const candidates = [...(preferred ? [preferred] : []), '/bin/bash', '/bin/ash', '/bin/sh'];
  for (const shell of candidates) if (await isExecutable(container, shell)) return shell;
  throw problem('not-found', 'no-shell', 'This container has no shell (no /bin/bash, /bin/ash or /bin/sh). Run a command of your own instead.');
}

/** Refuses a command whose program is not in the container, looked up on its PATH as the engine would. */
export async function checkCommand(container: Docker.Container, info: Docker.ContainerInspectInfo, program: string): Promise<void> {
  if (program.includes('/')) {
    if (program.startsWith('/') && !(await isExecutable(container, program))) {
      throw problem('not-found', 'command-not-found', `${program} is not a program in this container.`, program);
    }
    return;
  }
  const pathVariable = info.Config.Env?.find((entry) => entry.startsWith('PATH='))?.slice(5) ?? DEFAULT_PATH;
  for (const folder of pathVariable.split(':').filter((part) => part.startsWith('/'))) {
    if (await isExecutable(container, `${folder.replace(/\/$/, '')}/${program}`)) return;
  }
  throw problem('not-found', 'command-not-found', `${program} is not a program in this container (looked up on its PATH).`, program);
}
