import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressOrigin, AddressRuntime, EngineSource, HostPlatform } from '../../contract';
import type { TlsMaterial } from './endpoint';

/** What a diagnosis needs to name the right fix: the platform, where the address came from, whose socket it is. */
export interface CandidateFacts {
  platform: HostPlatform;
  origin: AddressOrigin;
  runtime: AddressRuntime;
  defaultAddress: boolean;
}

export interface EngineCandidate {
  endpoint: string;
  source: EngineSource;
  contextName?: string;
  /** Always set by discovery; optional so a hand-made candidate (tests, a fixed address) can leave it out. */
  facts?: CandidateFacts;
  /** tcp:// with TLS: the files already read, from DOCKER_CERT_PATH or the context's TLS folder. */
  tls?: TlsMaterial;
  /** ssh:// only: the engine's socket on the remote machine, when not the default. */
  sshSocketPath?: string;
}

export interface DiscoveryEnvironment {
  env: NodeJS.ProcessEnv;
  homeDir: string;
  platform: NodeJS.Platform;
}

/**
 * Where the docker CLI would look, in its order: DOCKER_HOST, then the current context (DOCKER_CONTEXT or
 * config.json's currentContext), then the well-known sockets of Docker and Podman.
 * A set DOCKER_HOST or context is the only candidate: the CLI never falls back past an explicit choice.
 */
export async function discoverCandidates({ env, homeDir, platform }: DiscoveryEnvironment): Promise<EngineCandidate[]> {
  const defaults = defaultSockets(env, homeDir, platform);
  const factsOf = (endpoint: string, origin: AddressOrigin): CandidateFacts => ({
    platform: hostPlatform(platform),
    origin,
    runtime: runtimeOf(endpoint),
    defaultAddress: defaults.includes(sameSocket(endpoint)),
  });

  const dockerHost = env.DOCKER_HOST?.trim();
  const configDir = dockerConfigDir(env, homeDir);
  if (dockerHost) {
    const tls = await envTls(env, configDir);
    return [{ endpoint: dockerHost, source: 'DOCKER_HOST', facts: factsOf(dockerHost, 'DOCKER_HOST'), ...(tls ? { tls } : {}) }];
  }

  const contextName = await currentContextName(env, configDir);
  if (contextName && contextName !== 'default') {
    const context = await readContext(configDir, contextName);
    if (context) {
      const { endpoint, tls } = context;
      return [{ endpoint, source: 'context', contextName, facts: factsOf(endpoint, 'context'), ...(tls ? { tls } : {}) }];
    }
  }
  return defaults.map((endpoint) => ({ endpoint, source: 'default', facts: factsOf(endpoint, defaultOrigin(endpoint)) }));
}

export function hostPlatform(platform: NodeJS.Platform): HostPlatform {
  return platform === 'linux' || platform === 'darwin' || platform === 'win32' ? platform : 'other';
}

/** Read from the path, which is all there is to go on: Podman and Colima keep their sockets under their own names. */
export function runtimeOf(endpoint: string): AddressRuntime {
  if (/podman/i.test(endpoint)) return 'podman';
  if (/colima/i.test(endpoint)) return 'colima';
  return 'docker';
}

function defaultOrigin(endpoint: string): AddressOrigin {
  if (runtimeOf(endpoint) === 'podman') return 'podman-socket';
  return endpoint.startsWith('npipe:') ? 'windows-pipe' : 'default-socket';
}

/** /run is where /var/run points on every current Linux: both spellings name the default socket. */
function sameSocket(endpoint: string): string {
  return endpoint.replace(/^unix:\/\/\/run\/docker\.sock$/, 'unix:///var/run/docker.sock');
}

export function defaultSockets(env: NodeJS.ProcessEnv, homeDir: string, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return ['npipe:////./pipe/docker_engine', 'npipe:////./pipe/podman-machine-default'];
  const runtimeDir = env.XDG_RUNTIME_DIR?.trim();
  const sockets = ['unix:///var/run/docker.sock'];
  if (runtimeDir) sockets.push(`unix://${path.posix.join(runtimeDir, 'docker.sock')}`);
  sockets.push(`unix://${path.posix.join(homeDir, '.docker', 'run', 'docker.sock')}`);
  if (platform === 'darwin') sockets.push(`unix://${path.posix.join(homeDir, '.docker', 'desktop', 'docker.sock')}`);
  if (runtimeDir) sockets.push(`unix://${path.posix.join(runtimeDir, 'podman', 'podman.sock')}`);
  sockets.push('unix:///run/podman/podman.sock');
  return sockets;
}

export function dockerConfigDir(env: NodeJS.ProcessEnv, homeDir: string): string {
  return env.DOCKER_CONFIG?.trim() || path.join(homeDir, '.docker');
}

/** The context the CLI would use: DOCKER_CONTEXT, else config.json's currentContext. */
export async function currentContextName(env: NodeJS.ProcessEnv, configDir: string): Promise<string | undefined> {
  return env.DOCKER_CONTEXT?.trim() || (await readCurrentContext(configDir));
}

/**
 * The CLI's TLS environment: DOCKER_TLS_VERIFY (verify the server with ca.pem) or DOCKER_TLS (encrypt without
 * verifying), with ca.pem, cert.pem and key.pem from DOCKER_CERT_PATH (default: the config folder).
 */
async function envTls(env: NodeJS.ProcessEnv, configDir: string): Promise<TlsMaterial | undefined> {
  const verify = Boolean(env.DOCKER_TLS_VERIFY?.trim());
  if (!verify && !env.DOCKER_TLS?.trim()) return undefined;
  return readTlsFolder(env.DOCKER_CERT_PATH?.trim() || configDir, verify);
}

async function readTlsFolder(folder: string, verify: boolean): Promise<TlsMaterial | undefined> {
  const read = (name: string) => readFile(path.join(folder, name), 'utf8').catch(() => undefined);
  const [ca, cert, key] = await Promise.all([read('ca.pem'), read('cert.pem'), read('key.pem')]);
  if (!ca && !cert && !key) return verify ? { verify } : undefined;
  return { verify, ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

export interface DockerContext {
  name: string;
  endpoint: string;
  tls?: TlsMaterial;
}

/** Every context the CLI knows, from contexts/meta/<sha256(name)>/meta.json; unreadable ones are skipped. */
export async function listContexts(configDir: string): Promise<DockerContext[]> {
  const metaDir = path.join(configDir, 'contexts', 'meta');
  const digests = await readdir(metaDir).catch(() => [] as string[]);
  const contexts = await Promise.all(digests.map((digest) => readContextAt(configDir, digest)));
  return contexts.filter((context): context is DockerContext => context !== undefined).sort((a, b) => a.name.localeCompare(b.name));
}

async function readContext(configDir: string, name: string): Promise<DockerContext | undefined> {
  return readContextAt(configDir, createHash('sha256').update(name).digest('hex'));
}

/** TLS files of a context live at contexts/tls/<sha256(name)>/docker/; SkipTLSVerify sits in the metadata. */
async function readContextAt(configDir: string, digest: string): Promise<DockerContext | undefined> {
  const meta = (await readJson(path.join(configDir, 'contexts', 'meta', digest, 'meta.json'))) as
    | { Name?: unknown; Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } }
    | undefined;
  const docker = meta?.Endpoints?.docker;
  if (typeof meta?.Name !== 'string' || typeof docker?.Host !== 'string' || docker.Host.length === 0) return undefined;
  const tls = await readTlsFolder(path.join(configDir, 'contexts', 'tls', digest, 'docker'), docker.SkipTLSVerify !== true);
  const usesTls = tls && (tls.ca || tls.cert || tls.key || docker.SkipTLSVerify === true);
  return { name: meta.Name, endpoint: docker.Host, ...(usesTls ? { tls } : {}) };
}

async function readCurrentContext(configDir: string): Promise<string | undefined> {
  const config = await readJson(path.join(configDir, 'config.json'));
  const current = (config as { currentContext?: unknown } | undefined)?.currentContext;
  return typeof current === 'string' && current.length > 0 ? current : undefined;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}
