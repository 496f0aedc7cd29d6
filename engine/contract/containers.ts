import { z } from 'zod';
import { ContainerId } from './docker-names';
import { EngineId } from './engines';
import { ErrorDetails } from './error-details';

export const ContainerStatus = z.enum(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
export type ContainerStatus = z.infer<typeof ContainerStatus>;

export const PortProtocol = z.enum(['tcp', 'udp', 'sctp']);

export const PublishedPort = z.object({
  /** Host address the port is bound to; absent when the port is exposed but not published. */
  hostIp: z.string().optional(),
  hostPort: z.number().int().optional(),
  containerPort: z.number().int(),
  protocol: PortProtocol,
});
export type PublishedPort = z.infer<typeof PublishedPort>;

export const ContainerSummary = z.object({
  engineId: EngineId,
  id: z.string(),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  command: z.string(),
  state: ContainerStatus,
  /** The engine's human status, e.g. "Up 3 minutes (healthy)". */
  status: z.string(),
  ports: z.array(PublishedPort),
  /** Epoch seconds. */
  created: z.number(),
  labels: z.record(z.string(), z.string()),
  composeProject: z.string().optional(),
  composeService: z.string().optional(),
  /**
   * Epoch seconds read back from the status text: when it started (running, paused) or ended (exited,
   * restarting), to within Docker's own rounding. Lets the UI tick and render the status in its own language.
   */
  since: z.number().optional(),
  exitCode: z.number().int().optional(),
  health: z.enum(['starting', 'healthy', 'unhealthy']).optional(),
});
export type ContainerSummary = z.infer<typeof ContainerSummary>;

export const ContainerMount = z.object({
  type: z.string(),
  name: z.string().optional(),
  source: z.string(),
  destination: z.string(),
  mode: z.string(),
  readWrite: z.boolean(),
});
export type ContainerMount = z.infer<typeof ContainerMount>;

export const ContainerNetwork = z.object({
  name: z.string(),
  ipAddress: z.string(),
  gateway: z.string(),
  macAddress: z.string(),
  aliases: z.array(z.string()),
});
export type ContainerNetwork = z.infer<typeof ContainerNetwork>;

export const ContainerDetail = z.object({
  engineId: EngineId,
  id: z.string(),
  name: z.string(),
  image: z.string(),
  imageId: z.string(),
  /** Entrypoint and command as the engine will run them. */
  entrypoint: z.array(z.string()),
  command: z.array(z.string()),
  state: z.object({
    status: ContainerStatus,
    exitCode: z.number().int(),
    error: z.string(),
    /** What `error` says, read by the engine (engine/src/docker/engine-errors.ts), for the UI to say in its language. */
    problem: ErrorDetails.optional(),
    startedAt: z.string(),
    finishedAt: z.string(),
    health: z.string().optional(),
  }),
  created: z.string(),
  restartPolicy: z.string(),
  ports: z.array(PublishedPort),
  mounts: z.array(ContainerMount),
  networks: z.array(ContainerNetwork),
  labels: z.record(z.string(), z.string()),
  tty: z.boolean(),
  /** Started with -i: together with tty, `docker attach` gives a usable terminal. */
  openStdin: z.boolean(),
});
export type ContainerDetail = z.infer<typeof ContainerDetail>;

export const ContainerAction = z.enum(['start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'remove']);
export type ContainerAction = z.infer<typeof ContainerAction>;

export const ActionOptions = z.object({
  /** remove: also when running (docker rm -f). */
  force: z.boolean().optional(),
  /** remove: anonymous volumes too (docker rm -v). */
  removeVolumes: z.boolean().optional(),
  /** stop / restart: seconds before SIGKILL (docker stop -t). */
  timeoutSeconds: z.number().int().min(0).max(3600).optional(),
});
export type ActionOptions = z.infer<typeof ActionOptions>;

export const ActionInput = z.object({
  engineId: EngineId,
  ids: z.array(ContainerId).min(1).max(10_000),
  action: ContainerAction,
  options: ActionOptions.default({}),
});
export type ActionInput = z.input<typeof ActionInput>;
