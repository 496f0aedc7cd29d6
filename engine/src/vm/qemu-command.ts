/**
 * The QEMU command line of Minato's VM, per platform, architecture and accelerator. Pure: the same inputs give the
 * same argv, so every combination is unit-tested without running QEMU.
 */

export type VmArch = 'x86_64' | 'aarch64';
export type Accel = 'kvm' | 'hvf' | 'whpx' | 'tcg';
export type HostPlatform = 'linux' | 'darwin' | 'win32';

/** A control channel: a unix socket, or (Windows, where QEMU's chardevs have no unix sockets) a loopback TCP port. */
export type Channel = { path: string } | { port: number };

export interface QemuCommandInput {
  platform: HostPlatform;
  arch: VmArch;
  accel: Accel;
  cpus: number;
  memoryMiB: number;
  disk: string;
  kernel: string;
  initrd: string;
  cmdline: string;
  sshPort: number;
  qmp: Channel;
  ready: Channel;
  /** The serial console: a socket Minato reads live, also written to serialLog by QEMU itself (so it outlives Minato). */
  console: Channel;
  serialLog: string;
  pidFile: string;
  /** fw_cfg files the guest reads at first boot (authorized_keys, the pinned host key, the shares list). */
  fwCfg: Array<{ name: string; file: string }>;
  /** virtio-9p shares: the guest mounts tag at the path the shares list names. */
  shares: Array<{ tag: string; path: string }>;
  /** Tests: keep the guest off everything but the forwards, and let it reach one host service. */
  restrictNetwork?: boolean;
  guestForwards?: Array<{ guestIp: string; guestPort: number; hostPort: number }>;
  /** aarch64 only: UEFI code to boot from when no kernel is given directly (not needed for direct kernel boot). */
  firmware?: string;
}

export function qemuBinary(arch: VmArch, platform: HostPlatform): string {
  const name = arch === 'x86_64' ? 'qemu-system-x86_64' : 'qemu-system-aarch64';
  return platform === 'win32' ? `${name}.exe` : name;
}

/** The accelerators each platform offers, best first; tcg always works and always comes last. */
export function acceleratorsFor(platform: HostPlatform, hostArch: VmArch, arch: VmArch): Accel[] {
  // Hardware acceleration runs only a guest of the host's own architecture.
  if (hostArch !== arch) return ['tcg'];
  const native: Record<HostPlatform, Accel> = { linux: 'kvm', darwin: 'hvf', win32: 'whpx' };
  return [native[platform], 'tcg'];
}

function machineArgs(arch: VmArch, accel: Accel): string[] {
  // whpx cannot run QEMU's in-kernel interrupt controller emulation; it must stay in QEMU.
  const accelValue = accel === 'tcg' ? 'tcg,thread=multi' : accel === 'whpx' ? 'whpx,kernel-irqchip=off' : accel;
  // A hardware accelerator passes the host CPU through; tcg emulates the richest CPU it knows.
  const cpu = accel === 'tcg' || accel === 'whpx' ? 'max' : 'host';
  // virt on Apple Silicon needs highmem for more than 3 GiB of RAM to sit above the device memory.
  const machine = arch === 'x86_64' ? 'q35' : accel === 'hvf' ? 'virt,highmem=on' : 'virt';
  return ['-machine', machine, '-accel', accelValue, '-cpu', cpu];
}

function chardevOf(id: string, channel: Channel): string {
  const where = 'path' in channel ? `socket,id=${id},path=${channel.path}` : `socket,id=${id},host=127.0.0.1,port=${channel.port}`;
  return `${where},server=on,wait=off`;
}

/** QEMU splits option values on commas; a comma inside a path is written twice. */
export const qemuValue = (value: string) => value.replaceAll(',', ',,');

const channelValue = (channel: Channel): Channel => ('path' in channel ? { path: qemuValue(channel.path) } : channel);

/** The guest's serial console is ttyS0 on x86 and ttyAMA0 (PL011) on the virt machine. */
export function cmdlineFor(arch: VmArch, cmdline: string): string {
  return arch === 'aarch64' ? cmdline.replace(/\bconsole=ttyS0\b/, 'console=ttyAMA0') : cmdline;
}

function netdev(input: QemuCommandInput): string {
  const parts = ['user', 'id=net0', `hostfwd=tcp:127.0.0.1:${input.sshPort}-:22`];
  if (input.restrictNetwork) parts.push('restrict=on');
  for (const forward of input.guestForwards ?? []) {
    parts.push(`guestfwd=tcp:${forward.guestIp}:${forward.guestPort}-tcp:127.0.0.1:${forward.hostPort}`);
  }
  return parts.join(',');
}

export function qemuArgs(input: QemuCommandInput): string[] {
  const args = [
    '-name',
    'minato-vm',
    ...machineArgs(input.arch, input.accel),
    '-smp',
    String(input.cpus),
    '-m',
    `${input.memoryMiB}M`,
    '-nodefaults',
    '-no-user-config',
    '-display',
    'none',
    '-pidfile',
    input.pidFile,
    '-chardev',
    `${chardevOf('console', channelValue(input.console))},logfile=${qemuValue(input.serialLog)},logappend=on`,
    '-serial',
    'chardev:console',
  ];
  if (input.firmware && input.arch === 'aarch64') args.push('-bios', input.firmware);
  args.push(
    '-kernel',
    input.kernel,
    '-initrd',
    input.initrd,
    '-append',
    cmdlineFor(input.arch, input.cmdline),
    '-drive',
    `file=${qemuValue(input.disk)},if=none,id=disk0,format=qcow2,discard=unmap`,
    '-device',
    'virtio-blk-pci,drive=disk0',
    '-netdev',
    netdev(input),
    '-device',
    'virtio-net-pci,netdev=net0',
    // sshd and dockerd wait for entropy at boot without a hardware RNG.
    '-device',
    'virtio-rng-pci',
    '-qmp',
    'path' in input.qmp ? `unix:${qemuValue(input.qmp.path)},server=on,wait=off` : `tcp:127.0.0.1:${input.qmp.port},server=on,wait=off`,
    '-device',
    'virtio-serial-pci',
    '-chardev',
    chardevOf('ready', channelValue(input.ready)),
    '-device',
    'virtserialport,chardev=ready,name=minato.ready',
  );
  for (const entry of input.fwCfg) args.push('-fw_cfg', `name=${entry.name},file=${qemuValue(entry.file)}`);
  // QEMU for Windows has no 9p file server; WSL2 is the way to share folders there.
  if (input.platform !== 'win32') {
    for (const share of input.shares) {
      args.push(
        '-fsdev',
        `local,id=fs-${share.tag},path=${qemuValue(share.path)},security_model=none`,
        '-device',
        `virtio-9p-pci,fsdev=fs-${share.tag},mount_tag=${share.tag}`,
      );
    }
  }
  return args;
}

/**
 * The accelerator probe. With the VM's kernel: boot it with no disk and watch it reach the point where it looks for
 * its root filesystem (a nested KVM that starts firmware and then hangs in the kernel is caught there). Without one:
 * a disk-less machine whose firmware prints its progress (x86) or whose vCPUs QMP reports running (aarch64).
 */
export function probeArgs(arch: VmArch, accel: Accel, kernel?: string): string[] {
  const base = [...machineArgs(arch, accel), '-nodefaults', '-no-user-config', '-display', 'none', '-m', '256M'];
  if (kernel) {
    return [...base, '-no-reboot', '-serial', 'stdio', '-kernel', kernel, '-append', cmdlineFor(arch, 'console=ttyS0 panic=-1 loglevel=4')];
  }
  // SeaBIOS writes its log to the debug console port; a vCPU that really runs gets to "No bootable device".
  if (arch === 'x86_64') return [...base, '-chardev', 'stdio,id=dbg', '-device', 'isa-debugcon,iobase=0x402,chardev=dbg'];
  return [...base, '-qmp', 'stdio'];
}

/** What the probe's output shows once the vCPU has really run code. */
export const PROBE_PROGRESS = /Kernel panic|VFS: Unable to mount|Run \/init|No bootable device|Booting from|"running":\s*true/;
