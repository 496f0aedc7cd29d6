import { shellJoin, type CommandEngine } from './commands';
import type { ComposeAction, ComposeCli, ComposeOptionsInput } from './compose';

/** Which CLI a command is written for: only its kind and major version change the words. */
export type ComposeCliShape = Pick<ComposeCli, 'kind' | 'major'>;

/** What a command is about: the project's name and its files (absolute, or none when Compose is to find them). */
export interface ComposeTarget {
  name: string;
  configFiles: readonly string[];
}

/** One run of the CLI: the arguments after the program, in order. */
export type ComposeStep = string[];

/** `-p NAME -f FILE…`: every command names the project and its files, so the folder it runs in does not matter. */
export function composeGlobals(target: ComposeTarget): string[] {
  return ['-p', target.name, ...target.configFiles.flatMap((file) => ['-f', file])];
}

function upArgs(cli: ComposeCliShape, options: ComposeOptionsInput): string[] {
  return [
    'up',
    '-d',
    ...(options.pull && cli.major >= 2 ? ['--pull', 'always'] : []),
    ...(options.build ? ['--build'] : []),
    ...(options.forceRecreate ? ['--force-recreate'] : []),
  ];
}

/**
 * The CLI runs an action takes, each as its arguments (globals included). Compose v1's `up` has no `--pull`: pulling
 * first is a `pull` run of its own. Scaling is `up --scale` on that service only, leaving the others as they are.
 */
export function composeSteps(cli: ComposeCliShape, target: ComposeTarget, action: ComposeAction, options: ComposeOptionsInput = {}): ComposeStep[] {
  const globals = composeGlobals(target);
  switch (action) {
    case 'up':
      return [...(options.pull && cli.major < 2 ? [[...globals, 'pull']] : []), [...globals, ...upArgs(cli, options)]];
    case 'down':
      return [
        [
          ...globals,
          'down',
          ...(options.removeVolumes ? ['--volumes'] : []),
          ...(options.removeImages && options.removeImages !== 'none' ? ['--rmi', options.removeImages] : []),
        ],
      ];
    case 'scale':
      // `--` ends the options: Compose allows a service named `-V` or `--remove-orphans`, which must stay a service.
      return [[...globals, 'up', '-d', '--no-recreate', '--scale', `${options.service ?? ''}=${options.replicas ?? 1}`, '--', options.service ?? '']];
    default:
      return [[...globals, action]];
  }
}

/** How a person would call the CLI on this engine: `docker compose …` (with the engine's flags) or `docker-compose …`. */
export function composeProgram(cli: ComposeCliShape | undefined, engine?: CommandEngine): { env: string; words: string[] } {
  const remote = engine !== undefined && engine.kind !== 'local';
  if (!cli || cli.kind === 'plugin') {
    if (!remote) return { env: '', words: ['docker', 'compose'] };
    const flags = engine.kind === 'context' && engine.contextName ? ['--context', engine.contextName] : ['-H', engine.address];
    return { env: '', words: ['docker', ...flags, 'compose'] };
  }
  // A standalone docker-compose takes the engine from DOCKER_HOST, as Minato passes it.
  return { env: remote ? `DOCKER_HOST=${shellJoin([engine.address])} ` : '', words: ['docker-compose'] };
}

/** The shown command of an action: one line per CLI run, shell-quoted. */
export function composeCommand(cli: ComposeCliShape | undefined, target: ComposeTarget, action: ComposeAction, options: ComposeOptionsInput = {}, engine?: CommandEngine): string {
  const { env, words } = composeProgram(cli, engine);
  return composeSteps(cli ?? { kind: 'plugin', major: 2 }, target, action, options)
    .map((step) => env + shellJoin([...words, ...step]))
    .join('\n');
}

/** `compose config`: the resolved file, as the CLI prints it. */
export function composeConfigCommand(cli: ComposeCliShape | undefined, target: ComposeTarget, engine?: CommandEngine): string {
  const { env, words } = composeProgram(cli, engine);
  return env + shellJoin([...words, ...composeGlobals(target), 'config']);
}

/** `compose logs -f`: what the merged logs view follows, said as the CLI found would say it. */
export function composeLogsCommand(cli: ComposeCliShape | undefined, name: string, tail: number, engine?: CommandEngine): string {
  const { env, words } = composeProgram(cli, engine);
  return env + shellJoin([...words, '-p', name, 'logs', '-f', '--tail', String(tail)]);
}
