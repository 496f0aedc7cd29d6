import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { message, type Message } from '../../contract/messages';
import { checkAliases, checkOverlap, checkStaticIp } from '../../contract/network-checks';
import { isBuiltInNetwork, type NetworkConnectInput, type NetworkCreateInput } from '../../contract/networks';
import { engineMessage, toMinatoError } from '../docker/engine-errors';
import { mapNetwork, type EngineNetwork } from './map-network';
import { containerNetworking, inspectNetwork } from './network-reads';
import { networkRequest } from './network-request';

const refuse = (sentence: Message) => new MinatoError('invalid-input', sentence);

/** `docker network create`, refused before the engine is asked when its subnet overlaps a network's there. */
export async function createNetwork(docker: Docker, input: NetworkCreateInput, signal: AbortSignal): Promise<{ id: string; name: string; warning?: string }> {
  if (input.subnet) {
    const existing = ((await docker.listNetworks({ abortSignal: signal })) as EngineNetwork[]).map((network) => mapNetwork(network, []));
    const overlap = checkOverlap(input.subnet, existing);
    if (overlap) throw refuse(overlap);
  }
  const answer = (await docker.createNetwork({
    Name: input.name,
    Driver: input.driver,
    Internal: input.internal,
    Attachable: input.attachable,
    Labels: input.labels,
    CheckDuplicate: true,
    ...(input.subnet
      ? { IPAM: { Driver: 'default', Config: [{ Subnet: input.subnet, ...(input.gateway ? { Gateway: input.gateway } : {}), ...(input.ipRange ? { IPRange: input.ipRange } : {}) }] } }
      : {}),
    abortSignal: signal,
  })) as unknown as { id: string };
  const created = await inspectNetwork(docker, answer.id, signal);
  return { id: created.Id, name: created.Name };
}

/** `docker network rm`: never Docker's own networks; one in use is refused naming the containers on it. */
export async function removeNetwork(docker: Docker, id: string, signal: AbortSignal): Promise<void> {
  const network = await inspectNetwork(docker, id, signal);
  if (isBuiltInNetwork(network.Name)) throw new MinatoError('conflict', message('networks.builtIn', { network: network.Name }));
  try {
    await docker.getNetwork(network.Id).remove({ abortSignal: signal });
  } catch (error) {
    if (!/active endpoints/i.test(engineMessage(error))) throw toMinatoError(error);
    const users = await docker.listContainers({ all: true, filters: JSON.stringify({ network: [network.Name] }), abortSignal: signal });
    // The engine refuses for the containers with an endpoint now; stopped ones only name the network.
    const active = users.filter((user) => ['running', 'paused', 'restarting'].includes(user.State));
    const names = (active.length > 0 ? active : users).map((user) => (user.Names?.[0] ?? user.Id).replace(/^\//, ''));
    throw new MinatoError('conflict', message('networks.inUse', { network: network.Name, containers: names.join(', ') }), { usedBy: names });
  }
}

/**
 * `docker network connect`, checked first as the form checks it: a network a container can join, a container with a
 * network of its own, aliases only on a network the person made, a fixed address inside its subnet.
 */
export async function connectContainer(docker: Docker, input: NetworkConnectInput, signal: AbortSignal): Promise<void> {
  const [raw, container] = await Promise.all([inspectNetwork(docker, input.network, signal), containerNetworking(docker, input.container, signal)]);
  const network = mapNetwork(raw, []);
  if (network.name === 'host' || network.name === 'none') throw refuse(message('networks.notJoinable', { network: network.name }));
  if (container.mode === 'none') throw refuse(message('networks.modeNone', { container: container.name }));
  if (container.mode === 'host') throw refuse(message('networks.modeHost', { container: container.name }));
  if (container.mode === 'container') throw refuse(message('networks.modeContainer', { container: container.name, other: container.sharesWith ?? '' }));
  const problem = checkAliases(input.aliases, network) ?? (input.ipv4 ? checkStaticIp(input.ipv4, network) : undefined);
  if (problem) throw refuse(problem);
  try {
    await networkRequest(docker, raw.Id, {
      verb: 'connect',
      body: {
        Container: input.container,
        EndpointConfig: {
          ...(input.aliases.length > 0 ? { Aliases: input.aliases } : {}),
          ...(input.ipv4 ? { IPAMConfig: { IPv4Address: input.ipv4 } } : {}),
        },
      },
      signal,
    });
  } catch (error) {
    // A subnet the engine chose from its pool takes no fixed address; inspect does not say which kind a subnet is.
    if (/user configured subnets/i.test(engineMessage(error))) throw refuse(message('networks.ipNeedsSubnet', { network: network.name }));
    throw toMinatoError(error);
  }
}

export async function disconnectContainer(docker: Docker, network: string, container: string, signal: AbortSignal): Promise<void> {
  await networkRequest(docker, network, { verb: 'disconnect', body: { Container: container }, signal });
}
