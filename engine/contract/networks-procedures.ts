import { z } from 'zod';
import { EngineId, ResourceRef } from './engines';
import {
  ContainerNetworking,
  NetworkConnectInput,
  NetworkCreated,
  NetworkCreateInput,
  NetworkDisconnectInput,
  NetworkInfo,
  NetworkInspect,
  NetworkPruneInput,
  NetworkPrunePlan,
  NetworkPrunePreviewInput,
  NetworkPruneReport,
  NetworkRef,
} from './networks';

/**
 * The networks domain's procedures and subscriptions (channel names `networks:verb`), spread into the contract's tables in
 * procedures.ts. Their schemas live beside them in this domain's contract files. (`networks:list`, the Run form's
 * names and drivers, stays in procedures.ts.)
 */
export const networkProcedures = {
  // Every network with its subnets and the containers that name it (stopped ones too: from the container list).
  'networks:overview': { input: z.object({ engineId: EngineId }), output: z.array(NetworkInfo) },
  'networks:inspect': { input: NetworkRef, output: NetworkInspect },
  'networks:create': { input: NetworkCreateInput, output: NetworkCreated },
  // Refused for bridge, host and none; a network in use is refused with the containers that use it.
  'networks:remove': { input: NetworkRef, output: z.object({}) },
  'networks:connect': { input: NetworkConnectInput, output: z.object({}) },
  'networks:disconnect': { input: NetworkDisconnectInput, output: z.object({}) },
  // A container's networking mode and networks, for its page (a container in none/host/container: mode cannot join).
  'networks:ofContainer': { input: ResourceRef, output: ContainerNetworking },
  // The engine has no dry run: the preview lists what `networks/prune` would remove with these filters.
  'networks:prunePreview': { input: NetworkPrunePreviewInput, output: NetworkPrunePlan },
  'networks:prune': { input: NetworkPruneInput, output: NetworkPruneReport },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const networkSubscriptions = {} as const satisfies Record<string, { input: z.ZodType; event: z.ZodType; creditWindow?: number }>;
