import { shellJoin, tokenize } from '../../../engine/contract';
import type { TerminalRequest } from './TerminalPanel';

/**
 * The `docker` command a terminal stands for. `started` is what the engine really ran (the detected or chosen
 * shell); until it is known, the command or shell asked for, else `sh`, which every image with a shell has.
 */
export function terminalCommand(name: string, request: TerminalRequest, started?: readonly string[]): string {
  if (request.mode === 'attach') return shellJoin(['docker', 'attach', name]);
  const words = ['docker', 'exec', '-it'];
  if (request.user) words.push('-u', request.user);
  if (request.workdir) words.push('-w', request.workdir);
  const asked = request.command ?? [request.preferredShell || 'sh'];
  words.push(name, ...(started?.length ? started : asked));
  return shellJoin(words);
}

/** A path the engine accepts as a shell to try first (the same grammar as the contract's). */
const SHELL_PATH = /^\/[\w./+-]+$/;

export type TerminalLaunch = { preferredShell?: string; command?: string[] } | { error: 'unclosedQuote' };

/**
 * What the Shell field asks for: one absolute path is a shell to try first (bash, ash and sh follow if it is
 * missing); anything else (`/busybox sh`, `python3 -q`) is a command run as written, with its arguments.
 */
export function terminalLaunch(text: string): TerminalLaunch {
  const { words, error } = tokenize(text.trim());
  if (error) return { error: 'unclosedQuote' };
  if (words.length === 0) return {};
  if (words.length === 1 && SHELL_PATH.test(words[0]!)) return { preferredShell: words[0]! };
  return { command: words };
}
