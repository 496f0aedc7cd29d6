import type Docker from 'dockerode';
import type { RunSpec } from '../../contract/run/run-spec';

/** The CLI sends an empty list as null for these fields, and the engine stores what it is sent. */
function orNull<T>(values: T[]): T[] | null {
  return values.length > 0 ? values : null;
}

/** The CLI writes capabilities in their kernel spelling: CAP_NET_ADMIN for net_admin ("ALL" stays ALL). */
function capability(name: string): string {
  const upper = name.toUpperCase();
  return upper === 'ALL' || upper.startsWith('CAP_') ? upper : `CAP_${upper}`;
}

function toObject(pairs: Array<{ key: string; value: string }>): Record<string, string> {
  return Object.fromEntries(pairs.map(({ key, value }) => [key, value]));
}

/**
 * The Engine API create body for a spec, shaped as the docker CLI shapes it for the same flags, so that a container
 * made here and one made by the command Minato shows are the same container (the round-trip suite checks this).
 */
export function toCreateBody(spec: RunSpec): Docker.ContainerCreateOptions {
  const exposed: Record<string, object> = {};
  const bindings: Record<string, Array<{ HostIp: string; HostPort: string }>> = {};
  for (const port of spec.ports) {
    const key = `${port.containerPort}/${port.protocol}`;
    exposed[key] = {};
    (bindings[key] ??= []).push({ HostIp: port.hostIp ?? '', HostPort: port.hostPort === undefined ? '' : String(port.hostPort) });
  }
  const volumes: Record<string, object> = {};
  const binds: string[] = [];
  const tmpfs: Record<string, string> = {};
  for (const mount of spec.mounts) {
    if (mount.type === 'anonymous') volumes[mount.target] = {};
    else if (mount.type === 'tmpfs') tmpfs[mount.target] = '';
    else binds.push(`${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`);
  }
  const attached = !spec.detach;
  const networkMode = spec.network ?? 'default';
  const endpoint = spec.networkAliases.length > 0 || spec.macAddress ? { Aliases: spec.networkAliases.length > 0 ? spec.networkAliases : undefined } : undefined;
  return {
    ...(spec.name ? { name: spec.name } : {}),
    // Like name, platform travels in the query string (dockerode puts the top-level options there): API 1.41 and newer
    // create from the image's variant for that platform and refuse when the image has none.
    ...(spec.platform ? { platform: spec.platform } : {}),
    Image: spec.image,
    Cmd: spec.command.length > 0 ? spec.command : undefined,
    Entrypoint: spec.entrypoint === undefined ? undefined : spec.entrypoint === '' ? [''] : [spec.entrypoint],
    Env: spec.env.map(({ key, value }) => `${key}=${value}`),
    WorkingDir: spec.workdir ?? '',
    User: spec.user ?? '',
    Hostname: spec.hostname ?? '',
    Labels: toObject(spec.labels),
    Tty: spec.tty,
    OpenStdin: spec.interactive,
    StdinOnce: attached && spec.interactive,
    AttachStdin: attached && spec.interactive,
    AttachStdout: attached,
    AttachStderr: attached,
    ExposedPorts: exposed,
    Volumes: volumes,
    ...(spec.macAddress ? { MacAddress: spec.macAddress } : {}),
    HostConfig: {
      Binds: orNull(binds),
      Tmpfs: Object.keys(tmpfs).length > 0 ? tmpfs : undefined,
      VolumesFrom: orNull(spec.volumesFrom),
      NetworkMode: networkMode,
      PortBindings: bindings,
      PublishAllPorts: spec.publishAll,
      RestartPolicy: { Name: spec.restart?.name ?? 'no', MaximumRetryCount: spec.restart?.maxRetries ?? 0 },
      AutoRemove: spec.autoRemove,
      Memory: spec.memory ?? 0,
      NanoCpus: spec.cpus === undefined ? 0 : Math.round(spec.cpus * 1e9),
      CpuShares: spec.cpuShares ?? 0,
      PidsLimit: spec.pidsLimit,
      Privileged: spec.privileged,
      CapAdd: orNull(spec.capAdd.map(capability)),
      CapDrop: orNull(spec.capDrop.map(capability)),
      ExtraHosts: orNull(spec.extraHosts),
      Dns: spec.dns,
      Links: orNull(spec.links),
      LogConfig: { Type: spec.logDriver ?? '', Config: toObject(spec.logOptions) },
    },
    NetworkingConfig: endpoint && networkMode !== 'default' ? { EndpointsConfig: { [networkMode]: endpoint } } : undefined,
  } as Docker.ContainerCreateOptions;
}
