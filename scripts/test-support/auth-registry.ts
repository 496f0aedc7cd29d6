import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startTokenServer, type TokenServer } from './token-server';

export interface AuthRegistry {
  /** host:port on loopback (plain HTTP for the engine and for Minato). */
  address: string;
  user: string;
  password: string;
  /** Present for the token-auth registry. */
  tokens?: TokenServer;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Debian's docker-registry with a login: htpasswd (Basic) or token auth behind the tests' own token server. Deleting
 * manifests is allowed, as a person would set it up to clean up.
 */
export async function startAuthRegistry(kind: 'htpasswd' | 'token', user = 'minato', password = 'minato-test-secret-1'): Promise<AuthRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `minato-registry-${kind}-`));
  const port = await freePort();
  let tokens: TokenServer | undefined;
  let auth: string;
  if (kind === 'htpasswd') {
    const line = execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' }).trim();
    writeFileSync(path.join(dir, 'htpasswd'), `${line}\n`);
    auth = `auth:\n  htpasswd:\n    realm: minato-test\n    path: ${dir}/htpasswd\n`;
  } else {
    tokens = await startTokenServer(dir, user, password);
    auth = `auth:\n  token:\n    realm: ${tokens.realm}\n    service: ${tokens.service}\n    issuer: ${tokens.issuer}\n    rootcertbundle: ${tokens.certFile}\n`;
  }
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  for (;;) {
    // 401 is the answer of a registry that wants a login: it is up.
    const status = await fetch(`http://127.0.0.1:${port}/v2/`).then((response) => response.status, () => 0);
    if (status === 401) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The ${kind} test registry did not start (is docker-registry installed?).`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    user,
    password,
    ...(tokens ? { tokens } : {}),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await tokens?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
