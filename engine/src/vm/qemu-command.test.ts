import { describe, expect, it } from 'vitest';
import { acceleratorsFor, cmdlineFor, probeArgs, qemuArgs, qemuBinary, type QemuCommandInput } from './qemu-command';

const base: QemuCommandInput = {
  platform: 'linux',
  arch: 'x86_64',
  accel: 'tcg',
  cpus: 2,
  memoryMiB: 2048,
  disk: '/cfg/vm/disk.qcow2',
  kernel: '/img/vmlinuz',
  initrd: '/img/initrd.img',
  cmdline: 'root=/dev/vda rw console=ttyS0 net.ifnames=0 apparmor=0',
  sshPort: 40022,
  qmp: { path: '/cfg/vm/qmp.sock' },
  ready: { path: '/cfg/vm/ready.sock' },
  console: { path: '/cfg/vm/console.sock' },
  serialLog: '/cfg/vm/serial.log',
  pidFile: '/cfg/vm/qemu.pid',
  fwCfg: [{ name: 'opt/org.minato/authorized_keys', file: '/cfg/vm/authorized_keys' }],
  shares: [{ tag: 'home', path: '/home/ann' }],
};

/** The value after each occurrence of a flag. */
const valuesOf = (args: string[], flag: string) => args.flatMap((arg, index) => (arg === flag ? [args[index + 1]] : []));

describe('qemuArgs', () => {
  it('x86_64 under tcg on Linux: q35, multi-threaded tcg, cpu max, every device of the contract', () => {
    const args = qemuArgs(base);
    expect(valuesOf(args, '-machine')).toEqual(['q35']);
    expect(valuesOf(args, '-accel')).toEqual(['tcg,thread=multi']);
    expect(valuesOf(args, '-cpu')).toEqual(['max']);
    expect(valuesOf(args, '-smp')).toEqual(['2']);
    expect(valuesOf(args, '-m')).toEqual(['2048M']);
    expect(valuesOf(args, '-append')).toEqual([base.cmdline]);
    expect(valuesOf(args, '-netdev')).toEqual(['user,id=net0,hostfwd=tcp:127.0.0.1:40022-:22']);
    expect(valuesOf(args, '-qmp')).toEqual(['unix:/cfg/vm/qmp.sock,server=on,wait=off']);
    expect(valuesOf(args, '-chardev')).toEqual([
      'socket,id=console,path=/cfg/vm/console.sock,server=on,wait=off,logfile=/cfg/vm/serial.log,logappend=on',
      'socket,id=ready,path=/cfg/vm/ready.sock,server=on,wait=off',
    ]);
    expect(valuesOf(args, '-serial')).toEqual(['chardev:console']);
    expect(valuesOf(args, '-device')).toContain('virtserialport,chardev=ready,name=minato.ready');
    expect(valuesOf(args, '-fw_cfg')).toEqual(['name=opt/org.minato/authorized_keys,file=/cfg/vm/authorized_keys']);
    expect(valuesOf(args, '-fsdev')).toEqual(['local,id=fs-home,path=/home/ann,security_model=none']);
    expect(valuesOf(args, '-device')).toContain('virtio-9p-pci,fsdev=fs-home,mount_tag=home');
    expect(args).not.toContain('-bios');
  });

  it('kvm on Linux passes the host CPU through', () => {
    const args = qemuArgs({ ...base, accel: 'kvm' });
    expect(valuesOf(args, '-accel')).toEqual(['kvm']);
    expect(valuesOf(args, '-cpu')).toEqual(['host']);
    expect(valuesOf(args, '-machine')).toEqual(['q35']);
  });

  it('hvf on an Intel Mac: q35 with the host CPU', () => {
    const args = qemuArgs({ ...base, platform: 'darwin', accel: 'hvf' });
    expect(valuesOf(args, '-machine')).toEqual(['q35']);
    expect(valuesOf(args, '-accel')).toEqual(['hvf']);
    expect(valuesOf(args, '-cpu')).toEqual(['host']);
  });

  it('aarch64 under hvf (Apple Silicon): virt with highmem, console on ttyAMA0, firmware when given', () => {
    const args = qemuArgs({ ...base, platform: 'darwin', arch: 'aarch64', accel: 'hvf', firmware: '/opt/qemu/edk2-aarch64-code.fd' });
    expect(valuesOf(args, '-machine')).toEqual(['virt,highmem=on']);
    expect(valuesOf(args, '-cpu')).toEqual(['host']);
    expect(valuesOf(args, '-append')).toEqual(['root=/dev/vda rw console=ttyAMA0 net.ifnames=0 apparmor=0']);
    expect(valuesOf(args, '-bios')).toEqual(['/opt/qemu/edk2-aarch64-code.fd']);
  });

  it('aarch64 under tcg: virt, cpu max; no firmware needed for direct kernel boot', () => {
    const args = qemuArgs({ ...base, arch: 'aarch64', accel: 'tcg' });
    expect(valuesOf(args, '-machine')).toEqual(['virt']);
    expect(valuesOf(args, '-cpu')).toEqual(['max']);
    expect(args).not.toContain('-bios');
  });

  it('aarch64 under kvm on Linux: virt with the host CPU', () => {
    const args = qemuArgs({ ...base, arch: 'aarch64', accel: 'kvm' });
    expect(valuesOf(args, '-machine')).toEqual(['virt']);
    expect(valuesOf(args, '-cpu')).toEqual(['host']);
  });

  it('whpx on Windows: irqchip in QEMU, TCP control channels, no 9p share', () => {
    const args = qemuArgs({ ...base, platform: 'win32', accel: 'whpx', qmp: { port: 50001 }, ready: { port: 50002 }, console: { port: 50003 }, disk: 'C:\\Users\\ann\\vm\\disk.qcow2' });
    expect(valuesOf(args, '-accel')).toEqual(['whpx,kernel-irqchip=off']);
    expect(valuesOf(args, '-cpu')).toEqual(['max']);
    expect(valuesOf(args, '-qmp')).toEqual(['tcp:127.0.0.1:50001,server=on,wait=off']);
    expect(valuesOf(args, '-chardev')[1]).toBe('socket,id=ready,host=127.0.0.1,port=50002,server=on,wait=off');
    expect(args).not.toContain('-fsdev');
    expect(valuesOf(args, '-drive')[0]).toContain('file=C:\\Users\\ann\\vm\\disk.qcow2,');
  });

  it('doubles commas in paths so a folder name cannot add an option', () => {
    const args = qemuArgs({ ...base, disk: '/x,readonly=on/disk.qcow2', shares: [{ tag: 'home', path: '/home/a,b' }] });
    expect(valuesOf(args, '-drive')[0]).toBe('file=/x,,readonly=on/disk.qcow2,if=none,id=disk0,format=qcow2,discard=unmap');
    expect(valuesOf(args, '-fsdev')[0]).toBe('local,id=fs-home,path=/home/a,,b,security_model=none');
  });

  it('tests: restricted network with a guest forward to the registry', () => {
    const args = qemuArgs({ ...base, restrictNetwork: true, guestForwards: [{ guestIp: '10.0.2.100', guestPort: 5000, hostPort: 41000 }] });
    expect(valuesOf(args, '-netdev')).toEqual([
      'user,id=net0,hostfwd=tcp:127.0.0.1:40022-:22,restrict=on,guestfwd=tcp:10.0.2.100:5000-tcp:127.0.0.1:41000',
    ]);
  });
});

describe('accelerators and binaries', () => {
  it('offers the platform accelerator first and tcg last', () => {
    expect(acceleratorsFor('linux', 'x86_64', 'x86_64')).toEqual(['kvm', 'tcg']);
    expect(acceleratorsFor('darwin', 'aarch64', 'aarch64')).toEqual(['hvf', 'tcg']);
    expect(acceleratorsFor('win32', 'x86_64', 'x86_64')).toEqual(['whpx', 'tcg']);
  });

  it('a guest of another architecture is emulated', () => {
    expect(acceleratorsFor('darwin', 'aarch64', 'x86_64')).toEqual(['tcg']);
  });

  it('names the binary per architecture and platform', () => {
    expect(qemuBinary('x86_64', 'linux')).toBe('qemu-system-x86_64');
    expect(qemuBinary('aarch64', 'darwin')).toBe('qemu-system-aarch64');
    expect(qemuBinary('x86_64', 'win32')).toBe('qemu-system-x86_64.exe');
  });

  it('keeps the console on ttyS0 for x86_64', () => {
    expect(cmdlineFor('x86_64', base.cmdline)).toBe(base.cmdline);
  });

  it('probes x86 through the firmware log and aarch64 through QMP', () => {
    expect(probeArgs('x86_64', 'kvm')).toContain('isa-debugcon,iobase=0x402,chardev=dbg');
    expect(probeArgs('x86_64', 'kvm', '/img/vmlinuz')).toEqual(expect.arrayContaining(['-kernel', '/img/vmlinuz', '-no-reboot', '-serial', 'stdio']));
    expect(probeArgs('aarch64', 'kvm', '/img/vmlinuz')).toContain('console=ttyAMA0 panic=-1 loglevel=4');
    expect(probeArgs('aarch64', 'hvf')).toEqual(expect.arrayContaining(['-qmp', 'stdio', '-machine', 'virt,highmem=on']));
  });
});
