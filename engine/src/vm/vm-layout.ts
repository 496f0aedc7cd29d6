import { createHash } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ssh2 from 'ssh2';
import { VmSettings, type VmDefaults } from '../../contract/vm';
import type { Channel } from './qemu-command';

/** Everything one VM keeps, in its own folder beside Minato's settings file. */
export interface VmLayout {
  folder: string;
  state: string;
  base: string;
  disk: string;
  kernel: string;
  initrd: string;
  manifest: string;
  userKey: string;
  userPublicKey: string;
  sshConfig: string;
  hostKey: string;
  hostPublicKey: string;
  shares: string;
  serialLog: string;
  qemuLog: string;
  pidFile: string;
  qmp: Channel;
  ready: Channel;
  console: Channel;
}

/** A unix socket's path must fit in sun_path (104 bytes on macOS); a deep config folder gets a short private one. */
function socketFolder(folder: string): string {
  if (path.join(folder, 'console.sock').length < 100) return folder;
  const tag = createHash('sha256').update(folder).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `minato-vm-${tag}`);
}

/**
 * Makes the sockets' folder, or takes it if it is a folder of this user's own, closed to everyone else. It may be in
 * the shared temp folder under a name anyone can work out: one made first by another user, or a link planted there,
 * would let them replace the sockets QEMU creates with their own, so it is refused (mkdir's mode alone keeps
 * whatever folder is already there).
 */
export async function privateSocketFolder(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const info = await lstat(folder);
  const uid = process.getuid?.();
  if (!info.isDirectory() || (uid !== undefined && info.uid !== uid)) throw new Error(`${folder} is not a private folder of this user: the VM's sockets cannot go there.`);
  if ((info.mode & 0o077) !== 0) await chmod(folder, 0o700);
}

export function vmLayout(settingsFile: string, platform: NodeJS.Platform, name = 'default', tcpPorts?: { qmp: number; ready: number; console: number }): VmLayout {
  const folder = path.join(path.dirname(settingsFile), 'vm', name);
  const sockets = socketFolder(folder);
  const channel = (file: string, port: number | undefined): Channel =>
    platform === 'win32' ? { port: port ?? 0 } : { path: path.join(sockets, file) };
  return {
    folder,
    state: path.join(folder, 'vm.json'),
    base: path.join(folder, 'base.qcow2'),
    disk: path.join(folder, 'disk.qcow2'),
    kernel: path.join(folder, 'vmlinuz'),
    initrd: path.join(folder, 'initrd.img'),
    manifest: path.join(folder, 'manifest.json'),
    // ssh-link finds the key as OpenSSH would, in <home>/.ssh: the VM's folder is the "home" of its engine.
    userKey: path.join(folder, '.ssh', 'id_ed25519'),
    userPublicKey: path.join(folder, '.ssh', 'id_ed25519.pub'),
    sshConfig: path.join(folder, '.ssh', 'config'),
    hostKey: path.join(folder, 'host', 'ssh_host_ed25519_key'),
    hostPublicKey: path.join(folder, 'host', 'ssh_host_ed25519_key.pub'),
    shares: path.join(folder, 'shares'),
    serialLog: path.join(folder, 'serial.log'),
    qemuLog: path.join(folder, 'qemu.log'),
    pidFile: path.join(folder, 'qemu.pid'),
    qmp: channel('qmp.sock', tcpPorts?.qmp),
    ready: channel('ready.sock', tcpPorts?.ready),
    console: channel('console.sock', tcpPorts?.console),
  };
}

/** What vm.json keeps between runs of Minato. */
export interface VmRecord {
  settings: VmSettings;
  arch: 'x86_64' | 'aarch64';
  imageVersion: string;
  cmdline: string;
  createdAt: number;
  /** Set while QEMU runs, so a Minato started again finds a VM kept running in the background. */
  running?: { pid: number; sshPort: number; accel: string; startedAt: number; qmp: Channel; console: Channel; ready: Channel };
  /** The settings the running QEMU was started with (a change needs a restart). */
  startedWith?: VmSettings;
  /** QEMU chosen in the VM's settings (a folder or the binary) instead of the one on PATH. */
  qemuPath?: string;
}

export async function readRecord(layout: VmLayout): Promise<VmRecord | undefined> {
  const text = await readFile(layout.state, 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const record = JSON.parse(text) as VmRecord;
  record.settings = VmSettings.parse(record.settings);
  return record;
}

export async function writeRecord(layout: VmLayout, record: VmRecord): Promise<void> {
  const temporary = `${layout.state}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, layout.state);
}

/** Half the cores up to 4; a quarter of the memory between 2 and 4 GiB; a 60 GiB sparse disk. */
export function defaultSettings(hostCpus: number, hostMemoryBytes: number): VmDefaults {
  const hostMemoryMiB = Math.floor(hostMemoryBytes / 1024 / 1024);
  return {
    cpus: Math.max(1, Math.min(4, Math.floor(hostCpus / 2))),
    memoryMiB: Math.max(2048, Math.min(4096, Math.floor(hostMemoryMiB / 4 / 256) * 256)),
    diskGiB: 60,
    hostCpus,
    hostMemoryMiB,
  };
}

/**
 * The user's key and the VM's own host key, both made here: the guest receives them through fw_cfg at first boot,
 * so the host key is known before the first connection (pinned, never trusted on first use). Private keys are 0600.
 */
export async function makeKeys(layout: VmLayout): Promise<void> {
  await mkdir(path.dirname(layout.userKey), { recursive: true, mode: 0o700 });
  await mkdir(path.dirname(layout.hostKey), { recursive: true, mode: 0o700 });
  const user = ssh2.utils.generateKeyPairSync('ed25519', { comment: 'minato@host' });
  const host = ssh2.utils.generateKeyPairSync('ed25519', { comment: 'minato-vm' });
  await writeFile(layout.userKey, user.private, { mode: 0o600 });
  await writeFile(layout.userPublicKey, `${user.public}\n`, { mode: 0o644 });
  await writeFile(layout.hostKey, host.private, { mode: 0o600 });
  await writeFile(layout.hostPublicKey, `${host.public}\n`, { mode: 0o644 });
  // Only this key, even when an agent holds others (servers count failed attempts).
  await writeFile(layout.sshConfig, `Host *\n  IdentityFile ${layout.userKey}\n  IdentitiesOnly yes\n`, { mode: 0o600 });
  // writeFile's mode applies only to new files; a key written over an old one keeps the old mode otherwise.
  await Promise.all([chmod(layout.userKey, 0o600), chmod(layout.hostKey, 0o600), chmod(layout.sshConfig, 0o600)]);
}

/** The shares list the guest reads: `TAG<TAB>/absolute/path` a line (the home folder at the same path). */
export function sharesText(shares: Array<{ tag: string; path: string }>): string {
  return shares.map((share) => `${share.tag}\t${share.path}\n`).join('');
}

/** The key blob of an OpenSSH public key line (`type base64 comment`), as compared with what the server presents. */
export function keyBlobOf(line: string): Buffer | undefined {
  const field = line.trim().split(/\s+/)[1];
  return field ? Buffer.from(field, 'base64') : undefined;
}
