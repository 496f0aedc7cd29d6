import type { ActionOptions, ContainerAction } from './containers';
import type { EngineKind, TlsFiles } from './engines';

const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/** Quotes one word for a POSIX shell so the shown command is safe to paste. */
export function shellQuote(word: string): string {
  if (word.length > 0 && SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

export function shellJoin(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

const ACTION_VERB: Record<ContainerAction, string> = {
  start: 'start',
  stop: 'stop',
  restart: 'restart',
  kill: 'kill',
  pause: 'pause',
  unpause: 'unpause',
  remove: 'rm',
};

/** The docker CLI command equivalent to a container action, for teaching and copying. */
export function containerActionCommand(
  action: ContainerAction,
  targets: readonly string[],
  options: ActionOptions = {},
): string {
  const words = ['docker', ACTION_VERB[action]];
  if (action === 'remove') {
    if (options.force) words.push('-f');
    if (options.removeVolumes) words.push('-v');
  }
  if ((action === 'stop' || action === 'restart') && options.timeoutSeconds !== undefined) {
    words.push('-t', String(options.timeoutSeconds));
  }
  words.push(...targets);
  return shellJoin(words);
}

export function containerListCommand(all: boolean): string {
  return all ? 'docker ps -a' : 'docker ps';
}

export function containerInspectCommand(target: string): string {
  return shellJoin(['docker', 'inspect', target]);
}

export function imageListCommand(): string {
  return 'docker image ls';
}

export function imageRemoveCommand(ref: string, force = false): string {
  return shellJoin(['docker', 'rmi', ...(force ? ['-f'] : []), ref]);
}

export function imagePullCommand(ref: string, platform?: string): string {
  return shellJoin(['docker', 'pull', ...(platform ? ['--platform', platform] : []), ref]);
}

/** Which engine a command runs on, as the docker CLI names it. */
export interface CommandEngine {
  kind: EngineKind;
  address: string;
  contextName?: string | undefined;
  tls?: TlsFiles | undefined;
}

/** The CLI's TLS flags for a `-H tcp://…` engine: --tlsverify checks the server, --tls (skip verify) only encrypts. */
function tlsFlags(tls: TlsFiles | undefined): string[] {
  if (!tls || !(tls.ca || tls.cert || tls.key || tls.skipVerify)) return [];
  return [
    tls.skipVerify ? '--tls' : '--tlsverify',
    ...(tls.ca ? ['--tlscacert', tls.ca] : []),
    ...(tls.cert ? ['--tlscert', tls.cert] : []),
    ...(tls.key ? ['--tlskey', tls.key] : []),
  ];
}

/** The CLI's words for the engine: none for the default one, `--context NAME` for a context, `-H ADDRESS` otherwise. */
export function engineFlags(engine: CommandEngine | undefined): string[] {
  if (!engine || engine.kind === 'local') return [];
  if (engine.kind === 'context' && engine.contextName) return ['--context', engine.contextName];
  return ['-H', engine.address, ...(engine.address.startsWith('tcp://') ? tlsFlags(engine.tls) : [])];
}

/** A shown command (one `docker …` a line, as the builders here write them) aimed at `engine`. */
export function onEngine(command: string, engine: CommandEngine | undefined): string {
  const flags = engineFlags(engine);
  if (flags.length === 0) return command;
  const prefix = `docker ${shellJoin(flags)} `;
  return command
    .split('\n')
    .map((line) => (line.startsWith('docker ') ? prefix + line.slice('docker '.length) : line))
    .join('\n');
}
