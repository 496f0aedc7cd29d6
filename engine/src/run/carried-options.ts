import type Docker from 'dockerode';
import type { Carried, CarriedMount } from '../../contract/run/carried';
import { formatMemory, type MountSpec } from '../../contract/run/run-spec';
import { endpointToKeep, exposedOnly, ownConfig, ownHostConfig } from './carry-over';

type Fields = Record<string, unknown>;
type Flags = string[];

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

/** A value the engine stores for an option nobody gave. */
const unset = (value: unknown) =>
  value === null || value === undefined || value === '' || value === false || value === 0 || (typeof value === 'object' && Object.keys(value).length === 0);

/** Nanoseconds as a Go duration, which is what --health-interval and friends read ("5s", "1m30s", "500ms"). */
function duration(nanoseconds: number): string {
  if (nanoseconds % 1e9 === 0) {
    const seconds = nanoseconds / 1e9;
    const minutes = Math.floor(seconds / 60);
    return minutes > 0 ? `${minutes}m${seconds % 60 ? `${seconds % 60}s` : ''}` : `${seconds}s`;
  }
  return nanoseconds % 1e6 === 0 ? `${nanoseconds / 1e6}ms` : `${nanoseconds / 1e3}us`;
}

const each = (flag: string, values: unknown, write: (value: never) => string = String): Flags =>
  Array.isArray(values) ? values.flatMap((value) => [flag, write(value as never)]) : [];
const text = (flag: string) => (value: unknown): Flags => (value ? [flag, String(value)] : []);
const number = (flag: string) => (value: unknown): Flags => (typeof value === 'number' && value !== 0 ? [flag, String(value)] : []);
const bytes = (flag: string) => (value: unknown): Flags => (typeof value === 'number' && value > 0 ? [flag, formatMemory(value)] : []);
const rates = (flag: string) => (value: unknown): Flags => each(flag, value, (rate: { Path: string; Rate: number }) => `${rate.Path}:${rate.Rate}`);

/**
 * The Config fields a container keeps beyond the spec, each as the flags that set it. A field that is here but absent
 * from the result was left at its default; one with no entry here is reported as unexpressed.
 */
const CONFIG_FLAGS: Record<string, (value: unknown) => Flags> = {
  Domainname: text('--domainname'),
  StopSignal: text('--stop-signal'),
  StopTimeout: (value) => (typeof value === 'number' ? ['--stop-timeout', String(value)] : []),
  Healthcheck: (value) => {
    const health = (value ?? {}) as { Test?: string[]; Interval?: number; Timeout?: number; StartPeriod?: number; Retries?: number };
    const flags: Flags = [];
    if (health.Test?.[0] === 'NONE') return ['--no-healthcheck'];
    if (health.Test?.[0] === 'CMD-SHELL') flags.push('--health-cmd', health.Test.slice(1).join(' '));
    if (health.Interval) flags.push('--health-interval', duration(health.Interval));
    if (health.Timeout) flags.push('--health-timeout', duration(health.Timeout));
    if (health.StartPeriod) flags.push('--health-start-period', duration(health.StartPeriod));
    if (health.Retries) flags.push('--health-retries', String(health.Retries));
    return flags;
  },
  // Defaults the engine fills in, or fields no run option sets.
  OnBuild: () => [],
  Shell: () => [],
  NetworkDisabled: () => [],
};

const HOST_FLAGS: Record<string, (value: unknown) => Flags> = {
  Init: (value) => (value ? ['--init'] : []),
  ReadonlyRootfs: (value) => (value ? ['--read-only'] : []),
  OomKillDisable: (value) => (value ? ['--oom-kill-disable'] : []),
  Ulimits: (value) => each('--ulimit', value, (limit: { Name: string; Soft: number; Hard: number }) => `${limit.Name}=${limit.Soft === limit.Hard ? limit.Soft : `${limit.Soft}:${limit.Hard}`}`),
  Devices: (value) =>
    each('--device', value, (device: { PathOnHost: string; PathInContainer: string; CgroupPermissions: string }) =>
      [device.PathOnHost, device.PathInContainer, ...(device.CgroupPermissions && device.CgroupPermissions !== 'rwm' ? [device.CgroupPermissions] : [])].join(':'),
    ),
  DeviceCgroupRules: (value) => each('--device-cgroup-rule', value),
  Sysctls: (value) => Object.entries((value ?? {}) as Record<string, string>).flatMap(([key, setting]) => ['--sysctl', `${key}=${setting}`]),
  GroupAdd: (value) => each('--group-add', value),
  StorageOpt: (value) => Object.entries((value ?? {}) as Record<string, string>).flatMap(([key, setting]) => ['--storage-opt', `${key}=${setting}`]),
  SecurityOpt: (value) => each('--security-opt', value),
  DnsOptions: (value) => each('--dns-option', value),
  DnsSearch: (value) => each('--dns-search', value),
  ShmSize: (value) => (typeof value === 'number' && value !== 64 * 1024 * 1024 && value > 0 ? ['--shm-size', formatMemory(value)] : []),
  MemoryReservation: bytes('--memory-reservation'),
  MemorySwap: (value) => (value === -1 ? ['--memory-swap', '-1'] : bytes('--memory-swap')(value)),
  MemorySwappiness: (value) => (typeof value === 'number' && value >= 0 ? ['--memory-swappiness', String(value)] : []),
  KernelMemory: bytes('--kernel-memory'),
  KernelMemoryTCP: () => [],
  CpuPeriod: number('--cpu-period'),
  CpuQuota: number('--cpu-quota'),
  CpuRealtimePeriod: number('--cpu-rt-period'),
  CpuRealtimeRuntime: number('--cpu-rt-runtime'),
  CpusetCpus: text('--cpuset-cpus'),
  CpusetMems: text('--cpuset-mems'),
  CpuCount: number('--cpu-count'),
  CpuPercent: number('--cpu-percent'),
  IOMaximumIOps: number('--io-maxiops'),
  IOMaximumBandwidth: number('--io-maxbandwidth'),
  BlkioWeight: number('--blkio-weight'),
  BlkioWeightDevice: (value) => each('--blkio-weight-device', value, (device: { Path: string; Weight: number }) => `${device.Path}:${device.Weight}`),
  BlkioDeviceReadBps: rates('--device-read-bps'),
  BlkioDeviceWriteBps: rates('--device-write-bps'),
  BlkioDeviceReadIOps: rates('--device-read-iops'),
  BlkioDeviceWriteIOps: rates('--device-write-iops'),
  OomScoreAdj: number('--oom-score-adj'),
  // "private" is the engine's default; another mode (shareable, host, container:…) was asked for.
  IpcMode: (value) => (value && value !== 'private' ? ['--ipc', String(value)] : []),
  PidMode: text('--pid'),
  UTSMode: text('--uts'),
  UsernsMode: text('--userns'),
  CgroupParent: text('--cgroup-parent'),
  VolumeDriver: text('--volume-driver'),
  Isolation: text('--isolation'),
  Runtime: (value) => (value && value !== 'runc' ? ['--runtime', String(value)] : []),
  // An empty list is `--security-opt systempaths=unconfined`, which the CLI turns into these two fields.
  MaskedPaths: (value) => (Array.isArray(value) && value.length === 0 ? ['--security-opt', 'systempaths=unconfined'] : []),
  ReadonlyPaths: () => [],
  // Fields the CLI sets on its own side or that no option changes.
  ContainerIDFile: () => [],
  ConsoleSize: () => [],
  Cgroup: () => [],
};

/** "--mount type=volume,…" as the CLI reads it back for a mount it was given that way. */
function mountFlag(mount: { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean; BindOptions?: Fields; VolumeOptions?: Fields; TmpfsOptions?: Fields }, source?: string): string {
  const parts = [`type=${mount.Type}`, ...(source ? [`src=${source}`] : []), `dst=${mount.Target}`];
  if (mount.ReadOnly) parts.push('readonly');
  const bind = mount.BindOptions as { Propagation?: string; NonRecursive?: boolean } | undefined;
  if (bind?.Propagation) parts.push(`bind-propagation=${bind.Propagation}`);
  if (bind?.NonRecursive) parts.push('bind-nonrecursive');
  const volume = mount.VolumeOptions as { NoCopy?: boolean; DriverConfig?: { Name?: string; Options?: Record<string, string> }; Labels?: Record<string, string> } | undefined;
  if (volume?.NoCopy) parts.push('volume-nocopy');
  if (volume?.DriverConfig?.Name) parts.push(`volume-driver=${volume.DriverConfig.Name}`);
  for (const [key, value] of Object.entries(volume?.DriverConfig?.Options ?? {})) parts.push(`volume-opt=${key}=${value}`);
  for (const [key, value] of Object.entries(volume?.Labels ?? {})) parts.push(`volume-label=${key}=${value}`);
  const tmpfs = mount.TmpfsOptions as { SizeBytes?: number; Mode?: number } | undefined;
  if (tmpfs?.SizeBytes) parts.push(`tmpfs-size=${tmpfs.SizeBytes}`);
  if (tmpfs?.Mode) parts.push(`tmpfs-mode=${tmpfs.Mode.toString(8)}`);
  return parts.join(',');
}

/** How the spec's mounts were really given: -v with options, --mount entries, --tmpfs with options. */
function mountsOf(old: Docker.ContainerInspectInfo, mounts: readonly MountSpec[]): { carried: CarriedMount[]; extra: Flags } {
  const host = old.HostConfig as Fields & { Binds?: string[] | null; Mounts?: Array<Parameters<typeof mountFlag>[0]> | null; Tmpfs?: Record<string, string> | null };
  const names = new Map((old.Mounts ?? []).map((mount) => [mount.Destination, mount.Name]));
  const carried: CarriedMount[] = [];
  for (const bind of host.Binds ?? []) {
    const [source = '', target = '', options = ''] = bind.split(':');
    const readOnly = options.split(',').includes('ro');
    // Only options beyond ro/rw need writing out; a plain -v is what the spec writes itself.
    if (options.split(',').some((option) => option !== '' && option !== 'ro' && option !== 'rw')) {
      carried.push({ type: source.startsWith('/') ? 'bind' : 'volume', target, source, readOnly, args: ['--volume', bind] });
    }
  }
  const extra: Flags = [];
  for (const mount of host.Mounts ?? []) {
    if (mount.Type === 'bind' || mount.Type === 'volume') {
      const name = mount.Source || names.get(mount.Target ?? '');
      const anonymous = mount.Type === 'volume' && !mount.Source;
      const spec = mounts.find((wanted) => wanted.target === mount.Target);
      const args = ['--mount', mountFlag(mount, mount.Source || undefined)];
      if (anonymous) {
        if (spec?.type === 'anonymous') carried.push({ type: 'anonymous', target: mount.Target as string, args, editArgs: ['--mount', mountFlag(mount, name)] });
      } else carried.push({ type: mount.Type === 'bind' ? 'bind' : 'volume', target: mount.Target as string, source: name, readOnly: mount.ReadOnly ?? false, args });
    } else extra.push('--mount', mountFlag(mount));
  }
  for (const [target, options] of Object.entries(host.Tmpfs ?? {})) {
    if (options) carried.push({ type: 'tmpfs', target, args: ['--tmpfs', `${target}:${options}`] });
  }
  return { carried, extra };
}

/** The addresses the container asked for on its network (--ip, --ip6, --link-local-ip): its own, never copied. */
function addresses(old: Docker.ContainerInspectInfo): Flags {
  const mode = old.HostConfig.NetworkMode ?? 'default';
  const endpoint = (old.NetworkSettings.Networks as Record<string, { IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] } | null }> | undefined)?.[mode];
  const ipam = endpoint?.IPAMConfig;
  return [...text('--ip')(ipam?.IPv4Address), ...text('--ip6')(ipam?.IPv6Address), ...each('--link-local-ip', ipam?.LinkLocalIPs)];
}

/** The other networks as recreate.ts joins them again, each as `docker network connect` options. */
function otherNetworks(old: Docker.ContainerInspectInfo): Carried['connect'] {
  const primary = old.HostConfig.NetworkMode ?? 'default';
  return Object.entries((old.NetworkSettings.Networks ?? {}) as Record<string, Fields>)
    .filter(([network]) => network !== primary && network !== 'bridge' && network !== 'host' && network !== 'none')
    .map(([network, endpoint]) => {
      const kept = endpointToKeep(endpoint, old.Id.slice(0, 12)) as {
        Aliases?: string[];
        Links?: string[];
        DriverOpts?: Record<string, string>;
        IPAMConfig?: { IPv4Address?: string; IPv6Address?: string; LinkLocalIPs?: string[] };
      };
      const args = [
        ...each('--alias', kept.Aliases),
        ...text('--ip')(kept.IPAMConfig?.IPv4Address),
        ...text('--ip6')(kept.IPAMConfig?.IPv6Address),
        ...each('--link-local-ip', kept.IPAMConfig?.LinkLocalIPs),
        ...each('--link', kept.Links),
        ...Object.entries(kept.DriverOpts ?? {}).flatMap(([key, value]) => ['--driver-opt', `${key}=${value}`]),
      ];
      return { network, args };
    });
}

/**
 * The carried-over settings of a container as docker run flags, from the same fields carry-over.ts keeps, so that
 * the command shown after Edit or "run another like this" makes the container Minato makes. `mounts` are the spec's
 * mounts (spec-from-inspect.ts); `cgroupns` the engine's default cgroup namespace mode (host on cgroup v1).
 */
export function carriedOptions(old: Docker.ContainerInspectInfo, image: Docker.ImageInspectInfo | undefined, mounts: readonly MountSpec[], cgroupns: string): Carried {
  const imageConfig = image?.Config as unknown as Fields | undefined;
  const args: Flags = [];
  const unexpressed: string[] = [];
  for (const [field, value] of Object.entries(ownConfig(old.Config as unknown as Fields, imageConfig))) {
    const write = CONFIG_FLAGS[field];
    if (write) args.push(...write(value));
    else if (!unset(value)) unexpressed.push(`Config.${field}`);
  }
  for (const port of Object.keys(exposedOnly(old, imageConfig))) args.push('--expose', port);
  const host = ownHostConfig(old.HostConfig as Fields, Number(old.HostConfig.Memory ?? 0));
  for (const [field, value] of Object.entries(host)) {
    if (field === 'CgroupnsMode') {
      if (value && value !== cgroupns) args.push('--cgroupns', String(value));
      continue;
    }
    const write = HOST_FLAGS[field];
    if (write) args.push(...write(value));
    else if (!unset(value)) unexpressed.push(`HostConfig.${field}`);
  }
  // --health-cmd always makes a shell form; an exec-form test (from the API or Compose) has no flag.
  const ownHealth = ownConfig(old.Config as unknown as Fields, imageConfig).Healthcheck as { Test?: string[] } | undefined;
  if (ownHealth?.Test?.[0] === 'CMD') unexpressed.push('Config.Healthcheck.Test');
  const { carried, extra } = mountsOf(old, mounts);
  // The anonymous volumes an edit mounts again by name (recreate.ts): the spec's own and those at the image's VOLUME paths.
  const kept = new Set([...mounts.filter((mount) => mount.type === 'anonymous').map((mount) => mount.target), ...Object.keys(image?.Config?.Volumes ?? {})]);
  const editVolumes = Object.fromEntries(
    (old.Mounts ?? [])
      .filter((mount) => mount.Type === 'volume' && mount.Name && ANONYMOUS_VOLUME.test(mount.Name) && kept.has(mount.Destination))
      .map((mount) => [mount.Destination, mount.Name as string]),
  );
  return { args: [...args, ...extra], ownArgs: addresses(old), mounts: carried, editVolumes, connect: otherNetworks(old), unexpressed };
}
