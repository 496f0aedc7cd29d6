import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressOrigin, AddressRuntime, EngineSource, HostPlatform } from '../../contract';

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
  if (dockerHost) return [{ endpoint: dockerHost, source: 'DOCKER_HOST', facts: factsOf(dockerHost, 'DOCKER_HOST') }];

  const configDir = env.DOCKER_CONFIG?.trim() || path.join(homeDir, '.docker');
  const contextName = env.DOCKER_CONTEXT?.trim() || (await readCurrentContext(configDir));
  if (contextName && contextName !== 'default') {
    const endpoint = await readContextEndpoint(configDir, contextName);
    if (endpoint) return [{ endpoint, source: 'context', contextName, facts: factsOf(endpoint, 'context') }];
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

async function readCurrentContext(configDir: string): Promise<string | undefined> {
  const config = await readJson(path.join(configDir, 'config.json'));
  const current = (config as { currentContext?: unknown } | undefined)?.currentContext;
  return typeof current === 'string' && current.length > 0 ? current : undefined;
}

/** Context metadata lives at contexts/meta/<sha256(name)>/meta.json, as the CLI stores it. */
async function readContextEndpoint(configDir: string, name: string): Promise<string | undefined> {
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = await readJson(path.join(configDir, 'contexts', 'meta', digest, 'meta.json'));
  const host = (meta as { Endpoints?: { docker?: { Host?: unknown } } } | undefined)?.Endpoints?.docker?.Host;
  return typeof host === 'string' && host.length > 0 ? host : undefined;
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return undefined;
  }
}
