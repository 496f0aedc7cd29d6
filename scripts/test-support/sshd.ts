import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A real OpenSSH server on 127.0.0.1 in front of the test engine, with its own host key, authorized keys and config
 * in a temp folder. It runs in a mount namespace of its own where /run is a fresh tmpfs and /run/docker.sock points
 * at the test daemon's socket, so the remote default socket path (/var/run/docker.sock) reaches the test engine and
 * nothing else. Only processes this helper started (and their children, found from their pids) are ever signalled.
 */
export interface TestSshd {
  port: number;
  dir: string;
  /** The server's host key line for known_hosts: `[127.0.0.1]:PORT ssh-ed25519 AAAA…`. */
  knownHostsLine: string;
  /** A client key with no passphrase, and one (RSA) encrypted with `passphrase`. */
  keys: { plain: string; encrypted: string; stranger: string; passphrase: string };
  /** The sshd processes serving current connections (children of the listener), to cut a link. */
  sessionPids(): number[];
  /** Makes a new host key and restarts the server with it (the "changed host key" case). */
  changeHostKey(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function keygen(file: string, type: string, passphrase = ''): void {
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', passphrase, '-C', 'minato-test', '-f', file, ...(type === 'rsa' ? ['-b', '2048'] : [])]);
}

/** Every descendant of a pid, read from /proc/<pid>/task/<tid>/children (no names involved). */
export function descendantsOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  for (const task of tasks) {
    let text = '';
    try {
      text = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    } catch {
      continue; // The thread ended while we looked.
    }
    for (const child of text ? text.split(/\s+/).map(Number) : []) children.push(child, ...descendantsOf(child));
  }
  return children;
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export async function startTestSshd(dockerHost: string, options: { streamLocal?: boolean } = {}): Promise<TestSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-sshd-'));
  const socketDir = path.dirname(dockerHost.replace(/^unix:\/\//, ''));
  const socketName = path.basename(dockerHost);
  const engineDir = path.join(dir, 'engine');
  mkdirSync(engineDir);
  const hostKey = path.join(dir, 'host_ed25519');
  keygen(hostKey, 'ed25519');
  const keys = {
    plain: path.join(dir, 'client_ed25519'),
    encrypted: path.join(dir, 'client_rsa'),
    stranger: path.join(dir, 'stranger_ed25519'),
    passphrase: 'minato test passphrase',
  };
  keygen(keys.plain, 'ed25519');
  keygen(keys.encrypted, 'rsa', keys.passphrase);
  keygen(keys.stranger, 'ed25519');
  writeFileSync(path.join(dir, 'authorized_keys'), [keys.plain, keys.encrypted].map((key) => readFileSync(`${key}.pub`, 'utf8')).join(''));
  const port = await freePort();
  const config = path.join(dir, 'sshd_config');
  writeFileSync(
    config,
    [
      `ListenAddress 127.0.0.1`,
      `Port ${port}`,
      `HostKey ${hostKey}`,
      `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'UsePAM no',
      'StrictModes no',
      // Off, the client must fall back on `docker system dial-stdio` over the same connection.
      `AllowStreamLocalForwarding ${options.streamLocal === false ? 'no' : 'yes'}`,
      `PidFile ${path.join(dir, 'sshd.pid')}`,
      'Subsystem sftp internal-sftp',
      '',
    ].join('\n'),
  );
  const script = [
    `mount --bind "$1" "$2"`,
    'mount -t tmpfs tmpfs /run',
    'mkdir -p /run/sshd',
    `ln -s "$2/$3" /run/docker.sock`,
    `exec /usr/sbin/sshd -D -e -f "$4"`,
  ].join(' && ');
  let child: ChildProcess;
  const start = async () => {
    const log = path.join(dir, 'sshd.log');
    child = spawn('unshare', ['-m', '--propagation', 'private', 'bash', '-c', script, 'sshd-ns', socketDir, engineDir, socketName, config], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => writeFileSync(log, chunk, { flag: 'a' }));
    await waitForPort(port, child, 10_000);
  };
  const stopServer = async () => {
    if (!child.pid || child.exitCode !== null) return;
    const pids = [child.pid, ...descendantsOf(child.pid)];
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await exited;
  };
  await start();
  const knownHostsLine = () => `[127.0.0.1]:${port} ${readFileSync(`${hostKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}`;
  const sshd: TestSshd = {
    port,
    dir,
    knownHostsLine: knownHostsLine(),
    keys,
    sessionPids: () => (child.pid ? descendantsOf(child.pid) : []),
    async changeHostKey() {
      await stopServer();
      rmSync(hostKey, { force: true });
      rmSync(`${hostKey}.pub`, { force: true });
      keygen(hostKey, 'ed25519');
      await start();
      sshd.knownHostsLine = knownHostsLine();
    },
    async stop() {
      await stopServer();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return sshd;
}

/** An ssh-agent of the test's own (foreground, own socket) holding the given keys; stopped by its pid. */
export async function startTestAgent(dir: string, keys: string[], passphrase?: string): Promise<{ socket: string; stop(): Promise<void> }> {
  const socket = path.join(dir, `agent-${Date.now()}.sock`);
  const agent = spawn('ssh-agent', ['-D', '-a', socket], { stdio: 'ignore' });
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      execFileSync('ssh-add', ['-l'], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
      break;
    } catch (error) {
      // ssh-add -l exits 1 with an empty agent (fine) and 2 when it cannot reach it (not up yet).
      if ((error as { status?: number }).status === 1) break;
      if (Date.now() > deadline) throw new Error('ssh-agent did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  for (const key of keys) {
    execFileSync('ssh-add', ['-q', key], { env: { ...process.env, SSH_AUTH_SOCK: socket, SSH_ASKPASS_REQUIRE: 'never' }, input: passphrase ?? '', stdio: ['pipe', 'ignore', 'ignore'] });
  }
  return {
    socket,
    async stop() {
      if (agent.exitCode !== null) return;
      const exited = new Promise((resolve) => agent.once('exit', resolve));
      agent.kill('SIGTERM');
      await exited;
    },
  };
}
