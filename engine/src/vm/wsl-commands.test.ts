import { describe, expect, it } from 'vitest';
import { parseWslList, wslDelete, wslDetect, wslDialStdio, wslImport, wslPathOf, wslReset, wslStartDocker, wslStop } from './wsl-commands';

describe('WSL2 commands', () => {
  it('imports the root filesystem as a WSL2 distribution', () => {
    expect(wslImport('C:\\Users\\ann\\AppData\\Roaming\\Minato\\wsl', 'C:\\img\\rootfs.tar')).toEqual({
      file: 'wsl.exe',
      args: ['--import', 'Minato', 'C:\\Users\\ann\\AppData\\Roaming\\Minato\\wsl', 'C:\\img\\rootfs.tar', '--version', '2'],
    });
  });

  it('starts dockerd and dials the engine without a shell', () => {
    expect(wslStartDocker().args).toEqual(['--distribution', 'Minato', '--user', 'root', '--exec', '/usr/sbin/dockerd', '-H', 'unix:///var/run/docker.sock']);
    expect(wslDialStdio().args).toEqual(['--distribution', 'Minato', '--user', 'root', '--exec', '/usr/bin/docker', 'system', 'dial-stdio']);
  });

  it('stops, deletes and resets', () => {
    expect(wslStop().args).toEqual(['--terminate', 'Minato']);
    expect(wslDelete().args).toEqual(['--unregister', 'Minato']);
    expect(wslReset('D:\\wsl', 'D:\\rootfs.tar').map((command) => command.args[0])).toEqual(['--unregister', '--import']);
    expect(wslDetect().map((command) => command.args)).toEqual([['--status'], ['--list', '--verbose']]);
  });

  it('reads `wsl --list --verbose` as WSL writes it (UTF-16 NULs, a star on the default)', () => {
    const utf16ish = '  NAME      STATE           VERSION\r\n* Ubuntu    Running         2\r\n  Minato    Stopped         2\r\n'.split('').join('\0');
    expect(parseWslList(utf16ish)).toEqual([
      { name: 'Ubuntu', state: 'Running', version: 2, isDefault: true },
      { name: 'Minato', state: 'Stopped', version: 2, isDefault: false },
    ]);
  });

  it('maps a Windows folder to its /mnt path', () => {
    expect(wslPathOf('C:\\Users\\ann\\app')).toBe('/mnt/c/Users/ann/app');
    expect(wslPathOf('d:/data/')).toBe('/mnt/d/data');
    expect(wslPathOf('\\\\server\\share')).toBeUndefined();
  });
});
