import { z } from 'zod';
import { engineFlags, shellJoin, type CommandEngine } from './commands';
import { ImageRef } from './docker-names';
import { EngineId, type EngineInfo } from './engines';
import { Platform } from './run/run-spec';
import { maskPairValue } from './secrets';

/** Which builder runs the build: BuildKit where the engine has it (`auto`), or the one a person asked for. */
export const BuilderChoice = z.enum(['auto', 'buildkit', 'classic']);
export type BuilderChoice = z.infer<typeof BuilderChoice>;

/** A Dockerfile stage name, as BuildKit's parser accepts it (it lowercases names, so either case is fine). */
export const STAGE_NAME = /^[a-zA-Z][a-zA-Z0-9_.-]*$/;

/** `KEY=VALUE` of `--build-arg` and `--label`: the engine takes any key that is not empty and holds no "=". */
const BuildPair = z.object({
  name: z.string().min(1).max(256).regex(/^[^=\s\u0000]+$/),
  value: z.string().max(65_536),
});
export type BuildPair = z.infer<typeof BuildPair>;

/**
 * Where the Dockerfile is: a path from the context folder, written with "/" (it may climb out of it, as
 * `docker build -f ../Dockerfile .` does), or an absolute path on the machine Minato's engine runs on.
 */
export const DockerfilePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\u0000'));

/** Go's filepath.Clean for an absolute "/" path: "." and ".." resolved, repeated and trailing slashes dropped. */
function cleanAbsolute(value: string): string {
  const parts: string[] = [];
  for (const part of value.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/**
 * The Dockerfile as an absolute path, and its path inside the context when it is inside. One outside is sent in the
 * context tar under a generated name, as the CLI does with `-f` outside the context.
 */
export function dockerfileLocation(contextPath: string, dockerfile: string): { absolute: string; inside?: string } {
  const root = cleanAbsolute(contextPath);
  const absolute = cleanAbsolute(dockerfile.startsWith('/') ? dockerfile : `${root}/${dockerfile}`);
  const prefix = root === '/' ? '/' : `${root}/`;
  return absolute.startsWith(prefix) && absolute.length > prefix.length ? { absolute, inside: absolute.slice(prefix.length) } : { absolute };
}

/** What `docker build` takes, as the Build form writes it. */
export const BuildOptions = z.object({
  /** The context folder, an absolute path on the machine Minato's engine runs on. */
  contextPath: z.string().startsWith('/').max(4096),
  dockerfile: DockerfilePath.default('Dockerfile'),
  tags: z.array(ImageRef).max(32).default([]),
  buildArgs: z.array(BuildPair).max(256).default([]),
  labels: z.array(BuildPair).max(256).default([]),
  target: z.string().max(128).regex(STAGE_NAME).optional(),
  noCache: z.boolean().default(false),
  pull: z.boolean().default(false),
  platform: Platform.optional(),
  builder: BuilderChoice.default('auto'),
});
export type BuildOptions = z.infer<typeof BuildOptions>;
export type BuildOptionsInput = z.input<typeof BuildOptions>;

export const BuildInput = BuildOptions.extend({ engineId: EngineId });
export const BuildStarted = z.object({ taskId: z.string() });

export const BuildContextInput = z.object({ engineId: EngineId, contextPath: z.string().startsWith('/').max(4096), dockerfile: DockerfilePath.default('Dockerfile') });

/**
 * What Minato's engine found at a context path on its own machine, so the form can say what is wrong next to the
 * field that is wrong. The folder is always read here and sent as a tar over the engine connection, as the docker
 * CLI does, whichever engine builds (local, SSH, TCP).
 */
export const BuildContextStatus = z.object({
  folder: z.enum(['ok', 'missing', 'not-a-folder', 'unreadable']),
  dockerfile: z.enum(['ok', 'missing', 'unknown']),
  /** Rules read from the folder's `.dockerignore` (0 without one). */
  ignoreRules: z.number().int().nonnegative(),
  /**
   * The `.dockerignore` leaves out the Dockerfile or itself, or the Dockerfile is outside the folder (its generated
   * name is then added to the `.dockerignore` sent): see `builderFor`.
   */
  buildFilesExcluded: z.boolean(),
});
export type BuildContextStatus = z.infer<typeof BuildContextStatus>;

/** Why a build could not start, typed so the form puts it next to its field (in `WireError.details`). */
export const BuildRefusal = z.object({
  kind: z.literal('build-refused'),
  field: z.enum(['contextPath', 'dockerfile', 'engine']),
  reason: z.enum(['missing', 'not-a-folder', 'unreadable', 'no-dockerfile', 'buildkit-unavailable']),
});
export type BuildRefusal = z.infer<typeof BuildRefusal>;

/**
 * Whether the engine has BuildKit, as the docker CLI decides it: every Linux engine does (API 1.39+); a Windows one
 * builds with the classic builder.
 */
export function hasBuildKit(engine: Pick<EngineInfo, 'version'>): boolean {
  return engine.version?.os === 'linux';
}

/**
 * The builder a build will use on this engine. When the `.dockerignore` leaves out the Dockerfile or itself, the CLI
 * still sends both (the engine must read them) and the classic builder then drops them from what COPY sees; BuildKit
 * given the context as a tar (no session) keeps them. So `auto` picks the classic builder then, to build exactly the
 * CLI's context.
 */
export function builderFor(choice: BuilderChoice, engine: Pick<EngineInfo, 'version'>, buildFilesExcluded = false): 'buildkit' | 'classic' {
  if (choice === 'auto') return hasBuildKit(engine) && !buildFilesExcluded ? 'buildkit' : 'classic';
  return choice;
}

/**
 * The `docker build` command a build stands for (build-arg values that look secret masked). The classic builder is
 * asked for as the CLI takes it, with `DOCKER_BUILDKIT=0` in front; Minato removes intermediate containers even when
 * a step fails (`--force-rm`), so no half-built container is left behind. `engine` adds `--context`/`-H` as the CLI needs.
 */
export function buildCommand(options: BuildOptionsInput, builder: 'buildkit' | 'classic', engine?: CommandEngine): string {
  const parsed = { dockerfile: 'Dockerfile', tags: [], buildArgs: [], labels: [], noCache: false, pull: false, ...options };
  const words = ['docker', ...engineFlags(engine), 'build'];
  if (parsed.dockerfile !== 'Dockerfile') words.push('-f', dockerfileLocation(parsed.contextPath, parsed.dockerfile).absolute);
  for (const tag of parsed.tags) words.push('-t', tag);
  for (const arg of parsed.buildArgs) words.push('--build-arg', `${arg.name}=${maskPairValue(arg.name, arg.value)}`);
  for (const label of parsed.labels) words.push('--label', `${label.name}=${maskPairValue(label.name, label.value)}`);
  if (parsed.target) words.push('--target', parsed.target);
  if (parsed.platform) words.push('--platform', parsed.platform);
  if (parsed.noCache) words.push('--no-cache');
  if (parsed.pull) words.push('--pull');
  if (builder === 'classic') words.push('--force-rm');
  words.push(parsed.contextPath);
  const command = shellJoin(words);
  return builder === 'classic' ? `DOCKER_BUILDKIT=0 ${command}` : command;
}
