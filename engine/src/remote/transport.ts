import os from 'node:os';
import type Docker from 'dockerode';
import { createDockerClient } from '../docker/client';
import type { EngineCandidate } from '../docker/discovery';
import { needsInsecureConsent, parseEndpoint, type Endpoint } from '../docker/endpoint';
import type { KnownHosts } from './known-hosts';
import { LinkFailure } from './link-failure';
import type { Passphrases } from './ssh-auth';
import type { PortForward, RemoteFolders } from './ssh-extras';
import { openSshLink, type SshLink } from './ssh-link';

/** What every remote engine shares: where the person's SSH files are, their known hosts, their key passphrases. */
export interface RemoteDeps {
  homeDir: string;
  env: NodeJS.ProcessEnv;
  knownHosts: KnownHosts;
  passphrases: Passphrases;
  /** Whether plain tcp:// to this (non-loopback) address was allowed by the person. */
  insecureAllowed(address: string): boolean;
  /** Test hook: a dead link must be noticed within 15 s; tests may shorten it. */
  keepalive?: { intervalMs: number; countMax: number };
}

/** How one engine is reached: clients for calls and streams, and word when the way there is gone. */
export interface EngineTransport {
  endpoint: Endpoint;
  client(options?: { timeoutMs?: number }): Docker | undefined;
  /** Called once if the link under the engine drops (SSH); a local socket never calls it. */
  onLost(listener: (reason: string) => void): () => void;
  close(): void;
  /** For diagnostics and the bench: `streamlocal` or `dial-stdio` over SSH, else `direct`. */
  mode: 'direct' | SshLink['mode'];
  /** SSH engines: bind folders over SFTP (the `sftp` capability). */
  folders?: RemoteFolders;
  /** SSH engines: a published port opened on 127.0.0.1 here (the `ssh-forward` capability). */
  forward?: (remoteHost: string, remotePort: number) => Promise<PortForward>;
}

export async function openTransport(candidate: EngineCandidate, deps: RemoteDeps): Promise<EngineTransport> {
  const endpoint = parseEndpoint(candidate.endpoint, candidate.tls);
  if (needsInsecureConsent(endpoint) && !deps.insecureAllowed(candidate.endpoint)) {
    throw new LinkFailure({
      reason: 'needs-consent',
      detail: `${candidate.endpoint} is plain TCP to another machine: anyone on the network can control that engine. Connect only if you trust the network.`,
    });
  }
  if (endpoint.kind !== 'ssh') {
    return {
      endpoint,
      mode: 'direct',
      client: (options = {}) => createDockerClient(endpoint, options),
      onLost: () => () => {},
      close: () => {},
    };
  }
  const link = await openSshLink({
    address: endpoint,
    socketPath: candidate.sshSocketPath ?? endpoint.socketPath,
    homeDir: deps.homeDir,
    env: deps.env,
    localUser: deps.env.USER || os.userInfo().username,
    knownHosts: deps.knownHosts,
    passphrases: deps.passphrases,
    ...(deps.keepalive ? { keepaliveIntervalMs: deps.keepalive.intervalMs, keepaliveCountMax: deps.keepalive.countMax } : {}),
  });
  return {
    endpoint,
    mode: link.mode,
    client: (options = {}) => createDockerClient(endpoint, { ...options, agent: link.agent }),
    folders: link.folders,
    forward: (remoteHost, remotePort) => link.forward(remoteHost, remotePort),
    onLost: (listener) => link.onClose(listener),
    close: () => link.close(),
  };
}
