import { execFileSync, execSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, copyFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE } from './fixtures';

const APPLETS = ['sh', 'ls', 'cat', 'echo', 'sleep', 'httpd', 'top', 'ps', 'env', 'yes', 'wc', 'head', 'tail', 'id', 'hostname', 'stty', 'true', 'false', 'mkdir', 'rm', 'touch', 'dd', 'seq'];

/** Builds the tests' busybox image from Debian's static busybox: no registry needed. */
export function ensureTestImage(dockerHost: string): void {
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  try {
    execFileSync('docker', ['image', 'inspect', TEST_IMAGE], { env, stdio: 'ignore' });
    return;
  } catch {
    // Not there yet: build it below.
  }
  const busybox = ['/bin/busybox', '/usr/bin/busybox'].find((file) => existsSync(file));
  if (!busybox) throw new Error('busybox is not installed: apt-get install busybox-static');
  const root = mkdtempSync(path.join(os.tmpdir(), 'minato-image-'));
  try {
    mkdirSync(path.join(root, 'bin'));
    mkdirSync(path.join(root, 'tmp'));
    mkdirSync(path.join(root, 'var', 'www'), { recursive: true });
    copyFileSync(busybox, path.join(root, 'bin', 'busybox'));
    for (const applet of APPLETS) symlinkSync('busybox', path.join(root, 'bin', applet));
    writeFileSync(path.join(root, 'var', 'www', 'index.html'), '<h1>Hello from Minato</h1>\n');
    execSync(`tar -C ${JSON.stringify(root)} -c . | docker import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' - ${TEST_IMAGE}`, {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
