import http from 'node:http';
import type { Duplex } from 'node:stream';
// ssh2 is CommonJS: Node's ESM loader sees only its default export.
import ssh2, { type Client, type ClientChannel, type SFTPWrapper } from 'ssh2';
import type { KnownHosts } from './known-hosts';
import { connectFailureReason, LinkFailure } from './link-failure';
import { forwardPort, remoteFolders, type PortForward, type RemoteFolders } from './ssh-extras';
import { authPlan, type Passphrases } from './ssh-auth';
import { readSshConfig, resolveSshTarget, type SshTarget } from './ssh-config';

export const DEFAULT_REMOTE_SOCKET = '/var/run/docker.sock';

export interface SshLinkOptions {
  address: { host: string; port?: number; user?: string };
  /** The engine's socket on the remote machine. */
  socketPath?: string;
  homeDir: string;
  env: NodeJS.ProcessEnv;
  localUser: string;
  knownHosts: KnownHosts;
  passphrases: Passphrases;
  /** A dead link is noticed after about interval × (count + 1): 4 s × 3 = 12 s by default, under the 15 s promised. */
  keepaliveIntervalMs?: number;
  keepaliveCountMax?: number;
  readyTimeoutMs?: number;
}

export interface SshLink {
  /** An http.Agent for dockerode: every connection is a channel of this one SSH connection. */
  agent: http.Agent;
  /** How the Engine API is carried: OpenSSH's stream-local forwarding, or `docker system dial-stdio` where refused. */
  mode: 'streamlocal' | 'dial-stdio';
  target: SshTarget;
  /** Bind folders on the remote machine, over SFTP on this same connection. */
  folders: RemoteFolders;
  /** Opens remoteHost:remotePort (as the server sees it) on a 127.0.0.1 port here; closed with the link. */
  forward(remoteHost: string, remotePort: number): Promise<PortForward>;
  onClose(listener: (reason: string) => void): () => void;
  close(): void;
}

/**
 * An ssh2 channel stands in for a net.Socket inside http.Agent: Node calls these socket methods on it and crashes
 * when they are missing. Keepalive and timeouts are the SSH connection's business, so they are no-ops here.
 */
function asSocket(channel: Duplex): Duplex {
  const socket = channel as Duplex & Record<string, unknown>;
  for (const method of ['setTimeout', 'setKeepAlive', 'setNoDelay', 'ref', 'unref']) {
    if (typeof socket[method] !== 'function') socket[method] = () => socket;
  }
  return socket;
}

/** The socket path goes into a remote shell command: only plain path characters are allowed there. */
function dialStdioCommand(socketPath: string): string | undefined {
  if (socketPath === DEFAULT_REMOTE_SOCKET) return 'docker system dial-stdio';
  return /^\/[\w./-]+$/.test(socketPath) ? `docker -H unix://${socketPath} system dial-stdio` : undefined;
}

class ChannelAgent extends http.Agent {
  constructor(private readonly open: () => Promise<Duplex>) {
    super({ keepAlive: true, maxFreeSockets: 4 });
  }

  // Must return undefined: the agent then waits for the callback (returning a value hangs large responses).
  override createConnection(_options: unknown, callback: (error: Error | null, socket?: Duplex) => void): undefined {
    this.open().then(
      (socket) => callback(null, socket),
      (error: Error) => callback(error),
    );
    return undefined;
  }
}

/**
 * SSH_AUTH_SOCK when set; on Windows without it, the Windows OpenSSH agent's pipe and then Pageant (ssh2 knows both),
 * where the ssh of each keeps its keys.
 */
function agentsOf(env: NodeJS.ProcessEnv): string[] {
  if (env.SSH_AUTH_SOCK) return [env.SSH_AUTH_SOCK];
  return process.platform === 'win32' ? ['\\\\.\\pipe\\openssh-ssh-agent', 'pageant'] : [];
}

function connectClient(client: Client, options: SshLinkOptions, target: SshTarget): Promise<void> {
  const plan = authPlan(target, agentsOf(options.env), options.homeDir, options.passphrases);
  let refusal: LinkFailure | undefined;
  return new Promise((resolve, reject) => {
    client.once('ready', () => resolve());
    // `on`, not `once`: a failed handshake can emit more than one error, and an unheard one would crash the engine.
    client.on('error', (error: Error & { level?: string }) => {
      if (refusal) return reject(refusal);
      const detail = error.message;
      if (error.level === 'client-authentication') {
        const keyFile = plan.lockedKey();
        return reject(new LinkFailure(keyFile
          ? { reason: 'passphrase-needed', detail: `${keyFile} is encrypted: its passphrase is needed.`, keyFile }
          : { reason: 'auth-failed', detail: `${target.user}@${target.host}: no key was accepted (${detail}).` }));
      }
      reject(new LinkFailure({ reason: connectFailureReason(error) ?? 'not-responding', detail: `SSH to ${target.host}:${target.port}: ${detail}` }));
    });
    client.connect({
      host: target.host,
      port: target.port,
      username: target.user,
      authHandler: plan.handler,
      keepaliveInterval: options.keepaliveIntervalMs ?? 4000,
      keepaliveCountMax: options.keepaliveCountMax ?? 2,
      readyTimeout: options.readyTimeoutMs ?? 15_000,
      hostVerifier: (blob: Buffer, verify: (valid: boolean) => void) => {
        // known_hosts names the host by the name connected to, as OpenSSH does without HostKeyAlias.
        options.knownHosts.check(target.host, target.port, blob).then(({ verdict, facts }) => {
          if (verdict === 'known') return verify(true);
          refusal = new LinkFailure(verdict === 'unknown'
            ? { reason: 'host-key-unknown', detail: `The authenticity of ${target.host}:${target.port} is not known yet (${facts.keyType} ${facts.fingerprint}).`, hostKey: facts }
            : { reason: 'host-key-changed', detail: `The host key of ${target.host}:${target.port} has CHANGED (now ${facts.keyType} ${facts.fingerprint}): someone may be intercepting the connection, or the server was reinstalled. Remove the old key from known_hosts only if you know why it changed.`, hostKey: facts });
          verify(false);
        }, () => verify(false));
      },
    } as Parameters<Client['connect']>[0]);
  });
}

function openChannel(open: (callback: (error: Error | undefined, channel: ClientChannel) => void) => void): Promise<Duplex> {
  return new Promise((resolve, reject) => {
    open((error, channel) => (error ? reject(error) : resolve(asSocket(channel))));
  });
}

/**
 * Asks the engine for /_ping through `docker system dial-stdio` once: when the remote CLI cannot reach the engine
 * (no docker, no socket), what it says on stderr is the diagnosis, rather than the "socket hang up" an HTTP client sees.
 */
async function dialStdioRefusal(channel: Duplex | Error, host: string): Promise<LinkFailure | undefined> {
  if (channel instanceof Error) return new LinkFailure({ reason: 'not-responding', detail: `${host}: ${channel.message}` });
  const stream = channel as ClientChannel;
  let said = '';
  let answered = false;
  stream.stderr.on('data', (chunk: Buffer) => {
    if (said.length < 2000) said += chunk.toString('utf8');
  });
  stream.on('data', () => {
    answered = true;
  });
  const code = await new Promise<number | undefined>((resolve) => {
    stream.once('exit', (exitCode: number | null) => resolve(exitCode ?? undefined));
    stream.once('close', () => resolve(undefined));
    stream.end('GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n');
  });
  if (answered && !code) return undefined;
  return new LinkFailure({ reason: 'not-responding', detail: `docker system dial-stdio on ${host} exited ${code ?? '?'}: ${said.trim() || 'no answer'}` });
}

/** Opens the one SSH connection of an engine and finds how to reach its socket over it. */
export async function openSshLink(options: SshLinkOptions): Promise<SshLink> {
  const config = await readSshConfig(options.homeDir, options.address.host);
  const target = resolveSshTarget(options.address, config, { homeDir: options.homeDir, user: options.localUser });
  const socketPath = options.socketPath ?? DEFAULT_REMOTE_SOCKET;
  const client = new ssh2.Client();
  try {
    await connectClient(client, options, target);
  } catch (error) {
    client.end();
    throw error;
  }
  let droppedEarly = false;
  client.once('close', () => (droppedEarly = true));
  const streamLocal = () => openChannel((callback) => client.openssh_forwardOutStreamLocal(socketPath, callback));
  let mode: SshLink['mode'] = 'streamlocal';
  try {
    (await streamLocal()).destroy();
  } catch (error) {
    // Servers that refuse stream-local forwarding (AllowStreamLocalForwarding no) may still run the docker CLI.
    const command = dialStdioCommand(socketPath);
    if (!command) {
      client.end();
      throw new LinkFailure({ reason: 'not-responding', detail: `${target.host}: ${(error as Error).message}` });
    }
    mode = 'dial-stdio';
  }
  const dialStdio = async () => {
    const channel = (await openChannel((callback) => client.exec(dialStdioCommand(socketPath) ?? '', callback))) as ClientChannel;
    channel.stderr.resume();
    return channel;
  };
  if (mode === 'dial-stdio') {
    const refusal = await dialStdioRefusal(await dialStdio().catch((error: Error) => error), target.host);
    if (refusal) {
      client.end();
      throw refusal;
    }
  }
  if (droppedEarly) throw new LinkFailure({ reason: 'not-responding', detail: `SSH to ${target.host}: the connection closed while it was being set up.` });
  const listeners = new Set<(reason: string) => void>();
  let closed = false;
  let lastError = 'The SSH connection closed.';
  client.on('error', (error: Error) => {
    lastError = `SSH to ${target.host}: ${error.message}`;
  });
  const forwards = new Set<PortForward>();
  let sftp: Promise<SFTPWrapper> | undefined;
  client.on('close', () => {
    closed = true;
    agent.destroy();
    for (const forward of forwards) forward.close();
    for (const listener of listeners) listener(lastError);
    listeners.clear();
  });
  const agent = new ChannelAgent(() => {
    if (closed) return Promise.reject(new Error('The SSH connection is closed.'));
    return mode === 'streamlocal' ? streamLocal() : dialStdio();
  });
  const folders = remoteFolders(() => {
    // One SFTP session per link, opened on first use; a failed one is tried again next time.
    sftp ??= new Promise<SFTPWrapper>((resolve, reject) => client.sftp((error, session) => (error ? reject(error) : resolve(session))));
    sftp.catch(() => (sftp = undefined));
    return sftp;
  });
  return {
    agent,
    mode,
    target,
    folders,
    async forward(remoteHost, remotePort) {
      if (closed) throw new Error('The SSH connection is closed.');
      const forward = await forwardPort(client, remoteHost, remotePort);
      forwards.add(forward);
      return {
        ...forward,
        close() {
          forwards.delete(forward);
          forward.close();
        },
      };
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(() => listener(lastError));
        return () => {};
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      agent.destroy();
      client.end();
    },
  };
}
