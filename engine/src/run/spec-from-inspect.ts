import type Docker from 'dockerode';
import type { MountSpec, PortMapping, RunSpecInput } from '../../contract/run/run-spec';

type Pair = { key: string; value: string };

const ANONYMOUS_VOLUME = /^[0-9a-f]{64}$/;

function pairs(record: Record<string, string> | null | undefined, skip: Record<string, string> = {}): Pair[] {
  return Object.entries(record ?? {})
    .filter(([key, value]) => skip[key] !== value)
    .map(([key, value]) => ({ key, value }));
}

function sameList(a: readonly string[] | null | undefined, b: readonly string[] | null | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? []);
}

/**
 * `--entrypoint X` when the container's differs from its image's; `--entrypoint ''` when the image has one and the
 * container has none (the engine stores a cleared entrypoint as null); nothing when the image's applies.
 */
function entrypointOption(own: string[] | string | null | undefined, image: string[] | string | null | undefined): { entrypoint?: string } {
  const ownList = typeof own === 'string' ? [own] : (own ?? []);
  const imageList = typeof image === 'string' ? [image] : (image ?? []);
  if (sameList(ownList, imageList)) return {};
  return { entrypoint: ownList[0] ?? '' };
}

/**
 * The Run form's options for an existing container: what was given on `docker run`, with the image's own defaults
 * (its command, entrypoint, env and labels) left out so that "run another like this" and "edit" show what a person set.
 */
export function specFromInspect(container: Docker.ContainerInspectInfo, image: Docker.ImageInspectInfo | undefined): RunSpecInput {
  const config = container.Config;
  const host = container.HostConfig as Docker.HostConfig & { Tmpfs?: Record<string, string>; PidsLimit?: number | null; Links?: string[] | null; Dns?: string[] | null };
  const imageConfig = image?.Config;
  const name = container.Name.replace(/^\//, '');
  const imageEnv = new Set(imageConfig?.Env ?? []);
  const ports: PortMapping[] = [];
  for (const [key, bindings] of Object.entries(host.PortBindings ?? {}) as Array<[string, Array<{ HostIp?: string; HostPort?: string }> | null]>) {
    const [port, protocol = 'tcp'] = key.split('/');
    for (const binding of bindings ?? [{}]) {
      ports.push({
        ...(binding.HostIp ? { hostIp: binding.HostIp } : {}),
        ...(binding.HostPort ? { hostPort: Number(binding.HostPort) } : {}),
        containerPort: Number(port),
        protocol: protocol as PortMapping['protocol'],
      });
    }
  }
  const mounts: MountSpec[] = [];
  const binds = new Map((host.Binds ?? []).map((bind) => [bind.split(':')[1] ?? '', bind]));
  for (const mount of container.Mounts ?? []) {
    const readOnly = mount.RW === false;
    if (mount.Type === 'bind') mounts.push({ type: 'bind', source: mount.Source, target: mount.Destination, readOnly });
    else if (mount.Type === 'volume' && mount.Name && ANONYMOUS_VOLUME.test(mount.Name)) {
      // An anonymous volume, from `-v /path` or the image's VOLUME; after an edit the same volume is mounted again by
      // name (recreate.ts), which a person did not write either. Those that arrived with --volumes-from are the other
      // container's, and the image's own need no flag: "run another like this" gets fresh ones, as `docker run` would.
      const own = binds.has(mount.Destination) || (host.VolumesFrom ?? []).length === 0 || Object.hasOwn(config.Volumes ?? {}, mount.Destination);
      if (own && !Object.hasOwn(imageConfig?.Volumes ?? {}, mount.Destination)) mounts.push({ type: 'anonymous', target: mount.Destination });
    } else if (mount.Type === 'volume' && mount.Name) mounts.push({ type: 'volume', source: mount.Name, target: mount.Destination, readOnly });
  }
  for (const target of Object.keys(host.Tmpfs ?? {})) mounts.push({ type: 'tmpfs', target });
  const networkMode = host.NetworkMode ?? 'default';
  const customNetwork = networkMode !== 'default' && networkMode !== 'bridge' ? networkMode : undefined;
  const ownShortId = container.Id.slice(0, 12);
  const aliases = customNetwork
    ? ((container.NetworkSettings.Networks?.[customNetwork]?.Aliases ?? []) as string[]).filter((alias) => alias !== ownShortId && alias !== name)
    : [];
  const restart = host.RestartPolicy?.Name;
  const logConfig = host.LogConfig as { Type?: string; Config?: Record<string, string> } | undefined;
  return {
    image: config.Image,
    name,
    command: sameList(config.Cmd as string[] | null, imageConfig?.Cmd as string[] | null) ? [] : ((config.Cmd as string[] | null) ?? []),
    ...entrypointOption(config.Entrypoint as string[] | string | null | undefined, imageConfig?.Entrypoint as string[] | string | null | undefined),
    ...(config.WorkingDir && config.WorkingDir !== imageConfig?.WorkingDir ? { workdir: config.WorkingDir } : {}),
    ...(config.User && config.User !== imageConfig?.User ? { user: config.User } : {}),
    // On the host network the hostname is the host's own, and on another container's network that one's: not options
    // that were set.
    ...(config.Hostname && config.Hostname !== ownShortId && networkMode !== 'host' && !networkMode.startsWith('container:') ? { hostname: config.Hostname } : {}),
    ...(restart && restart !== 'no' ? { restart: { name: restart as 'always', ...(host.RestartPolicy?.MaximumRetryCount ? { maxRetries: host.RestartPolicy.MaximumRetryCount } : {}) } } : {}),
    autoRemove: host.AutoRemove ?? false,
    interactive: config.OpenStdin ?? false,
    tty: config.Tty ?? false,
    detach: true,
    env: (config.Env ?? []).filter((entry) => !imageEnv.has(entry)).map((entry) => ({ key: entry.slice(0, entry.indexOf('=')), value: entry.slice(entry.indexOf('=') + 1) })),
    ports,
    publishAll: host.PublishAllPorts ?? false,
    mounts,
    volumesFrom: host.VolumesFrom ?? [],
    ...(customNetwork || networkMode === 'host' || networkMode === 'none' ? { network: networkMode } : {}),
    networkAliases: aliases,
    extraHosts: host.ExtraHosts ?? [],
    dns: host.Dns ?? [],
    // Only an address that was asked for: the one the engine generates shows in NetworkSettings, not here.
    ...((config as { MacAddress?: string }).MacAddress ? { macAddress: (config as { MacAddress?: string }).MacAddress } : {}),
    links: (host.Links ?? []).map((link: string) => {
      const [target = '', alias = ''] = link.split(':');
      return `${target.replace(/^\//, '')}:${alias.split('/').pop()}`;
    }),
    ...(host.Memory ? { memory: host.Memory } : {}),
    ...(host.NanoCpus ? { cpus: host.NanoCpus / 1e9 } : {}),
    ...(host.CpuShares ? { cpuShares: host.CpuShares } : {}),
    ...(host.PidsLimit ? { pidsLimit: host.PidsLimit } : {}),
    privileged: host.Privileged ?? false,
    capAdd: (host.CapAdd ?? []).map((cap: string) => cap.replace(/^CAP_/, '')),
    capDrop: (host.CapDrop ?? []).map((cap: string) => cap.replace(/^CAP_/, '')),
    labels: pairs(config.Labels, (imageConfig?.Labels ?? {}) as Record<string, string>),
    ...(logConfig?.Type && (logConfig.Type !== 'json-file' || Object.keys(logConfig.Config ?? {}).length > 0) ? { logDriver: logConfig.Type } : {}),
    logOptions: pairs(logConfig?.Config),
  };
}
