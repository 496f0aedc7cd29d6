import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface Requirement {
  /** A file or a command that proves the package is there. */
  check: () => boolean;
  debianPackage: string;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

const REQUIREMENTS: Requirement[] = [
  { check: () => onPath('dockerd') && onPath('docker'), debianPackage: 'docker.io' },
  { check: () => existsSync('/bin/busybox') || existsSync('/usr/bin/busybox'), debianPackage: 'busybox-static' },
  { check: () => onPath('docker-registry'), debianPackage: 'docker-registry' },
  { check: () => existsSync('/usr/bin/chromium'), debianPackage: 'chromium' },
  { check: () => onPath('curl'), debianPackage: 'curl' },
  // Each run's private dockerd gets a bridge of its own, made with ip.
  { check: () => onPath('ip'), debianPackage: 'iproute2' },
  // SSH engines: a real sshd, and ssh-keygen / ssh-agent / ssh-add for the tests' keys; TLS engines: openssl makes the CA.
  { check: () => existsSync('/usr/sbin/sshd'), debianPackage: 'openssh-server' },
  { check: () => onPath('ssh-keygen') && onPath('ssh-agent') && onPath('ssh-add'), debianPackage: 'openssh-client' },
  { check: () => onPath('openssl'), debianPackage: 'openssl' },
  // Registries with a login: htpasswd makes the Basic-auth user file; credential helpers: Debian's pass helper, pass and gpg.
  { check: () => onPath('htpasswd'), debianPackage: 'apache2-utils' },
  { check: () => onPath('gpg'), debianPackage: 'gnupg' },
  { check: () => onPath('pass'), debianPackage: 'pass' },
  { check: () => onPath('docker-credential-pass'), debianPackage: 'golang-docker-credential-helpers' },
  // The Linux VM: its image is built from Debian packages (mmdebstrap, mke2fs -d, qemu-img) and booted with QEMU's tcg.
  { check: () => onPath('mmdebstrap'), debianPackage: 'mmdebstrap' },
  { check: () => existsSync('/usr/share/keyrings/debian-archive-keyring.gpg'), debianPackage: 'debian-archive-keyring' },
  { check: () => onPath('mke2fs'), debianPackage: 'e2fsprogs' },
  { check: () => onPath('qemu-img'), debianPackage: 'qemu-utils' },
  { check: () => onPath('qemu-system-x86_64'), debianPackage: 'qemu-system-x86' },
  // Compose projects run through the person's own Compose CLI: Debian's standalone docker-compose (1.29.2).
  { check: () => onPath('docker-compose'), debianPackage: 'docker-compose' },
];

/** Installs what the tests need on a fresh Debian/Ubuntu machine as root; elsewhere says exactly what is missing. */
export function ensureSystemPackages(): void {
  const missing = REQUIREMENTS.filter((requirement) => !requirement.check()).map((requirement) => requirement.debianPackage);
  if (missing.length === 0) return;
  const canInstall = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version');
  if (!canInstall) {
    throw new Error(
      `Missing system packages: ${missing.join(', ')}. On Debian/Ubuntu: sudo apt-get install -y ${missing.join(' ')}. ` +
        'Elsewhere install Docker Engine, the distribution registry (docker-registry), a static busybox, Chromium (at /usr/bin/chromium), curl, OpenSSH (server and client), openssl, htpasswd, gpg, pass, docker-credential-pass, mmdebstrap, e2fsprogs and QEMU, ' +
        'or point MINATO_TEST_DOCKER_HOST at an engine.',
    );
  }
  console.log(`Installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}
