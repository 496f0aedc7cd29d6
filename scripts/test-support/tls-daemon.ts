import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForEngine } from './private-daemon';
import { descendantsOf, freePort } from './sshd';

/** A CA and the certificates it signed, made by openssl in a temp folder (EC P-256: fast to make). */
export interface TestCa {
  dir: string;
  ca: string;
  /** Files named as the docker CLI expects in DOCKER_CERT_PATH: ca.pem, cert.pem, key.pem. */
  clientDir: string;
  serverCert: string;
  serverKey: string;
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'ignore' });
}

function signed(dir: string, name: string, extensions: string): { cert: string; key: string } {
  const key = path.join(dir, `${name}-key.pem`);
  const cert = path.join(dir, `${name}-cert.pem`);
  const ext = path.join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  openssl(['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', `${name}.csr`, '-subj', `/CN=minato-test-${name}`], dir);
  openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext], dir);
  return { cert, key };
}

export function makeTestCa(): TestCa {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-ca-'));
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=minato-test-ca'], dir);
  const server = signed(dir, 'server', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  const client = signed(dir, 'client', 'extendedKeyUsage=clientAuth\n');
  const clientDir = path.join(dir, 'client');
  mkdirSync(clientDir);
  execFileSync('cp', [path.join(dir, 'ca.pem'), path.join(clientDir, 'ca.pem')]);
  execFileSync('cp', [client.cert, path.join(clientDir, 'cert.pem')]);
  execFileSync('cp', [client.key, path.join(clientDir, 'key.pem')]);
  return { dir, ca: path.join(dir, 'ca.pem'), clientDir, serverCert: server.cert, serverKey: server.key };
}

export interface TlsDaemon {
  /** tcp://127.0.0.1:PORT, answering only TLS clients with a certificate from `ca`. */
  address: string;
  ca: TestCa;
  stop(): Promise<void>;
}

/**
 * A second dockerd with `--tlsverify` on 127.0.0.1 (a random free port) and its own folders. It has no bridge and
 * no iptables rules: the TLS tests only talk to its API, and it must not touch the host's network.
 */
export async function startTlsDaemon(): Promise<TlsDaemon> {
  const ca = makeTestCa();
  const root = path.join('/var/lib/minato-test', `tls-${process.pid}-${randomBytes(3).toString('hex')}`);
  mkdirSync(root, { recursive: true });
  const port = await freePort();
  const socket = path.join(root, 'docker.sock');
  const log = openSync(path.join(root, 'dockerd.log'), 'a');
  const child: ChildProcess = spawn(
    'dockerd',
    [
      '--host', `unix://${socket}`,
      '--host', `tcp://127.0.0.1:${port}`,
      '--tlsverify', '--tlscacert', ca.ca, '--tlscert', ca.serverCert, '--tlskey', ca.serverKey,
      '--data-root', path.join(root, 'data'),
      '--exec-root', path.join(root, 'exec'),
      '--pidfile', path.join(root, 'docker.pid'),
      '--bridge', 'none', '--iptables=false', '--ip-masq=false',
      '--shutdown-timeout', '2',
    ],
    { stdio: ['ignore', log, log] },
  );
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      const helpers = descendantsOf(child.pid);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      for (const pid of helpers) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // containerd already stopped with its daemon.
        }
      }
    }
    rmSync(root, { recursive: true, force: true });
    rmSync(ca.dir, { recursive: true, force: true });
  };
  try {
    await waitForEngine(`unix://${socket}`, 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address: `tcp://127.0.0.1:${port}`, ca, stop };
}
