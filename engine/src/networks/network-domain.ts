import type { DomainDeps, DomainHandlers } from '../domain';
import type { networkProcedures, networkSubscriptions } from '../../contract/networks-procedures';
import { toMinatoError } from '../docker/engine-errors';
import { connectContainer, createNetwork, disconnectContainer, removeNetwork } from './network-actions';
import { planNetworkPrune, pruneNetworks } from './network-prune';
import { containerNetworking, networkOverview, networkWithMembers } from './network-reads';

export type NetworkDomain = DomainHandlers<keyof typeof networkProcedures, keyof typeof networkSubscriptions>;

/** Runs one engine call, any failure read into a MinatoError (typed details, the engine's words kept). */
async function engineCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toMinatoError(error);
  }
}

/** The networks domain's handlers: `docker network ls|inspect|create|rm|connect|disconnect|prune`. */
export function networkDomain({ registry }: DomainDeps): NetworkDomain {
  const docker = (engineId: string) => registry.get(engineId).docker();
  return {
    procedures: {
      'networks:overview': ({ engineId }, { signal }) => engineCall(() => networkOverview(docker(engineId), signal)),
      'networks:inspect': ({ engineId, id }, { signal }) =>
        engineCall(async () => {
          const { network, raw } = await networkWithMembers(docker(engineId), id, signal);
          return { network, raw: JSON.stringify(raw, null, 2) };
        }),
      'networks:create': (input, { signal }) => engineCall(() => createNetwork(docker(input.engineId), input, signal)),
      'networks:remove': ({ engineId, id }, { signal }) => engineCall(async () => ((await removeNetwork(docker(engineId), id, signal)), {})),
      'networks:connect': (input, { signal }) => engineCall(async () => ((await connectContainer(docker(input.engineId), input, signal)), {})),
      'networks:disconnect': ({ engineId, network, container }, { signal }) => engineCall(async () => ((await disconnectContainer(docker(engineId), network, container, signal)), {})),
      'networks:ofContainer': ({ engineId, id }, { signal }) => engineCall(() => containerNetworking(docker(engineId), id, signal)),
      'networks:prunePreview': ({ engineId, filters }, { signal }) => engineCall(() => planNetworkPrune(docker(engineId), filters, signal)),
      'networks:prune': ({ engineId, ids }, { signal }) => engineCall(async () => ({ deleted: await pruneNetworks(docker(engineId), ids, signal) })),
    },
    subscriptions: {},
  };
}
