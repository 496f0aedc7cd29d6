/**
 * Builds Minato's VM image (see engine/src/vm/GUEST.md for what the guest does, scripts/vm-image/README.md for how):
 *
 *   npm run vm:image -- --out DIR [--arch x86_64|aarch64]
 *
 * DIR receives disk.qcow2, vmlinuz, initrd.img, manifest.json and manifest.json.sha256. Runs as root on Debian
 * or Ubuntu with mmdebstrap, e2fsprogs and qemu-utils. MINATO_VM_MIRROR / MINATO_VM_SECURITY_MIRROR choose the
 * Debian mirrors (default: the host's own apt sources, else deb.debian.org); SOURCE_DATE_EPOCH fixes every time
 * stamp (default: a constant of this script).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { minatoVersion, VM_IMAGE_SCRIPT_DIR, type VmArch } from './inputs';

/** The kernel command line the guest needs: apparmor=0, or dockerd's default profile makes `docker run` fail. */
export const VM_CMDLINE = 'root=/dev/vda rw console=ttyS0 net.ifnames=0 apparmor=0';
const DEBIAN = 'bookworm';
/** 2025-06-01T00:00:00Z: every file's time in the image unless SOURCE_DATE_EPOCH says otherwise. */
const DEFAULT_SOURCE_DATE_EPOCH = '1748736000';
/** Fixed, so two builds from the same packages make the same file system. */
const FS_UUID = '6d696e61-746f-4000-8000-766d726f6f74';
const FS_HASH_SEED = '6d696e61-746f-4000-8000-686173687365';
const DISK_SIZE = '3G';

const PACKAGES = [
  'systemd-sysv',
  'udev',
  'kmod',
  'dbus',
  'openssh-server',
  'docker.io',
  'ca-certificates',
  'iproute2',
  'ifupdown',
  'isc-dhcp-client',
  'e2fsprogs',
  'procps',
  'initramfs-tools',
];
const KERNEL: Record<VmArch, { debianArch: string; kernel: string }> = {
  x86_64: { debianArch: 'amd64', kernel: 'linux-image-amd64' },
  aarch64: { debianArch: 'arm64', kernel: 'linux-image-arm64' },
};
/** Documentation, manual pages and translations are of no use in the VM (licences are kept). */
const DPKG_EXCLUDES = [
  'path-exclude=/usr/share/man/*',
  'path-exclude=/usr/share/info/*',
  'path-exclude=/usr/share/locale/*',
  'path-include=/usr/share/locale/locale.alias',
  'path-exclude=/usr/share/doc/*',
  'path-include=/usr/share/doc/*/copyright',
  'path-exclude=/usr/share/lintian/*',
];

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, quiet = false): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'], env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ended with ${signal ?? `exit code ${code}`}`)),
    );
  });
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The Debian mirror this machine's apt already uses (the CI machine reaches it), else deb.debian.org. */
function hostMirror(suffix: '' | '-security'): string {
  const files = ['/etc/apt/sources.list', ...listDir('/etc/apt/sources.list.d').map((name) => join('/etc/apt/sources.list.d', name))];
  const pattern = new RegExp(`(?:URIs:|deb)\\s+(?:\\[[^\\]]*\\]\\s+)?(https?://\\S+/debian${suffix})/?(?:\\s|$)`, 'm');
  for (const file of files) {
    if (!existsSync(file)) continue;
    const match = pattern.exec(readFileSync(file, 'utf8'));
    if (match?.[1]) return match[1];
  }
  return `http://deb.debian.org/debian${suffix}`;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function timed<T>(label: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  console.log(`vm-image: ${label}…`);
  return step().then((value) => {
    console.log(`vm-image: ${label} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return value;
  });
}

/**
 * mke2fs 1.47.0 copies each file's ctime (the moment the build made it) and atime (mke2fs's own read may have
 * moved it) into the file system; every inode gets SOURCE_DATE_EPOCH instead, so the same tree makes the same bytes.
 */
async function fixInodeTimes(rootfs: string, raw: string, work: string, epoch: string): Promise<void> {
  const paths = await new Promise<string[]>((resolvePaths, reject) => {
    const find = spawn('find', ['.', '-mindepth', '1', '-printf', '%P\\0'], { cwd: rootfs, stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    find.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    find.on('error', reject);
    find.on('exit', (code) => (code === 0 ? resolvePaths(Buffer.concat(chunks).toString('utf8').split('\0').filter(Boolean).sort()) : reject(new Error(`find ended with ${code}`))));
  });
  // debugfs reads one command a line, arguments in double quotes (no path in a Debian tree holds a quote or newline).
  const all = ['/', ...paths.map((path) => `/${path}`)];
  const unquotable = all.filter((path) => /["\n]/.test(path));
  if (unquotable.length > 0) console.warn(`vm-image: times left as they are (not bit-reproducible): ${unquotable.join(', ')}`);
  const quoted = all.filter((path) => !unquotable.includes(path)).map((path) => `"${path}"`);
  const commands = quoted.flatMap((path) => [`sif ${path} ctime @${epoch}`, `sif ${path} atime @${epoch}`]);
  const script = join(work, 'times.debugfs');
  await writeFile(script, `${commands.join('\n')}\n`);
  await run('debugfs', ['-w', '-f', script, raw], { ...process.env, E2FSPROGS_FAKE_TIME: epoch }, true);
}

export interface BuildOptions {
  out: string;
  arch: VmArch;
}

/** Builds the image into `out` (made if needed; its five files replaced); the work folder beside it is removed. */
export async function buildVmImage({ out, arch }: BuildOptions): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error('The VM image is built as root (mmdebstrap makes device nodes and chroots).');
  const started = Date.now();
  const sourceDateEpoch = process.env.SOURCE_DATE_EPOCH ?? DEFAULT_SOURCE_DATE_EPOCH;
  const env = { ...process.env, SOURCE_DATE_EPOCH: sourceDateEpoch, LC_ALL: 'C.UTF-8', TZ: 'UTC' };
  const mirror = process.env.MINATO_VM_MIRROR ?? hostMirror('');
  const securityMirror = process.env.MINATO_VM_SECURITY_MIRROR ?? hostMirror('-security');
  const { debianArch, kernel } = KERNEL[arch];

  await mkdir(dirname(resolve(out)), { recursive: true });
  // Beside the output, not in /tmp: the tree is about a gigabyte and /tmp may be memory.
  const work = await mkdtemp(`${resolve(out)}.work-`);
  const rootfs = join(work, 'rootfs');
  try {
    await timed(`Debian ${DEBIAN} ${debianArch} tree (mmdebstrap from ${mirror})`, () =>
      run(
        'mmdebstrap',
        [
          '--mode=root',
          '--variant=minbase',
          `--architectures=${debianArch}`,
          `--include=${[...PACKAGES, kernel].join(',')}`,
          ...DPKG_EXCLUDES.map((option) => `--dpkgopt=${option}`),
          // Before any package: the small initrd's configuration, so the kernel's postinst makes that initrd.
          `--setup-hook=cp -R --no-preserve=mode,ownership ${JSON.stringify(join(VM_IMAGE_SCRIPT_DIR, 'guest', 'setup'))}/. "$1"/ && chmod 0755 "$1"/etc/initramfs-tools/hooks/minato`,
          `--customize-hook=${join(VM_IMAGE_SCRIPT_DIR, 'customize.sh')}`,
          DEBIAN,
          rootfs,
          `deb ${mirror} ${DEBIAN} main`,
          `deb ${mirror} ${DEBIAN}-updates main`,
          `deb ${securityMirror} ${DEBIAN}-security main`,
        ],
        env,
      ),
    );

    await mkdir(out, { recursive: true });
    const boot = join(rootfs, 'boot');
    const kernelFile = listDir(boot).find((name) => name.startsWith('vmlinuz-'));
    const initrdFile = listDir(boot).find((name) => name.startsWith('initrd.img-'));
    if (!kernelFile || !initrdFile) throw new Error(`No kernel or initrd in ${boot}`);
    // The host boots the kernel directly: neither is needed on the disk.
    await rename(join(boot, kernelFile), join(work, 'vmlinuz'));
    await rename(join(boot, initrdFile), join(work, 'initrd.img'));
    // Files touched after the packages went in (our own, the postinsts') get the same time as the packages' files.
    await run('sh', ['-c', 'find "$1" -newermt "@$2" -print0 | xargs -0r touch --no-dereference --date="@$2"', 'sh', rootfs, sourceDateEpoch]);

    const raw = join(work, 'disk.raw');
    await timed(`ext4 file system of ${DISK_SIZE} (mke2fs -d)`, () =>
      run(
        'mke2fs',
        ['-q', '-F', '-t', 'ext4', '-L', 'minato-root', '-U', FS_UUID, '-E', `hash_seed=${FS_HASH_SEED},root_owner=0:0`, '-d', rootfs, raw, DISK_SIZE],
        { ...env, E2FSPROGS_FAKE_TIME: sourceDateEpoch },
      ),
    );
    await timed('file times fixed (debugfs)', () => fixInodeTimes(rootfs, raw, work, sourceDateEpoch));
    await rm(rootfs, { recursive: true, force: true });
    await timed('compressed qcow2 (qemu-img convert -c)', () =>
      run('qemu-img', ['convert', '-c', '-O', 'qcow2', '-o', 'compat=1.1', raw, join(work, 'disk.qcow2')], env),
    );
    await rm(raw, { force: true });

    const files: ManifestFile[] = [];
    for (const name of ['disk.qcow2', 'vmlinuz', 'initrd.img']) {
      await rm(join(out, name), { force: true });
      await copyFile(join(work, name), join(out, name));
      files.push({ name, size: (await stat(join(out, name))).size, sha256: await sha256Of(join(out, name)) });
    }
    const manifest = { version: minatoVersion(), arch, debian: DEBIAN, cmdline: VM_CMDLINE, files };
    const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(join(out, 'manifest.json'), manifestText);
    const manifestSum = createHash('sha256').update(manifestText).digest('hex');
    await writeFile(join(out, 'manifest.json.sha256'), `${manifestSum}  manifest.json\n`);
    const total = files.reduce((sum, file) => sum + file.size, 0);
    console.log(
      `vm-image: ${out}: ${files.map((file) => `${file.name} ${(file.size / 1e6).toFixed(1)} MB`).join(', ')}; ` +
        `${(total / 1e6).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, arch: { type: 'string', default: 'x86_64' } },
  });
  if (!values.out) throw new Error('Usage: npm run vm:image -- --out DIR [--arch x86_64|aarch64]');
  if (values.arch !== 'x86_64' && values.arch !== 'aarch64') throw new Error(`Unknown architecture ${values.arch}`);
  await buildVmImage({ out: resolve(values.out), arch: values.arch });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(VM_IMAGE_SCRIPT_DIR, 'build.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
