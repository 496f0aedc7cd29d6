import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ssh2 from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, waitFor } from '../test-support/processes';
import { freePort } from '../test-support/sshd';
import { VmImageStore } from '../../engine/src/vm/image-store';
import { ensureTestVmImage } from '../test-support/vm-image';
import { minatoVersion } from './inputs';

/**
 * The image keeps the guest contract of engine/src/vm/GUEST.md, proved on a real boot under QEMU's tcg (slow: the
 * image is built once per machine, 3–5 min, then each boot takes 1–2 min here; MINATO_TEST_VM=skip leaves it out).
 */
const canRun = process.platform === 'linux' && process.arch === 'x64' && process.env.MINATO_TEST_VM !== 'skip';
const SHARE_UID = 4321;

function sshKey(file: string): string {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'minato-test', '-f', file]);
  return readFileSync(`${file}.pub`, 'utf8').trim();
}

/** Connects to QEMU's socket server: its file appears a moment before it listens, so a refusal is tried again. */
async function connectUnix(socketPath: string): Promise<net.Socket> {
  let socket: net.Socket | undefined;
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const attempt = net.connect(socketPath);
        attempt.once('connect', () => ((socket = attempt), resolve(true)));
        attempt.once('error', () => resolve(false));
      }),
    `QEMU to listen on ${socketPath}`,
    30_000,
  );
  return socket!;
}

/** The first line the guest writes on the minato.ready port (the host end is QEMU's socket server). */
async function readReadyLine(socketPath: string, timeoutMs: number): Promise<string> {
  const socket = await connectUnix(socketPath);
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => (socket.destroy(), reject(new Error(`no READY line within ${timeoutMs / 1000} s`))), timeoutMs);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      socket.destroy();
      resolve(text.slice(0, end));
    });
    socket.on('error', (error) => (clearTimeout(timer), reject(error)));
  });
}

/** Runs one command over SSH with the host key pinned: any other key and the connection is refused. */
function sshRun(port: number, user: string, keyFile: string, hostKey: Buffer, command: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const client = new ssh2.Client();
    client
      .on('ready', () => {
        client.exec(command, (error, stream) => {
          if (error) return (client.end(), reject(error));
          let out = '';
          stream.on('data', (chunk: Buffer) => (out += chunk.toString()));
          stream.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
          stream.on('close', (code: number | null) => (client.end(), resolve({ code: code ?? -1, out })));
        });
      })
      .on('error', reject)
      .connect({
        host: '127.0.0.1',
        port,
        username: user,
        privateKey: readFileSync(keyFile),
        readyTimeout: 60_000,
        algorithms: { serverHostKey: ['ssh-ed25519'] },
        hostVerifier: (key: Buffer) => key.equals(hostKey),
      });
  });
}

describe.runIf(canRun)('the VM image under QEMU (guest contract: fw_cfg keys and shares, READY line, SSH, Docker)', () => {
  let dir: string;
  let qemu: ChildProcess | undefined;
  let sshPort: number;
  let hostKeyLine: string;
  let readyLine: Promise<string>;
  let image: string;
  const exited = () => qemu?.pid === undefined || !isRunning(qemu.pid);

  beforeAll(async () => {
    image = await ensureTestVmImage();
    dir = mkdtempSync(join(tmpdir(), 'minato-test-vm-'));
    hostKeyLine = sshKey(join(dir, 'host_key'));
    sshKey(join(dir, 'user_key'));
    // A share owned by another uid, with a file only that uid may read: minato must take the uid to read it.
    const share = join(dir, 'home');
    mkdirSync(share);
    writeFileSync(join(share, 'secret.txt'), 'only-the-owner\n');
    chmodSync(join(share, 'secret.txt'), 0o600);
    chmodSync(share, 0o750);
    chownSync(join(share, 'secret.txt'), SHARE_UID, SHARE_UID);
    chownSync(share, SHARE_UID, SHARE_UID);
    writeFileSync(join(dir, 'shares'), `home0\t${share}\n`);
    execFileSync('qemu-img', ['create', '-q', '-f', 'qcow2', '-F', 'qcow2', '-b', join(image, 'disk.qcow2'), join(dir, 'disk.qcow2'), '6G']);
    sshPort = await freePort();
    const manifest = JSON.parse(readFileSync(join(image, 'manifest.json'), 'utf8')) as { cmdline: string };
    qemu = spawn(
      'qemu-system-x86_64',
      [
        ...['-accel', 'tcg,thread=multi', '-cpu', 'max', '-smp', '2', '-m', '1536', '-nodefaults', '-display', 'none', '-no-reboot'],
        ...['-kernel', join(image, 'vmlinuz'), '-initrd', join(image, 'initrd.img'), '-append', manifest.cmdline],
        ...['-drive', `file=${join(dir, 'disk.qcow2')},if=virtio,format=qcow2`],
        ...['-netdev', `user,id=net0,restrict=on,hostfwd=tcp:127.0.0.1:${sshPort}-:22`, '-device', 'virtio-net-pci,netdev=net0'],
        ...['-fw_cfg', `name=opt/org.minato/ssh_host_ed25519_key,file=${join(dir, 'host_key')}`],
        ...['-fw_cfg', `name=opt/org.minato/authorized_keys,file=${join(dir, 'user_key.pub')}`],
        ...['-fw_cfg', `name=opt/org.minato/shares,file=${join(dir, 'shares')}`],
        ...['-fsdev', `local,id=fs0,path=${share},security_model=none`, '-device', 'virtio-9p-pci,fsdev=fs0,mount_tag=home0'],
        ...['-device', 'virtio-serial-pci', '-chardev', `socket,id=ready,path=${join(dir, 'ready.sock')},server=on,wait=off`],
        ...['-device', 'virtserialport,chardev=ready,name=minato.ready'],
        ...['-serial', `file:${join(dir, 'serial.log')}`],
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await waitFor(() => existsSync(join(dir, 'ready.sock')) || exited(), 'QEMU to open the ready socket', 30_000);
    if (exited()) throw new Error('QEMU ended at once');
    readyLine = readReadyLine(join(dir, 'ready.sock'), 8 * 60_000);
    // Awaited by the first test; marked handled so a failure before then is that test's, not an unhandled rejection.
    readyLine.catch(() => undefined);
  }, 30 * 60_000);

  afterAll(async () => {
    if (qemu && !exited()) {
      qemu.kill('SIGKILL');
      await waitFor(exited, 'QEMU to end', 10_000);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const hostKeyBlob = () => Buffer.from(hostKeyLine.split(' ')[1]!, 'base64');

  it("is what the engine's image store accepts: the built folder imports with every checksum checked", async () => {
    const store = new VmImageStore({ root: join(dir, 'store'), version: minatoVersion(), arch: 'x86_64' });
    const installed = await store.importFrom(image);
    expect(installed.manifest.files.map((file) => file.name).sort()).toEqual(['disk.qcow2', 'initrd.img', 'vmlinuz']);
    expect(installed.manifest.cmdline).toBe('root=/dev/vda rw console=ttyS0 net.ifnames=0 apparmor=0');
    expect(await store.imageFolder()).toBe(installed.folder);
    await store.remove();
  }, 120_000);

  it('writes READY with the host key it was given, once sshd and Docker answer', async () => {
    const [type, base64] = hostKeyLine.split(' ');
    expect(await readyLine).toBe(`READY ${type} ${base64}`);
  }, 9 * 60_000);

  it('lets minato in with the user key (host key pinned), runs docker, reads the shared home as its owner', async () => {
    const { code, out } = await sshRun(
      sshPort,
      'minato',
      join(dir, 'user_key'),
      hostKeyBlob(),
      `id -u; id -nG; docker version --format 'server {{.Server.Version}}'; cat ${join(dir, 'home', 'secret.txt')}; stat -c %U /run/docker.sock`,
    );
    expect(code, out).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(String(SHARE_UID));
    expect(lines[1]!.split(' ')).toContain('docker');
    expect(lines[2]).toMatch(/^server \d+\.\d+/);
    expect(lines[3]).toBe('only-the-owner');
    expect(lines[4]).toBe('root');
  }, 120_000);

  it('refuses root, and powers off when minato asks', async () => {
    await expect(sshRun(sshPort, 'root', join(dir, 'user_key'), hostKeyBlob(), 'true')).rejects.toThrow(/authentication/i);
    const { code, out } = await sshRun(sshPort, 'minato', join(dir, 'user_key'), hostKeyBlob(), 'touch /run/minato/poweroff');
    expect(code, out).toBe(0);
    await waitFor(exited, 'the VM to power off', 120_000);
  }, 180_000);
});
