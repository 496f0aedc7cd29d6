/**
 * WSL2 on Windows: the same Debian root filesystem imported as a WSL distribution instead of booted under QEMU.
 * Only the commands are built here (argv arrays, never a shell line), so they are unit-tested on any platform; the
 * provider that runs them is Windows-only and not part of this build.
 */

export const WSL_DISTRO = 'Minato';

export interface WslCommand {
  file: string;
  args: string[];
}

const wsl = (...args: string[]): WslCommand => ({ file: 'wsl.exe', args });

/** `wsl --list` writes UTF-16LE; the caller decodes it and this reads whether WSL2 and our distribution are there. */
export function wslDetect(): WslCommand[] {
  return [wsl('--status'), wsl('--list', '--verbose')];
}

export function parseWslList(text: string): Array<{ name: string; state: string; version: number; isDefault: boolean }> {
  const rows = text.replaceAll('\0', '').split(/\r?\n/).slice(1);
  return rows.flatMap((row) => {
    const match = /^\s*(\*?)\s*(\S+)\s+(\S+)\s+(\d+)\s*$/.exec(row);
    if (!match) return [];
    const [, star, name, state, version] = match as unknown as [string, string, string, string, string];
    return [{ name, state, version: Number(version), isDefault: star === '*' }];
  });
}

/** Imports the root filesystem tarball (made from the image's disk) as a WSL2 distribution stored in `folder`. */
export function wslImport(folder: string, rootfsTar: string): WslCommand {
  return wsl('--import', WSL_DISTRO, folder, rootfsTar, '--version', '2');
}

/** dockerd runs as root inside the distribution; `--exec` skips the login shell so nothing is interpreted. */
export function wslStartDocker(): WslCommand {
  return wsl('--distribution', WSL_DISTRO, '--user', 'root', '--exec', '/usr/sbin/dockerd', '-H', 'unix:///var/run/docker.sock');
}

/** The Engine API is reached the way the CLI reaches an SSH engine: `docker system dial-stdio` on stdin/stdout. */
export function wslDialStdio(): WslCommand {
  return wsl('--distribution', WSL_DISTRO, '--user', 'root', '--exec', '/usr/bin/docker', 'system', 'dial-stdio');
}

export function wslStop(): WslCommand {
  return wsl('--terminate', WSL_DISTRO);
}

export function wslDelete(): WslCommand {
  return wsl('--unregister', WSL_DISTRO);
}

/** Reset: the distribution is unregistered (its disk with every image and container is gone) and imported again. */
export function wslReset(folder: string, rootfsTar: string): WslCommand[] {
  return [wslDelete(), wslImport(folder, rootfsTar)];
}

/** Windows folders appear under /mnt/<drive> in WSL, so C:\Users\ann\app binds as /mnt/c/Users/ann/app. */
export function wslPathOf(windowsPath: string): string | undefined {
  const match = /^([A-Za-z]):[\\/](.*)$/.exec(windowsPath);
  if (!match) return undefined;
  const [, drive, rest] = match as unknown as [string, string, string];
  return `/mnt/${drive.toLowerCase()}/${rest.replaceAll('\\', '/')}`.replace(/\/$/, '');
}
