import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import type { QemuInfo } from '../../contract/vm';
import { qemuBinary, type HostPlatform, type VmArch } from './qemu-command';

/** How a person installs QEMU on each platform (shown with the missing-QEMU message; never run by Minato). */
export function installCommandFor(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'darwin':
      return 'brew install qemu';
    case 'win32':
      return 'winget install SoftwareFreedomConservancy.QEMU';
    case 'linux':
      return 'sudo apt-get install qemu-system-x86 qemu-utils   # Fedora: sudo dnf install qemu-kvm qemu-img';
    default:
      return 'Install QEMU from https://www.qemu.org/download/';
  }
}

/** Where each platform's installers put QEMU when it is not on PATH (Homebrew on both Mac kinds, the Windows installer). */
function usualFolders(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') return ['/opt/homebrew/bin', '/usr/local/bin', '/opt/local/bin'];
  if (platform === 'win32') return [path.win32.join(env.ProgramFiles ?? 'C:\\Program Files', 'qemu')];
  return [];
}

async function executable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

function versionOf(binary: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(binary, ['--version'], { timeout: 10_000 }, (error, stdout) => {
      resolve(error ? undefined : /version (\S+)/.exec(stdout)?.[1]);
    });
  });
}

/**
 * QEMU for the VM's architecture: the path set in the VM's settings first (a folder or the binary itself), then
 * PATH, then the usual install folders. qemu-img is looked for beside it.
 */
export async function findQemu(
  arch: VmArch,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  configured?: string,
): Promise<QemuInfo & { imgPath?: string }> {
  const name = qemuBinary(arch, platform as HostPlatform);
  const folders = [
    ...(configured ? [configured] : []),
    ...(env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean),
    ...usualFolders(platform, env),
  ];
  for (const folder of folders) {
    const candidates = path.basename(folder) === name ? [folder] : [path.join(folder, name)];
    for (const candidate of candidates) {
      if (!(await executable(candidate))) continue;
      const version = await versionOf(candidate);
      if (!version) continue;
      const img = path.join(path.dirname(candidate), platform === 'win32' ? 'qemu-img.exe' : 'qemu-img');
      return { found: true, path: candidate, version, platform, ...((await executable(img)) ? { imgPath: img } : {}) };
    }
  }
  return { found: false, platform, installCommand: installCommandFor(platform) };
}
