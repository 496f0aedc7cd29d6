import { z } from 'zod';
import { EngineId } from './engines';

export const SystemEngineInput = z.object({ engineId: EngineId });

/** One `docker version` component (Engine, containerd, runc, docker-init) with its version. */
export const EngineComponent = z.object({ name: z.string(), version: z.string() });

/**
 * What `docker info` and `docker version` say about one engine, read from `GET /info` and `GET /version`. Absent
 * fields are ones the engine did not report (older engines have no cgroup version, Podman no security options).
 */
export const EngineFacts = z.object({
  name: z.string(),
  serverVersion: z.string(),
  apiVersion: z.string(),
  minApiVersion: z.string().optional(),
  goVersion: z.string().optional(),
  gitCommit: z.string().optional(),
  operatingSystem: z.string(),
  osType: z.string(),
  architecture: z.string(),
  kernelVersion: z.string(),
  storageDriver: z.string(),
  /** The storage driver's own facts (backing filesystem, d_type…), as `docker info` lists them under it. */
  driverStatus: z.array(z.tuple([z.string(), z.string()])),
  cgroupVersion: z.string().optional(),
  cgroupDriver: z.string().optional(),
  cpus: z.number().int().nonnegative(),
  memoryBytes: z.number().nonnegative(),
  dockerRootDir: z.string().optional(),
  loggingDriver: z.string().optional(),
  defaultRuntime: z.string().optional(),
  runtimes: z.array(z.string()),
  registryMirrors: z.array(z.string()),
  /** Insecure registries: the CIDRs and names the engine talks to without TLS checks. */
  insecureRegistries: z.array(z.string()),
  plugins: z.object({
    volume: z.array(z.string()),
    network: z.array(z.string()),
    authorization: z.array(z.string()),
    log: z.array(z.string()),
  }),
  /** As the engine lists them: `name=seccomp,profile=default`, `name=rootless`… */
  securityOptions: z.array(z.string()),
  rootless: z.boolean(),
  experimental: z.boolean(),
  liveRestore: z.boolean(),
  swarm: z.string(),
  containers: z.object({ total: z.number(), running: z.number(), paused: z.number(), stopped: z.number() }),
  images: z.number(),
  components: z.array(EngineComponent),
  /** The engine's own warnings (`WARNING: No swap limit support`…). */
  warnings: z.array(z.string()),
});
export type EngineFacts = z.infer<typeof EngineFacts>;

/** One kind's line of `docker system df`: how many, how many in use, the space taken and what a prune gives back. */
export const DiskUsageKind = z.object({
  count: z.number().int().nonnegative(),
  active: z.number().int().nonnegative(),
  size: z.number().nonnegative(),
  reclaimable: z.number().nonnegative(),
});
export type DiskUsageKind = z.infer<typeof DiskUsageKind>;

/** One entry of `docker system df -v`: the largest first, at most a few hundred per kind (`more` says how many else). */
export const DiskUsageItem = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  /** Images: containers using it; volumes: containers mounting it; build cache: 1 when in use. */
  users: z.number(),
  /** Containers: the state; build cache: the record type. */
  detail: z.string().optional(),
  /** A volume Docker named itself (64 hex digits). */
  anonymous: z.boolean().optional(),
});
export type DiskUsageItem = z.infer<typeof DiskUsageItem>;

export const DiskUsageKindName = z.enum(['images', 'containers', 'volumes', 'buildCache']);
export type DiskUsageKindName = z.infer<typeof DiskUsageKindName>;

export const DiskUsage = z.object({
  /** When the measurement ended (ms since the epoch) and how long the engine took. */
  at: z.number(),
  durationMs: z.number().nonnegative(),
  taskId: z.string(),
  totals: z.record(DiskUsageKindName, DiskUsageKind),
  items: z.record(DiskUsageKindName, z.object({ entries: z.array(DiskUsageItem), more: z.number().int().nonnegative() })),
});
export type DiskUsage = z.infer<typeof DiskUsage>;

/** The last finished measurement of an engine (kept until the next one succeeds), and the one running now. */
export const DiskUsageState = z.object({ result: DiskUsage.optional(), runningTaskId: z.string().optional() });
export type DiskUsageState = z.infer<typeof DiskUsageState>;
