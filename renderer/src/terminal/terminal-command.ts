import { shellJoin } from '../../../engine/contract';
import type { TerminalRequest } from './TerminalPanel';

/**
 * The `docker` command a terminal stands for. `started` is what the engine really ran (the detected or chosen
 * shell); until it is known, the shell asked for, else `sh`, which every image the engine can exec into has.
 */
export function terminalCommand(name: string, request: TerminalRequest, started?: readonly string[]): string {
  if (request.mode === 'attach') return shellJoin(['docker', 'attach', name]);
  const words = ['docker', 'exec', '-it'];
  if (request.user) words.push('-u', request.user);
  if (request.workdir) words.push('-w', request.workdir);
  words.push(name, ...(started?.length ? started : [request.preferredShell || 'sh']));
  return shellJoin(words);
}
