import type { SystemPruneChoice } from '../../../engine/contract/system-commands';
import type { SystemPruneInput, SystemPrunePlan, SystemPrunePreviewInput, SystemPruneReport } from '../../../engine/contract/system-prune';

export type PruneChoice = Omit<SystemPrunePreviewInput, 'engineId' | 'label'>;

/** As `docker system prune` without flags: stopped containers, unused networks, dangling images and build cache. */
export const DEFAULT_CHOICE: PruneChoice = { containers: true, images: 'dangling', volumes: false, volumesAll: false, networks: true, buildCache: true, buildCacheAll: false };

export type PruneKind = 'containers' | 'networks' | 'volumes' | 'images' | 'buildCache';
export const PRUNE_KINDS: readonly PruneKind[] = ['containers', 'networks', 'volumes', 'images', 'buildCache'];

/** Each kind's items as names a person knows (ids kept for comparing with the report). */
export function planItems(plan: SystemPrunePlan): Record<PruneKind, Array<{ key: string; name: string }>> {
  return {
    containers: plan.containers?.items.map((item) => ({ key: item.id, name: item.name })) ?? [],
    networks: plan.networks?.items.map((item) => ({ key: item.name, name: item.name })) ?? [],
    volumes: plan.volumes?.items.map((item) => ({ key: item.name, name: item.name })) ?? [],
    images: plan.images?.images.map((image) => ({ key: image.id, name: image.tags[0] ?? image.id.replace(/^sha256:/, '').slice(0, 12) })) ?? [],
    buildCache: plan.buildCache?.items.map((item) => ({ key: item.id, name: item.description || item.id })) ?? [],
  };
}

/** Bytes a kind gives back, where the preview knows them. */
export function planSpace(plan: SystemPrunePlan, kind: PruneKind): number | undefined {
  if (kind === 'containers') return plan.containers?.space;
  if (kind === 'volumes') return plan.volumes && plan.volumes.sizesKnown > 0 ? plan.volumes.space : undefined;
  if (kind === 'images') return plan.images?.space;
  if (kind === 'buildCache') return plan.buildCache?.space;
  return undefined;
}

/** The prune as agreed: only kinds with something listed, each with exactly the items listed (ids, volume names). */
export function pruneInputOf(engineId: string, plan: SystemPrunePlan): SystemPruneInput {
  const { containers, networks, volumes, images, buildCache } = plan;
  return {
    engineId,
    ...(plan.label ? { label: plan.label } : {}),
    ...(containers && containers.items.length > 0 ? { containers: { ids: containers.items.map((item) => item.id) } } : {}),
    ...(networks && networks.items.length > 0 ? { networks: { ids: networks.items.map((item) => item.id) } } : {}),
    ...(volumes && volumes.items.length > 0 ? { volumes: { all: volumes.all, names: volumes.items.map((item) => item.name) } } : {}),
    ...(images && images.images.length > 0 ? { images: { scope: images.scope, ids: images.images.map((image) => image.id) } } : {}),
    ...(buildCache && buildCache.items.length > 0 ? { buildCache: { all: buildCache.all, ids: buildCache.items.map((item) => item.id) } } : {}),
  };
}

/** The kinds the preview was asked for, with their flags: what the commands shown teach, kinds with nothing listed too. */
export function pruneChoiceOf(plan: SystemPrunePlan): SystemPruneChoice {
  return {
    label: plan.label,
    containers: plan.containers !== undefined,
    networks: plan.networks !== undefined,
    volumes: plan.volumes ? { all: plan.volumes.all } : undefined,
    images: plan.images ? { scope: plan.images.scope } : undefined,
    buildCache: plan.buildCache ? { all: plan.buildCache.all } : undefined,
  };
}

/** What the engine said it removed, per kind, as keys comparable with `planItems`. */
export function reportKeys(report: SystemPruneReport): Record<PruneKind, string[]> {
  return {
    containers: report.containers?.deleted ?? [],
    networks: report.networks?.deleted ?? [],
    volumes: report.volumes?.deleted ?? [],
    images: report.images?.deleted ?? [],
    buildCache: report.buildCache?.deleted ?? [],
  };
}

/** Whether the engine removed exactly what the preview listed, kind by kind. */
export function asPreviewed(plan: SystemPrunePlan, report: SystemPruneReport): boolean {
  const planned = planItems(plan);
  const removed = reportKeys(report);
  return PRUNE_KINDS.every((kind) => {
    const want = new Set(planned[kind].map((item) => item.key));
    const got = new Set(removed[kind]);
    return want.size === got.size && [...want].every((key) => got.has(key));
  });
}

export const sameChoice = (a: SystemPrunePreviewInput, b: SystemPrunePreviewInput) => JSON.stringify(a) === JSON.stringify(b);
