import { z } from 'zod';
import { ContainerId, NetworkName } from './docker-names';
import { EngineId } from './engines';
import { ALIAS, checkCreateDraft, LABEL_FILTER, NETWORK_NAME, untilProblem } from './network-checks';
import type { Message } from './messages';

/** The networks Docker makes itself: always there, never removed, never pruned. */
export const BUILT_IN_NETWORKS = ['bridge', 'host', 'none'] as const;
export const isBuiltInNetwork = (name: string) => (BUILT_IN_NETWORKS as readonly string[]).includes(name);

export const NetworkSubnet = z.object({ subnet: z.string(), gateway: z.string().optional(), ipRange: z.string().optional() });
export type NetworkSubnet = z.infer<typeof NetworkSubnet>;

/** A container on a network: from the container list (stopped ones included), with its address when it runs. */
export const NetworkMember = z.object({
  id: z.string(),
  name: z.string(),
  state: z.string(),
  ipv4: z.string().optional(),
  /** Read on the network's page only (the container list leaves them out). */
  aliases: z.array(z.string()).optional(),
});
export type NetworkMember = z.infer<typeof NetworkMember>;

export const NetworkInfo = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  /** RFC 3339, as the engine says it. */
  created: z.string(),
  internal: z.boolean(),
  attachable: z.boolean(),
  ipv6: z.boolean(),
  /** bridge, host or none: Docker's own, protected from removal. */
  builtIn: z.boolean(),
  subnets: z.array(NetworkSubnet),
  labels: z.record(z.string(), z.string()),
  containers: z.array(NetworkMember),
});
export type NetworkInfo = z.infer<typeof NetworkInfo>;

const EngineScoped = z.object({ engineId: EngineId });
export const NetworkRef = EngineScoped.extend({ id: NetworkName });
export type NetworkRef = z.infer<typeof NetworkRef>;

export const NetworkInspect = z.object({ network: NetworkInfo, raw: z.string() });
export type NetworkInspect = z.infer<typeof NetworkInspect>;

/** What `docker network create` takes from the form. */
export const NetworkDraft = z.object({
  name: z.string().max(128).regex(NETWORK_NAME, 'networks.name'),
  driver: z.string().max(64).regex(/^[a-zA-Z0-9][a-zA-Z0-9_.:/-]*$/, 'networks.driver'),
  subnet: z.string().max(64).optional(),
  gateway: z.string().max(64).optional(),
  ipRange: z.string().max(64).optional(),
  internal: z.boolean(),
  attachable: z.boolean(),
  labels: z.record(z.string().min(1).max(512), z.string().max(4096)),
});
export type NetworkDraft = z.infer<typeof NetworkDraft>;

/** Adds each problem the create checks find as an issue whose message is its key (the renderer says it per field). */
function addProblems(problems: Partial<Record<string, Message>>, ctx: z.RefinementCtx): void {
  for (const [field, problem] of Object.entries(problems)) {
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem.key, params: problem.params ?? {} });
  }
}

export const NetworkCreateInput = NetworkDraft.extend({ engineId: EngineId }).superRefine((draft, ctx) => addProblems(checkCreateDraft(draft), ctx));
export type NetworkCreateInput = z.infer<typeof NetworkCreateInput>;
export const NetworkCreated = z.object({ id: z.string(), name: z.string(), warning: z.string().optional() });

export const NetworkConnectInput = EngineScoped.extend({
  network: NetworkName,
  container: ContainerId,
  aliases: z.array(z.string().max(253).regex(ALIAS, 'networks.alias')).max(32),
  ipv4: z.string().max(15).optional(),
});
export type NetworkConnectInput = z.infer<typeof NetworkConnectInput>;
export const NetworkDisconnectInput = EngineScoped.extend({ network: NetworkName, container: ContainerId });
export type NetworkDisconnectInput = z.infer<typeof NetworkDisconnectInput>;

/** How a container is networked: only `own` (bridge or user networks) can join another network. */
export const ContainerNetworking = z.object({
  name: z.string(),
  running: z.boolean(),
  mode: z.enum(['own', 'none', 'host', 'container']),
  /** For `container` mode: whose network it shares (name when known, else id). */
  sharesWith: z.string().optional(),
  networks: z.array(z.object({ id: z.string(), name: z.string(), ipv4: z.string().optional(), aliases: z.array(z.string()), staticIpv4: z.string().optional() })),
});
export type ContainerNetworking = z.infer<typeof ContainerNetworking>;

/** `docker network prune`'s filters: label (key or key=value), label! (the same, kept out), until. */
export const NetworkPruneFilters = z
  .object({
    labels: z.array(z.string().max(512).regex(LABEL_FILTER, 'networks.labelFilter')).max(16),
    notLabels: z.array(z.string().max(512).regex(LABEL_FILTER, 'networks.labelFilter')).max(16),
    until: z.string().max(64).optional(),
  })
  .superRefine((filters, ctx) => {
    if (filters.until !== undefined && untilProblem(filters.until)) ctx.addIssue({ code: 'custom', path: ['until'], message: 'networks.until' });
  });
export type NetworkPruneFilters = z.infer<typeof NetworkPruneFilters>;
export const NetworkPrunePreviewInput = EngineScoped.extend({ filters: NetworkPruneFilters });

export const NetworkPruneCandidate = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  created: z.string(),
  /** Stopped containers that still name this network: the prune removes it all the same, and they will not start. */
  stoppedUsers: z.array(z.string()),
});
export type NetworkPruneCandidate = z.infer<typeof NetworkPruneCandidate>;
export const NetworkPrunePlan = z.object({
  networks: z.array(NetworkPruneCandidate),
  /** The newest candidate's creation time: the prune's `until`, so a network made after the preview stays. */
  until: z.string().optional(),
});
export type NetworkPrunePlan = z.infer<typeof NetworkPrunePlan>;
export const NetworkPruneInput = EngineScoped.extend({
  labels: z.array(z.string().max(512).regex(LABEL_FILTER, 'networks.labelFilter')).max(16),
  notLabels: z.array(z.string().max(512).regex(LABEL_FILTER, 'networks.labelFilter')).max(16),
  until: z.string().max(64),
  /** The networks the preview listed: only these are removed (the filters stay for the command shown). */
  ids: z.array(z.string().min(1).max(256)).min(1).max(5000),
});
export type NetworkPruneInput = z.infer<typeof NetworkPruneInput>;
export const NetworkPruneReport = z.object({ deleted: z.array(z.string()) });
export type NetworkPruneReport = z.infer<typeof NetworkPruneReport>;
