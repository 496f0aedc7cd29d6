import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './sshd';
import { makeTestCa, type TestCa } from './tls-daemon';

export interface TlsRegistry {
  /** 127.0.0.1:PORT, served over HTTPS only. */
  address: string;
  /** The private CA that signed its certificate (SAN IP:127.0.0.1), made by openssl. */
  ca: TestCa;
  stop(): Promise<void>;
}

const answers = (port: number, ca: string) =>
  new Promise<boolean>((resolve) => {
    https
      .get({ host: '127.0.0.1', port, path: '/v2/', ca }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      })
      .on('error', () => resolve(false));
  });

/**
 * Debian's docker-registry on loopback serving HTTPS with a certificate from a CA of the test's own, deletes allowed.
 * The test engine reaches it too: a loopback registry is an insecure one for dockerd, which still speaks HTTPS to it.
 */
export async function startTlsRegistry(): Promise<TlsRegistry> {
  const ca = makeTestCa();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-registry-tls-'));
  const port = await freePort();
  const config = path.join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: error',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${dir}/data`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '  tls:',
      `    certificate: ${ca.serverCert}`,
      `    key: ${ca.serverKey}`,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  const caText = readFileSync(ca.ca, 'utf8');
  const deadline = Date.now() + 10_000;
  while (!(await answers(port, caText))) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('The TLS test registry did not start (is docker-registry installed?).');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    address: `127.0.0.1:${port}`,
    ca,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          rmSync(ca.dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
