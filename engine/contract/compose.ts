import { z } from 'zod';
import { EngineId } from './engines';

/**
 * Compose projects. Minato runs the person's own Compose CLI (never a Compose engine of its own): these are the
 * shapes of what it found, what a project holds and what an action asks for.
 */

/** A project name as Compose accepts it (`-p`): lowercase letters, digits, `_` and `-`, starting with a letter or digit. */
export const COMPOSE_PROJECT_NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** A service name as Compose's schema accepts it. */
export const COMPOSE_SERVICE_NAME = /^[a-zA-Z0-9._-]{1,128}$/;

export const ComposeProjectName = z.string().regex(COMPOSE_PROJECT_NAME);
export const ComposeServiceName = z.string().regex(COMPOSE_SERVICE_NAME);

/** An absolute path on the machine Minato's engine runs on (headless mode: the server's machine). */
export const HostAbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) && !value.includes('\u0000'));

/** The Compose CLI found on this machine: the docker CLI plugin (v2), or a standalone `docker-compose` (v2 or v1). */
export const ComposeCli = z.object({
  kind: z.enum(['plugin', 'standalone']),
  path: z.string(),
  version: z.string(),
  major: z.number().int(),
});
export type ComposeCli = z.infer<typeof ComposeCli>;

/**
 * Whether the CLI can reach this engine: ssh:// only through the person's own ssh setup, npipe only on Windows;
 * never Minato's VM (`vm`), whose pinned host key the person's own ssh would not check.
 */
export const ComposeReach = z.enum(['ok', 'ssh', 'unsupported', 'vm']);
export type ComposeReach = z.infer<typeof ComposeReach>;

export const ComposeCliStatus = z.object({
  cli: ComposeCli.optional(),
  reach: ComposeReach,
  /** Where the engine runs, so the install advice fits the machine. */
  platform: z.enum(['linux', 'darwin', 'win32', 'other']),
});
export type ComposeCliStatus = z.infer<typeof ComposeCliStatus>;

/** A project: from its containers' labels, from a file the person opened, or both. */
export const ComposeProject = z.object({
  name: ComposeProjectName,
  /** Remembered because the person opened its file (forgetting it leaves the containers alone). */
  remembered: z.boolean(),
  /** Seen on containers of this engine. */
  fromLabels: z.boolean(),
  workingDir: z.string().optional(),
  /** Absolute paths (Compose v1 labels hold them relative to the working folder: resolved here). */
  configFiles: z.array(z.string()),
  /** Every config file is readable here: actions that need the file can run. */
  filesHere: z.boolean(),
});
export type ComposeProject = z.infer<typeof ComposeProject>;

/** What a path the person typed or picked holds. */
export const ComposePathStatus = z.object({
  status: z.enum(['ok', 'missing', 'unreadable', 'no-compose-file', 'not-yaml']),
  /** The compose file found (the path itself, or the one found in the folder). */
  file: z.string().optional(),
  /** The project name Compose would give it (its folder's name, lowercased, kept to the allowed characters). */
  name: z.string().optional(),
});
export type ComposePathStatus = z.infer<typeof ComposePathStatus>;

export const ComposeService = z.object({
  name: z.string(),
  image: z.string().optional(),
  /** The build context folder, when the service is built from a Dockerfile. */
  build: z.string().optional(),
  /** Ports as Compose writes them short: `8080:80/tcp`, `127.0.0.1:9000:9000/udp`, `80`. */
  ports: z.array(z.string()),
  /** Mounts as `source:target[:ro]` (a named volume, a host folder or a tmpfs). */
  volumes: z.array(z.string()),
});
export type ComposeService = z.infer<typeof ComposeService>;

/** One problem the CLI found in the file, with where it is when that can be told. */
export const ComposeProblem = z.object({
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** The CLI's own words (English: Compose has no other language). */
  message: z.string(),
});
export type ComposeProblem = z.infer<typeof ComposeProblem>;

/** A project's services as its file resolves them, or why it could not be read. */
export const ComposeProjectDetail = z.object({
  services: z.array(ComposeService),
  /** Named volumes and the engine names Compose gives them (for down -v's confirmation). */
  volumes: z.array(z.string()),
  /** Images `down --rmi local` removes (built ones without their own tag) and `--rmi all` removes. */
  images: z.object({ local: z.array(z.string()), all: z.array(z.string()) }),
  problems: z.array(ComposeProblem),
  /** Why services could not be read from the file: no CLI, the file is not here. Services then come from labels. */
  unread: z.enum(['no-cli', 'no-file', 'invalid']).optional(),
});
export type ComposeProjectDetail = z.infer<typeof ComposeProjectDetail>;

export const ComposeAction = z.enum(['up', 'down', 'start', 'stop', 'restart', 'pull', 'scale']);
export type ComposeAction = z.infer<typeof ComposeAction>;

export const ComposeOptions = z.object({
  /** up: `--pull always` (v2) / `pull` first (v1 has no such flag on up). */
  pull: z.boolean().default(false),
  build: z.boolean().default(false),
  forceRecreate: z.boolean().default(false),
  /** down */
  removeVolumes: z.boolean().default(false),
  removeImages: z.enum(['none', 'local', 'all']).default('none'),
  /** scale */
  service: ComposeServiceName.optional(),
  replicas: z.number().int().min(0).max(100).optional(),
});
export type ComposeOptions = z.infer<typeof ComposeOptions>;
export type ComposeOptionsInput = z.input<typeof ComposeOptions>;

export const ComposeEngineInput = z.object({ engineId: EngineId });
export const ComposeProjectInput = z.object({ engineId: EngineId, name: ComposeProjectName });
export const ComposePathInput = z.object({ engineId: EngineId, path: HostAbsolutePath });
export const ComposeAddInput = ComposePathInput.extend({ name: ComposeProjectName.optional() });
export const ComposeRunInput = ComposeProjectInput.extend({ action: ComposeAction, options: ComposeOptions.prefault({}) });
export const ComposeConfigText = z.object({ text: z.string(), problems: z.array(ComposeProblem), command: z.string() });
export const ComposeStarted = z.object({ taskId: z.string(), command: z.string() });

/** Why a Compose request was refused, typed so the view says it in the person's language (`WireError.details`). */
export const ComposeRefusal = z.object({
  kind: z.literal('compose-refused'),
  reason: z.enum(['no-cli', 'no-file', 'ssh-unsupported', 'vm-unsupported', 'exists', 'path', 'needs-service', 'failed']),
  /** `path`: what the path holds; `failed`: the CLI's exit code. */
  status: ComposePathStatus.shape.status.optional(),
  exitCode: z.number().int().optional(),
  /** `exists`: the file the project of that name was opened from. */
  file: z.string().optional(),
});
export type ComposeRefusal = z.infer<typeof ComposeRefusal>;
