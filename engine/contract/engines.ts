import { z } from 'zod';
import { ContainerId } from './docker-names';
import { addressHasPassword } from './secrets';

export const EngineId = z.string().min(1).max(64);
export type EngineId = z.infer<typeof EngineId>;

/** Every engine resource is addressed by the engine it lives on plus its own id (checked against Docker's grammar). */
export const ResourceRef = z.object({ engineId: EngineId, id: ContainerId });
export type ResourceRef = z.infer<typeof ResourceRef>;

export const EngineSource = z.enum(['DOCKER_HOST', 'context', 'default', 'settings']);
export type EngineSource = z.infer<typeof EngineSource>;

/** local: the engine the docker CLI would use here; context: one docker context each; custom: added in Settings;
 * vm: Minato's own Linux VM (engine/src/vm), reached over SSH with keys Minato made. */
export const EngineKind = z.enum(['local', 'context', 'custom', 'vm']);
export type EngineKind = z.infer<typeof EngineKind>;

/**
 * What this engine lets Minato do on the machine the containers run on, declared from how it is reached (never
 * guessed later from the address): a remote engine's host ports and folders are not this machine's.
 */
export const EngineCapabilities = z.object({
  /** Whether a host port can be checked for being free from here. */
  checkHostPorts: z.boolean(),
  /** How bind folders can be checked and created: on this machine, over SFTP (SSH engines), or not at all. */
  bindFolders: z.enum(['local', 'sftp', 'none']),
  /** Where a published port opens: directly at `host`, or through an SSH local forward to 127.0.0.1 here. */
  publishedPorts: z.object({ via: z.enum(['direct', 'ssh-forward']), host: z.string() }),
});
export type EngineCapabilities = z.infer<typeof EngineCapabilities>;

/** The server's host key as seen, so a person can compare the fingerprint before trusting it. */
export const HostKeyFacts = z.object({
  host: z.string(),
  port: z.number().int(),
  keyType: z.string(),
  /** OpenSSH's form: `SHA256:` + unpadded base64 of the key's SHA-256. */
  fingerprint: z.string(),
});
export type HostKeyFacts = z.infer<typeof HostKeyFacts>;

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
  /** SSH: the server's key is not in known_hosts yet; `hostKey` says which, to accept or not. */
  'host-key-unknown',
  /** SSH: the server's key differs from the one recorded: refused, no override. */
  'host-key-changed',
  /** SSH: no key or agent identity was accepted. */
  'auth-failed',
  /** SSH: a key file is encrypted and no passphrase is known for it yet (`keyFile` names it). */
  'passphrase-needed',
  /** TLS: certificate or handshake failure (unknown CA, no client certificate, wrong host). */
  'tls-failed',
  /** SSH: the host's name does not resolve (a typo, or no network/DNS). */
  'host-not-found',
  /** SSH: the host answers but nothing listens on the SSH port (sshd stopped, wrong port, firewall rejecting). */
  'connection-refused',
  /** SSH: no answer at all in time (host down, firewall dropping, wrong network). */
  'connect-timeout',
  /** Plain tcp:// to another machine: root over the network without authentication, connect only once allowed. */
  'needs-consent',
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
  hostKey: HostKeyFacts.optional(),
  keyFile: z.string().optional(),
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

export const TlsFiles = z.object({
  ca: z.string().max(4096).optional(),
  cert: z.string().max(4096).optional(),
  key: z.string().max(4096).optional(),
  /** The CLI's SkipTLSVerify: encrypt, but do not check the server's certificate. */
  skipVerify: z.boolean().optional(),
});
export type TlsFiles = z.infer<typeof TlsFiles>;

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
  kind: EngineKind,
  /** The address as configured (the CLI's -H form), shown to people and used in `docker -H …` commands. */
  address: z.string(),
  capabilities: EngineCapabilities,
  /** Engines added in Settings: the remote socket and TLS file paths as entered (paths, never the files' contents),
   * so the edit form starts from them and a `docker -H tcp://…` command carries the CLI's TLS flags. */
  socketPath: z.string().optional(),
  tls: TlsFiles.optional(),
  /** Set while a plain tcp:// engine on another machine waits for `engines:allowInsecure`. */
  needsConsent: z.boolean().optional(),
  /** Sent once on `engines:status` when the engine leaves (context deleted, engine removed in Settings). */
  removed: z.boolean().optional(),
});
export type EngineInfo = z.infer<typeof EngineInfo>;


/** An engine as added in Settings → Engines. */
export const EngineDraft = z.object({
  name: z.string().trim().min(1).max(100),
  /** unix://, npipe://, tcp://host:port or ssh://[user@]host[:port]. */
  address: z
    .string()
    .trim()
    .regex(/^(unix|npipe|tcp|ssh):\/\/\S+$/, 'Use unix://, npipe://, tcp:// or ssh://.')
    .max(1024)
    // A password here would be stored in the settings file and shown in every `docker -H` command: keys or an agent do it.
    .refine((address) => !addressHasPassword(address), 'checks.addressPassword'),
  /** SSH only: the engine's socket on the remote machine (default /var/run/docker.sock). */
  socketPath: z.string().startsWith('/').max(1024).optional(),
  /** tcp:// only: paths of the TLS files, as `docker context create --docker ca=…,cert=…,key=…` takes them. */
  tls: TlsFiles.optional(),
});
export type EngineDraft = z.infer<typeof EngineDraft>;

export const EngineTestResult = z.object({
  ok: z.boolean(),
  version: EngineVersion.optional(),
  diagnosis: EngineDiagnosis.optional(),
});
export type EngineTestResult = z.infer<typeof EngineTestResult>;

/** The oldest Engine API Minato speaks (Docker 19.03). */
export const MIN_API_VERSION = '1.40';
