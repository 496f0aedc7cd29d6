import type Docker from 'dockerode';
import type { ContainerNetworking, NetworkInfo } from '../../contract/networks';
import { mapNetwork, memberOf, membersByNetwork, ownAliases, type EngineNetwork } from './map-network';
import { networkRequest } from './network-request';

/** Every network with the containers that name it: two engine calls, whatever the number of networks. */
export async function networkOverview(docker: Docker, signal: AbortSignal): Promise<NetworkInfo[]> {
  const [networks, containers] = await Promise.all([
    docker.listNetworks({ abortSignal: signal }) as Promise<EngineNetwork[]>,
    docker.listContainers({ all: true, abortSignal: signal }),
  ]);
  const members = membersByNetwork(containers, networks);
  return networks.map((network) => mapNetwork(network, members.get(network.Id) ?? [])).sort((a, b) => a.name.localeCompare(b.name));
}

export async function inspectNetwork(docker: Docker, id: string, signal?: AbortSignal): Promise<EngineNetwork> {
  return networkRequest<EngineNetwork>(docker, id, { signal });
}

/** One network, with its containers from the container list's own `network` filter (stopped ones included). */
export async function networkWithMembers(docker: Docker, id: string, signal: AbortSignal): Promise<{ network: NetworkInfo; raw: EngineNetwork }> {
  const raw = await inspectNetwork(docker, id, signal);
  const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ network: [raw.Name] }), abortSignal: signal });
  const members = membersByNetwork(containers, [raw]).get(raw.Id) ?? [];
  // Aliases are only in each container's inspect; one removed meanwhile keeps none.
  const withAliases = await Promise.all(
    members.map(async (member) => {
      const inspected = (await docker
        .getContainer(member.id)
        .inspect({ abortSignal: signal })
        .catch(() => undefined)) as unknown as InspectedContainer | undefined;
      const endpoint = Object.entries(inspected?.NetworkSettings?.Networks ?? {}).find(([name, entry]) => entry.NetworkID === raw.Id || name === raw.Name)?.[1];
      return { ...member, aliases: ownAliases(member.id, endpoint?.Aliases) };
    }),
  );
  return { network: mapNetwork(raw, withAliases), raw };
}

interface InspectedContainer {
  Id: string;
  Name: string;
  State?: { Running?: boolean };
  HostConfig?: { NetworkMode?: string };
  NetworkSettings?: { Networks?: Record<string, { NetworkID?: string; IPAddress?: string; Aliases?: string[] | null; IPAMConfig?: { IPv4Address?: string } | null }> | null };
}

/** How a container is networked, read from its inspect: its mode, and its networks with aliases and fixed addresses. */
export async function containerNetworking(docker: Docker, id: string, signal: AbortSignal): Promise<ContainerNetworking> {
  const container = (await docker.getContainer(id).inspect({ abortSignal: signal })) as unknown as InspectedContainer;
  const name = container.Name.replace(/^\//, '');
  const running = container.State?.Running ?? false;
  const networkMode = container.HostConfig?.NetworkMode ?? 'default';
  const mode = networkMode === 'none' ? 'none' : networkMode === 'host' ? 'host' : networkMode.startsWith('container:') ? 'container' : 'own';
  let sharesWith: string | undefined;
  if (mode === 'container') {
    const other = networkMode.slice('container:'.length);
    sharesWith = await docker
      .getContainer(other)
      .inspect({ abortSignal: signal })
      .then((found) => found.Name.replace(/^\//, ''))
      .catch(() => other.slice(0, 12));
  }
  const info = { Id: container.Id, State: running ? 'running' : 'stopped', Names: [container.Name] } as Docker.ContainerInfo;
  const networks = Object.entries(container.NetworkSettings?.Networks ?? {}).map(([networkName, endpoint]) => {
    const member = memberOf(info, endpoint as unknown as Docker.NetworkInfo);
    const fixed = endpoint.IPAMConfig?.IPv4Address;
    return { id: endpoint.NetworkID ?? '', name: networkName, ...(member.ipv4 ? { ipv4: member.ipv4 } : {}), aliases: ownAliases(container.Id, endpoint.Aliases), ...(fixed ? { staticIpv4: fixed } : {}) };
  });
  return { name, running, mode, ...(sharesWith ? { sharesWith } : {}), networks: networks.sort((a, b) => a.name.localeCompare(b.name)) };
}
