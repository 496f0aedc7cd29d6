import type Docker from 'dockerode';
import { isBuiltInNetwork, type NetworkInfo, type NetworkMember } from '../../contract/networks';

/** The fields of the Engine API's network object Minato reads (GET /networks, GET /networks/{id}). */
export interface EngineNetwork {
  Id: string;
  Name: string;
  Driver?: string;
  Scope?: string;
  Created?: string;
  Internal?: boolean;
  Attachable?: boolean;
  EnableIPv6?: boolean;
  ConfigOnly?: boolean;
  IPAM?: { Config?: Array<{ Subnet?: string; Gateway?: string; IPRange?: string }> | null } | null;
  Labels?: Record<string, string> | null;
  /** Only the endpoints there are now (running containers); the list call leaves it out. */
  Containers?: Record<string, unknown> | null;
}

const nameOf = (container: Docker.ContainerInfo) => (container.Names?.[0] ?? container.Id).replace(/^\//, '');

/**
 * The containers that name each network, from one container list with `all`: network inspect leaves out stopped
 * ones. A container's entry is matched by the network's id, or by name where the engine left the id empty (a
 * container created and never started); the engine's own `network` filter matches the same way.
 */
export function membersByNetwork(containers: readonly Docker.ContainerInfo[], networks: readonly Pick<EngineNetwork, 'Id' | 'Name'>[]): Map<string, NetworkMember[]> {
  const byId = new Map(networks.map((network) => [network.Id, network.Id]));
  const byName = new Map(networks.map((network) => [network.Name, network.Id]));
  const members = new Map<string, NetworkMember[]>(networks.map((network) => [network.Id, []]));
  for (const container of containers) {
    for (const [name, endpoint] of Object.entries(container.NetworkSettings?.Networks ?? {})) {
      const networkId = (endpoint?.NetworkID && byId.get(endpoint.NetworkID)) || byName.get(name);
      if (!networkId) continue;
      members.get(networkId)!.push(memberOf(container, endpoint));
    }
  }
  for (const list of members.values()) list.sort((a, b) => a.name.localeCompare(b.name));
  return members;
}

export function memberOf(container: Docker.ContainerInfo, endpoint: Docker.NetworkInfo | undefined): NetworkMember {
  // An address is only real while the container runs; a stopped one keeps its last address in the list.
  const ipv4 = container.State === 'running' && endpoint?.IPAddress ? endpoint.IPAddress : undefined;
  return { id: container.Id, name: nameOf(container), state: container.State, ...(ipv4 ? { ipv4 } : {}) };
}

/** The aliases a person gave (older engines also list the container's short id, which every container has). */
export function ownAliases(containerId: string, aliases: readonly string[] | null | undefined): string[] {
  return (aliases ?? []).filter((alias) => !(alias.length === 12 && containerId.startsWith(alias)));
}

export function mapNetwork(network: EngineNetwork, containers: NetworkMember[]): NetworkInfo {
  return {
    id: network.Id,
    name: network.Name,
    driver: network.Driver ?? '',
    scope: network.Scope ?? 'local',
    created: network.Created ?? '',
    internal: network.Internal ?? false,
    attachable: network.Attachable ?? false,
    ipv6: network.EnableIPv6 ?? false,
    builtIn: isBuiltInNetwork(network.Name),
    subnets: (network.IPAM?.Config ?? []).flatMap((entry) =>
      entry.Subnet ? [{ subnet: entry.Subnet, ...(entry.Gateway ? { gateway: entry.Gateway } : {}), ...(entry.IPRange ? { ipRange: entry.IPRange } : {}) }] : [],
    ),
    labels: network.Labels ?? {},
    containers,
  };
}
