import type Docker from 'dockerode';

type Fields = Record<string, unknown>;
type Mount = { Type?: string; Source?: string; Target?: string; ReadOnly?: boolean };
type Bind = { source: string; target: string; readOnly: boolean };

/** The Config fields create-body.ts writes from a spec: the spec decides them, so one the edit leaves out goes away. */
export const SPEC_CONFIG_FIELDS = [
  'Image', 'Cmd', 'Entrypoint', 'Env', 'WorkingDir', 'User', 'Hostname', 'Labels', 'Tty', 'OpenStdin', 'StdinOnce',
  'AttachStdin', 'AttachStdout', 'AttachStderr', 'ExposedPorts', 'Volumes', 'MacAddress',
];

/** The HostConfig fields create-body.ts writes from a spec (Binds and Tmpfs keep the options the spec cannot show). */
export const SPEC_HOST_FIELDS = [
  'Binds', 'Tmpfs', 'VolumesFrom', 'NetworkMode', 'PortBindings', 'PublishAllPorts', 'RestartPolicy', 'AutoRemove', 'Memory',
  'NanoCpus', 'CpuShares', 'PidsLimit', 'Privileged', 'CapAdd', 'CapDrop', 'ExtraHosts', 'Dns', 'Links', 'LogConfig',
];

/** What a network endpoint was given beyond its aliases (--ip, --ip6, --link on a user network, driver options). */
const ENDPOINT_FIELDS = ['IPAMConfig', 'Links', 'DriverOpts', 'GwPriority'];

function without(fields: Fields | null | undefined, names: readonly string[]): Fields {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([name]) => !names.includes(name)));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The engine fills a container's healthcheck field by field, and its stop signal, from the image. Only what differs
 * from the old image was set on the container; the rest is left for the image the new container is made from.
 */
export function ownConfig(config: Fields, image: Fields | undefined): Fields {
  // ArgsEscaped too comes from the image (it only matters on Windows), and no run option sets it.
  const own = without(config, [...SPEC_CONFIG_FIELDS, 'ArgsEscaped']);
  if (!image) return own;
  if (same(config.StopSignal, image.StopSignal)) delete own.StopSignal;
  const health = Object.entries((config.Healthcheck ?? {}) as Fields).filter(([key, value]) => !same(value, (image.Healthcheck as Fields | undefined)?.[key]));
  if (health.length > 0) own.Healthcheck = Object.fromEntries(health);
  else delete own.Healthcheck;
  return own;
}

/** Ports opened with --expose alone: exposed, yet neither published nor the image's own EXPOSE. */
export function exposedOnly(old: Docker.ContainerInspectInfo, image: Fields | undefined): Fields {
  const elsewhere = new Set([...Object.keys(old.HostConfig.PortBindings ?? {}), ...Object.keys((image?.ExposedPorts ?? {}) as Fields)]);
  return Object.fromEntries(Object.keys(old.Config.ExposedPorts ?? {}).filter((port) => !elsewhere.has(port)).map((port) => [port, {}]));
}

/** The engine's own choices, which the new container must make again for itself rather than inherit. */
export function ownHostConfig(host: Fields, memory: number): Fields {
  const own = without(host, [...SPEC_HOST_FIELDS, 'Mounts']);
  // Memory without --memory-swap gets twice as much swap, which would be wrong for a changed limit; with no memory
  // limit at all the engine refuses a swap limit.
  const oldMemory = Number(host.Memory ?? 0);
  if (memory === 0 || (oldMemory > 0 && host.MemorySwap === oldMemory * 2)) delete own.MemorySwap;
  // The engine fills the default masked and read-only /proc paths unless the container is privileged; an empty list
  // is the one a person chose (--security-opt systempaths=unconfined).
  for (const paths of ['MaskedPaths', 'ReadonlyPaths']) {
    if (!Array.isArray(host[paths]) || (host[paths] as unknown[]).length > 0) delete own[paths];
  }
  return own;
}

function parseBind(bind: string): Bind {
  const [source = '', target = '', options = ''] = bind.split(':');
  return { source, target, readOnly: options.split(',').includes('ro') };
}

const sameBind = (a: Bind, b: Bind) => a.source === b.source && a.target === b.target && a.readOnly === b.readOnly;

/**
 * The spec knows a mount by source, target and read-only, so a mount it still has is sent as it was first given:
 * the -v string with its options (z, rslave, nocopy) or the --mount entry with its own. --mount tmpfs entries are
 * not in the spec at all and stay; tmpfs mounts keep their options (size, mode).
 */
function mounts(body: Fields, old: Docker.ContainerInspectInfo, anonymous: ReadonlySet<string>): Fields {
  const host = old.HostConfig as Fields & { Binds?: string[]; Mounts?: Mount[]; Tmpfs?: Record<string, string> };
  const volumeNames = new Map((old.Mounts ?? []).map((mount) => [mount.Destination, mount.Name ?? mount.Source]));
  // An anonymous volume from --mount has no source; it is mounted again by its name (recreate.ts).
  const oldMounts = (host.Mounts ?? []).map((mount) => (mount.Type === 'volume' && !mount.Source ? { ...mount, Source: volumeNames.get(mount.Target ?? '') } : mount));
  const stillWanted = new Set<Mount>();
  const binds: string[] = [];
  for (const bind of (body.Binds ?? []) as string[]) {
    const wanted = parseBind(bind);
    const given = (host.Binds ?? []).find((oldBind) => sameBind(parseBind(oldBind), wanted));
    const mounted = oldMounts.find(
      (mount) => (mount.Type === 'bind' || mount.Type === 'volume') && sameBind({ source: mount.Source ?? '', target: mount.Target ?? '', readOnly: mount.ReadOnly ?? false }, wanted),
    );
    if (given) binds.push(given);
    else if (mounted) stillWanted.add(mounted);
    else binds.push(bind);
  }
  // An anonymous --mount volume the spec still has (as a path of its own) stays that --mount entry, with its options.
  for (const mount of oldMounts) if (mount.Type === 'volume' && !mount.Source && anonymous.has(mount.Target ?? '')) stillWanted.add(mount);
  const kept = oldMounts.filter((mount) => (mount.Type !== 'bind' && mount.Type !== 'volume') || stillWanted.has(mount));
  const tmpfs = body.Tmpfs ? Object.fromEntries(Object.keys(body.Tmpfs).map((target) => [target, host.Tmpfs?.[target] ?? ''])) : undefined;
  return { Binds: binds.length > 0 ? binds : null, Tmpfs: tmpfs, Mounts: kept.length > 0 ? kept : undefined };
}

/** An endpoint as given to a network: what was chosen for it, not what the engine assigned (address, MAC, id). */
export function endpointToKeep(endpoint: Fields | undefined, ownShortId: string): Fields {
  const kept = Object.fromEntries(ENDPOINT_FIELDS.filter((name) => endpoint?.[name] != null).map((name) => [name, endpoint?.[name]]));
  const aliases = ((endpoint?.Aliases ?? []) as string[]).filter((alias) => alias !== ownShortId);
  return aliases.length > 0 ? { ...kept, Aliases: aliases } : kept;
}

function networking(body: Docker.ContainerCreateOptions, old: Docker.ContainerInspectInfo): Docker.ContainerCreateOptions['NetworkingConfig'] {
  const mode = body.HostConfig?.NetworkMode ?? 'default';
  // The default bridge takes neither addresses nor network-scoped links.
  if (mode === 'default') return body.NetworkingConfig;
  const oldEndpoint = (old.NetworkSettings.Networks as Record<string, Fields> | undefined)?.[mode];
  // The spec decides the aliases; the rest of the endpoint carries over when the container stays on that network.
  const carried = without(endpointToKeep(oldEndpoint, old.Id.slice(0, 12)), ['Aliases']);
  const endpoint = { ...carried, ...body.NetworkingConfig?.EndpointsConfig?.[mode] };
  return Object.keys(endpoint).length > 0 ? { EndpointsConfig: { [mode]: endpoint } } : undefined;
}

/**
 * The create body for an edited container: the old container exactly as it was, with the fields the spec decides
 * laid over it. An edit changes only what the person changed; options the Run form does not show (healthcheck,
 * --init, ulimits, devices, sysctls, security options…) come along untouched. `image` is the old container's image,
 * when it is still there, to tell what the image gave from what was set.
 */
export function carryOver(body: Docker.ContainerCreateOptions, old: Docker.ContainerInspectInfo, image: Docker.ImageInspectInfo | undefined): Docker.ContainerCreateOptions {
  const imageConfig = image?.Config as unknown as Fields | undefined;
  const bodyHost = (body.HostConfig ?? {}) as Fields;
  const kept = mounts(bodyHost, old, new Set(Object.keys((body.Volumes ?? {}) as Fields)));
  // A path given with --mount is mounted by that entry alone: the CLI adds no Config.Volumes entry for it.
  const byMount = new Set(((kept.Mounts ?? []) as Mount[]).map((mount) => mount.Target));
  const volumes = Object.fromEntries(Object.entries((body.Volumes ?? {}) as Fields).filter(([target]) => !byMount.has(target)));
  return {
    ...ownConfig(old.Config as unknown as Fields, imageConfig),
    ...body,
    ...(body.Volumes ? { Volumes: volumes } : {}),
    ExposedPorts: { ...exposedOnly(old, imageConfig), ...body.ExposedPorts },
    HostConfig: { ...ownHostConfig(old.HostConfig as Fields, Number(bodyHost.Memory ?? 0)), ...bodyHost, ...kept },
    NetworkingConfig: networking(body, old),
  } as Docker.ContainerCreateOptions;
}
