import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { vmImageInputsHash, VM_IMAGE_SCRIPT_DIR, type VmArch } from '../vm-image/inputs';
import { isRunning } from './processes';

/** Where built images are kept between test steps and runs (MINATO_TEST_VM_IMAGE_CACHE moves it). */
export function vmImageCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.MINATO_TEST_VM_IMAGE_CACHE ?? '/var/cache/minato-test';
}

export function hostVmArch(): VmArch {
  return process.arch === 'arm64' ? 'aarch64' : 'x86_64';
}

/** The image's folder for the current recipe: `vm-image-<first 16 hex of the inputs' hash>-<arch>`. */
export function testVmImageFolder(arch: VmArch = hostVmArch(), root = vmImageCacheRoot()): string {
  return join(root, `vm-image-${vmImageInputsHash(arch).slice(0, 16)}-${arch}`);
}

const complete = (folder: string) => existsSync(join(folder, 'manifest.json.sha256'));

/**
 * Takes the build lock (a file made with O_EXCL holding the builder's pid). A lock whose process has gone is
 * stale and taken over; a live one is waited for (another run is building the same image).
 */
async function lock(lockFile: string, folder: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (complete(folder)) return false;
    const owner = Number(await readFile(lockFile, 'utf8').catch(() => ''));
    if (owner > 0 && !isRunning(owner)) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for another run to build ${folder} (lock ${lockFile})`);
    // Another run is building: its result appears as the folder's checksum file.
    await new Promise((wake) => setTimeout(wake, 2000));
  }
}

function buildInto(out: string, arch: VmArch, logFile: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, ['--import', 'tsx', join(VM_IMAGE_SCRIPT_DIR, 'build.ts'), '--out', out, '--arch', arch], {
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolvePromise();
      const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
      reject(new Error(`Building the VM image failed (exit ${code}); the end of ${logFile}:\n${tail}`));
    });
  });
}

/**
 * The VM image for the tests: built once per machine and recipe into the cache (about 3–5 minutes here), then
 * reused by every step and run. Two runs asking at once build it once. Resolves to the image's folder
 * (disk.qcow2, vmlinuz, initrd.img, manifest.json, manifest.json.sha256); never modify it: boot an overlay.
 */
export async function ensureTestVmImage(options: { arch?: VmArch; root?: string; timeoutMs?: number } = {}): Promise<string> {
  const arch = options.arch ?? hostVmArch();
  const root = resolve(options.root ?? vmImageCacheRoot());
  const folder = testVmImageFolder(arch, root);
  if (complete(folder)) return folder;
  await mkdir(root, { recursive: true });
  const lockFile = `${folder}.lock`;
  if (!(await lock(lockFile, folder, options.timeoutMs ?? 20 * 60_000))) return folder;
  try {
    if (complete(folder)) return folder;
    const building = `${folder}.building`;
    // What a build that was killed left behind (its work folder holds a whole Debian tree).
    for (const name of await readdir(root)) {
      if (name === basename(building) || name.startsWith(`${basename(building)}.work-`)) {
        await rm(join(dirname(building), name), { recursive: true, force: true });
      }
    }
    await buildInto(building, arch, `${folder}.log`);
    await rm(folder, { recursive: true, force: true });
    // Whole or not at all: the folder appears complete, by one rename.
    await rename(building, folder);
    return folder;
  } finally {
    await rm(lockFile, { force: true });
  }
}

/** For the CLI: `npx tsx scripts/test-support/vm-image.ts` builds (or finds) the cached image and prints its folder. */
async function main(): Promise<void> {
  console.log(await ensureTestVmImage());
}

if (process.argv[1] && resolve(process.argv[1]).endsWith('scripts/test-support/vm-image.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
