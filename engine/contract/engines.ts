import { z } from 'zod';

export const EngineId = z.string().min(1).max(64);
export type EngineId = z.infer<typeof EngineId>;

/** Every engine resource is addressed by the engine it lives on plus its own id. */
export const ResourceRef = z.object({ engineId: EngineId, id: z.string().min(1).max(256) });
export type ResourceRef = z.infer<typeof ResourceRef>;

export const EngineSource = z.enum(['DOCKER_HOST', 'context', 'default']);
export type EngineSource = z.infer<typeof EngineSource>;

export const EngineState = z.enum(['connecting', 'connected', 'disconnected', 'unavailable']);
export type EngineState = z.infer<typeof EngineState>;

/** Why no engine answers, so onboarding can say the fix rather than just "failed". */
export const DiagnosisReason = z.enum([
  'socket-missing',
  'permission-denied',
  'not-responding',
  'api-too-old',
  'unsupported-host',
  'unknown',
]);
export type DiagnosisReason = z.infer<typeof DiagnosisReason>;

/** The operating system Minato's engine runs on: the fix for a missing engine differs per platform. */
export const HostPlatform = z.enum(['linux', 'darwin', 'win32', 'other']);
export type HostPlatform = z.infer<typeof HostPlatform>;

/** Where the address came from: a fix must name the setting that chose it, not only the engine behind it. */
export const AddressOrigin = z.enum(['DOCKER_HOST', 'context', 'default-socket', 'podman-socket', 'windows-pipe']);
export type AddressOrigin = z.infer<typeof AddressOrigin>;

/** Whose socket the address is, read from its path: Docker (Engine or Desktop), Podman or Colima start differently. */
export const AddressRuntime = z.enum(['docker', 'podman', 'colima']);
export type AddressRuntime = z.infer<typeof AddressRuntime>;

export const EngineDiagnosis = z.object({
  reason: DiagnosisReason,
  /** The underlying system or engine message, kept for a details view. */
  detail: z.string(),
  /** Other places that were looked at, in order. */
  tried: z.array(z.string()),
  platform: HostPlatform.optional(),
  origin: AddressOrigin.optional(),
  runtime: AddressRuntime.optional(),
  /** The address is one where Docker or Podman listens by default, so starting the local engine is a fix. */
  defaultAddress: z.boolean().optional(),
  /** What an engine that answered but is too old reported. */
  engineApiVersion: z.string().optional(),
  engineVersion: z.string().optional(),
});
export type EngineDiagnosis = z.infer<typeof EngineDiagnosis>;

export const EngineVersion = z.object({
  engine: z.string(),
  api: z.string(),
  os: z.string(),
  arch: z.string(),
  kernel: z.string().optional(),
});
export type EngineVersion = z.infer<typeof EngineVersion>;

export const EngineInfo = z.object({
  id: EngineId,
  name: z.string(),
  /** A docker-style endpoint: unix:///var/run/docker.sock, tcp://host:2375, npipe:////./pipe/docker_engine. */
  endpoint: z.string(),
  source: EngineSource,
  contextName: z.string().optional(),
  state: EngineState,
  version: EngineVersion.optional(),
  diagnosis: EngineDiagnosis.optional(),
  /** Epoch milliseconds of the last state change. */
  since: z.number(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;

/** The oldest Engine API Minato speaks (Docker 19.03). */
export const MIN_API_VERSION = '1.40';
