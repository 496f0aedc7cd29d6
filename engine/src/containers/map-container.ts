import type Docker from 'dockerode';
import { ContainerStatus, type ContainerDetail, type ContainerSummary, type PublishedPort } from '../../contract';
import { classifyEngineText } from '../docker/engine-errors';
import { ownAliases } from '../networks/map-network';
import { statusFacts } from './status-age';

const COMPOSE_PROJECT = 'com.docker.compose.project';
const COMPOSE_SERVICE = 'com.docker.compose.service';

/** Names come as ["/web"] (plus "/other/alias" for legacy links): the one without an inner slash is the name. */
export function primaryName(names: readonly string[] | undefined, id: string): string {
  const plain = names?.map((name) => name.replace(/^\//, '')) ?? [];
  return plain.find((name) => !name.includes('/')) ?? plain[0] ?? id.slice(0, 12);
}

function toStatus(state: string | undefined): ContainerStatus {
  const parsed = ContainerStatus.safeParse(state);
  return parsed.success ? parsed.data : 'dead';
}

function toProtocol(type: string | undefined): PublishedPort['protocol'] {
  return type === 'udp' || type === 'sctp' ? type : 'tcp';
}

/** The engine lists a port published on all interfaces twice (0.0.0.0 and ::); people expect one row. */
export function dedupePorts(ports: PublishedPort[]): PublishedPort[] {
  const seen = new Set<string>();
  const result: PublishedPort[] = [];
  for (const port of ports) {
    const wildcard = port.hostIp === '0.0.0.0' || port.hostIp === '::';
    const key = `${wildcard ? '*' : (port.hostIp ?? '')}|${port.hostPort ?? ''}|${port.containerPort}|${port.protocol}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(port);
  }
  return result.sort((a, b) => a.containerPort - b.containerPort || (a.hostPort ?? 0) - (b.hostPort ?? 0));
}

export function toContainerSummary(engineId: string, raw: Docker.ContainerInfo, nowSeconds = Math.floor(Date.now() / 1000)): ContainerSummary {
  const labels = raw.Labels ?? {};
  const summary: ContainerSummary = {
    engineId,
    id: raw.Id,
    name: primaryName(raw.Names, raw.Id),
    image: raw.Image,
    imageId: raw.ImageID,
    command: raw.Command ?? '',
    state: toStatus(raw.State),
    status: raw.Status ?? '',
    ports: dedupePorts(
      (raw.Ports ?? []).map((port) => ({
        ...(port.IP ? { hostIp: port.IP } : {}),
        ...(port.PublicPort ? { hostPort: port.PublicPort } : {}),
        containerPort: port.PrivatePort,
        protocol: toProtocol(port.Type),
      })),
    ),
    created: raw.Created,
    labels,
    ...statusFacts(raw.Status ?? '', nowSeconds),
  };
  const project = labels[COMPOSE_PROJECT];
  const service = labels[COMPOSE_SERVICE];
  if (project) summary.composeProject = project;
  if (service) summary.composeService = service;
  return summary;
}

type PortBindings = Record<string, Array<{ HostIp?: string; HostPort?: string }> | null> | undefined;

function portsFromBindings(bindings: PortBindings): PublishedPort[] {
  const ports: PublishedPort[] = [];
  for (const [key, hostBindings] of Object.entries(bindings ?? {})) {
    const [portText, protocol] = key.split('/');
    const containerPort = Number(portText);
    if (!Number.isInteger(containerPort)) continue;
    if (!hostBindings || hostBindings.length === 0) {
      ports.push({ containerPort, protocol: toProtocol(protocol) });
      continue;
    }
    for (const binding of hostBindings) {
      const hostPort = Number(binding.HostPort);
      ports.push({
        ...(binding.HostIp ? { hostIp: binding.HostIp } : {}),
        ...(Number.isInteger(hostPort) && hostPort > 0 ? { hostPort } : {}),
        containerPort,
        protocol: toProtocol(protocol),
      });
    }
  }
  return dedupePorts(ports);
}

export function toContainerDetail(engineId: string, raw: Docker.ContainerInspectInfo): ContainerDetail {
  const restart = raw.HostConfig?.RestartPolicy;
  const restartPolicy = !restart?.Name
    ? 'no'
    : restart.Name === 'on-failure' && restart.MaximumRetryCount
      ? `on-failure:${restart.MaximumRetryCount}`
      : restart.Name;
  const health = (raw.State as { Health?: { Status?: string } }).Health?.Status;
  const problem = raw.State?.Error ? classifyEngineText(raw.State.Error) : undefined;
  return {
    engineId,
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    image: raw.Config?.Image ?? raw.Image,
    imageId: raw.Image,
    entrypoint: toArray(raw.Config?.Entrypoint),
    command: toArray(raw.Config?.Cmd),
    state: {
      status: toStatus(raw.State?.Status),
      exitCode: raw.State?.ExitCode ?? 0,
      error: raw.State?.Error ?? '',
      ...(problem ? { problem } : {}),
      startedAt: raw.State?.StartedAt ?? '',
      finishedAt: raw.State?.FinishedAt ?? '',
      ...(health ? { health } : {}),
    },
    created: raw.Created,
    restartPolicy,
    ports: portsFromBindings((raw.NetworkSettings?.Ports ?? raw.HostConfig?.PortBindings) as PortBindings),
    mounts: (raw.Mounts ?? []).map((mount) => ({
      type: mount.Type ?? 'bind',
      ...(mount.Name ? { name: mount.Name } : {}),
      source: mount.Source ?? '',
      destination: mount.Destination,
      mode: mount.Mode ?? '',
      readWrite: mount.RW ?? true,
    })),
    networks: Object.entries(raw.NetworkSettings?.Networks ?? {}).map(([name, network]) => ({
      name,
      ipAddress: network.IPAddress ?? '',
      gateway: network.Gateway ?? '',
      macAddress: network.MacAddress ?? '',
      aliases: ownAliases(raw.Id, network.Aliases),
    })),
    labels: raw.Config?.Labels ?? {},
    tty: raw.Config?.Tty ?? false,
    openStdin: raw.Config?.OpenStdin ?? false,
  };
}

function toArray(value: string | string[] | null | undefined): string[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}
