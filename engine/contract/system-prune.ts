import { z } from 'zod';
import { EngineId } from './engines';
import { PrunePlan, PruneReport, PruneScope } from './image-details';

/** A label filter as every `docker … prune --filter label=…` takes it: a key, or key=value. */
const LabelFilter = z.string().min(1).max(512).regex(/^[^=\s][^\s]*$/);
/** An `until` filter: the creation time (RFC 3339) of the newest thing the preview listed. */
const Until = z.string().min(1).max(64);
const BuildCacheId = z.string().regex(/^[a-z0-9]{1,64}$/);

/** What to prune, as the checkboxes say; a kind left out is not touched. */
export const SystemPrunePreviewInput = z.object({
  engineId: EngineId,
  label: LabelFilter.optional(),
  containers: z.boolean(),
  images: z.enum(['none', 'dangling', 'unused']),
  volumes: z.boolean(),
  /** Named volumes too: `docker volume prune -a` (API 1.42+; older engines always remove them). */
  volumesAll: z.boolean(),
  networks: z.boolean(),
  buildCache: z.boolean(),
  /** `docker builder prune -a`: internal and frontend records and those shared with images too. */
  buildCacheAll: z.boolean(),
});
export type SystemPrunePreviewInput = z.infer<typeof SystemPrunePreviewInput>;

export const ContainerPruneItem = z.object({ id: z.string(), name: z.string(), state: z.string(), size: z.number().nonnegative() });
export const NetworkPruneItem = z.object({ id: z.string(), name: z.string() });
export const VolumePruneItem = z.object({
  name: z.string(),
  anonymous: z.boolean(),
  /** From the last disk-use measurement (or the preview's own, on engines that measure everything at once). */
  size: z.number().nonnegative().optional(),
});
export const BuildCachePruneItem = z.object({ id: z.string(), type: z.string(), description: z.string(), size: z.number().nonnegative(), shared: z.boolean() });

/**
 * What each prune would remove now, worked out as the engine decides (it has no dry run), in the order it runs:
 * containers first, so images and volumes only those containers used are counted as going too.
 */
export const SystemPrunePlan = z.object({
  apiVersion: z.string(),
  label: z.string().optional(),
  containers: z.object({ items: z.array(ContainerPruneItem), space: z.number().nonnegative(), until: Until.optional() }).optional(),
  networks: z.object({ items: z.array(NetworkPruneItem), until: Until.optional() }).optional(),
  volumes: z
    .object({
      items: z.array(VolumePruneItem),
      /** Sum of the sizes known; `sizesKnown` of the items have one, measured at `sizesAt`. */
      space: z.number().nonnegative(),
      sizesKnown: z.number().int().nonnegative(),
      sizesAt: z.number().optional(),
      /** Whether `all` is sent (API 1.42+ and asked for). */
      all: z.boolean(),
      /** Whether this engine removes unused named volumes with this request: always below API 1.42. */
      namedIncluded: z.boolean(),
    })
    .optional(),
  images: PrunePlan.optional(),
  buildCache: z.object({ items: z.array(BuildCachePruneItem), space: z.number().nonnegative(), all: z.boolean() }).optional(),
  /** Build cache records carry no labels: with a label filter on, build cache is left alone. */
  buildCacheSkipped: z.boolean().optional(),
});
export type SystemPrunePlan = z.infer<typeof SystemPrunePlan>;

const Agreed = z.array(z.string().min(1).max(256)).min(1).max(5000);

/**
 * The prune as agreed: each kind present removes exactly the items the preview listed (containers, networks and
 * images by id, volumes by name, build cache records by id), so nothing made, stopped or freed since goes.
 */
export const SystemPruneInput = z.object({
  engineId: EngineId,
  label: LabelFilter.optional(),
  containers: z.object({ ids: Agreed }).optional(),
  networks: z.object({ ids: Agreed }).optional(),
  volumes: z.object({ all: z.boolean(), names: Agreed }).optional(),
  images: z.object({ scope: PruneScope, ids: Agreed }).optional(),
  buildCache: z.object({ all: z.boolean(), ids: z.array(BuildCacheId).min(1).max(5000) }).optional(),
});
export type SystemPruneInput = z.infer<typeof SystemPruneInput>;

const Removed = z.object({ deleted: z.array(z.string()), space: z.number().nonnegative() });

/** What the engine said it removed, kind by kind (ids for containers and build cache, names for networks and volumes). */
export const SystemPruneReport = z.object({
  containers: Removed.optional(),
  networks: z.object({ deleted: z.array(z.string()) }).optional(),
  volumes: Removed.optional(),
  images: PruneReport.optional(),
  buildCache: Removed.optional(),
});
export type SystemPruneReport = z.infer<typeof SystemPruneReport>;
