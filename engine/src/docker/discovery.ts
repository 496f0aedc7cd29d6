import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EngineSource } from '../../contract';

export interface EngineCandidate {
  endpoint: string;
  source: EngineSource;
  contextName?: string;
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
  const dockerHost = env.DOCKER_HOST?.trim();
  if (dockerHost) return [{ endpoint: dockerHost, source: 'DOCKER_HOST' }];

  const configDir = env.DOCKER_CONFIG?.trim() || path.join(homeDir, '.docker');
  const contextName = env.DOCKER_CONTEXT?.trim() || (await readCurrentContext(configDir));
  if (contextName && contextName !== 'default') {
    const endpoint = await readContextEndpoint(configDir, contextName);
    if (endpoint) return [{ endpoint, source: 'context', contextName }];
  }
  return defaultSockets(env, homeDir, platform).map((endpoint) => ({ endpoint, source: 'default' }));
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
