import type { PruneCandidate, PruneScope } from '../../contract/image-details';

/** One image as `GET /images/json?all=1` lists it (intermediate images included: the prune can remove them). */
export interface StoredImage {
  id: string;
  parentId: string;
  tags: string[];
  digests: string[];
  labels: Record<string, string>;
  created: number;
  size: number;
}

/** `label=key` or `label=key=value`, as the engine matches it against the image's labels. */
export function matchesLabel(labels: Record<string, string>, filter: string | undefined): boolean {
  if (!filter) return true;
  const equals = filter.indexOf('=');
  if (equals === -1) return Object.hasOwn(labels, filter);
  return labels[filter.slice(0, equals)] === filter.slice(equals + 1);
}

/**
 * What `POST /images/prune` would remove, worked out as the engine does it (the engine has no dry run):
 * - dangling: images no tag names and no image builds on; all (`-a`): every image but untagged intermediate ones;
 *   either way only those the label filter matches;
 * - an image any container (running or not) was made from stays, and so does everything under it;
 * - removing an image also removes its parent when nothing else names or builds on it (`rmi` without --no-prune).
 * An image with children goes only if all its children go.
 */
export function planPrune(images: readonly StoredImage[], usedByContainers: ReadonlySet<string>, scope: PruneScope, label?: string): PruneCandidate[] {
  const byId = new Map(images.map((image) => [image.id, image]));
  const children = new Map<string, string[]>();
  for (const image of images) {
    if (image.parentId && byId.has(image.parentId)) children.set(image.parentId, [...(children.get(image.parentId) ?? []), image.id]);
  }
  const isTop = (image: StoredImage): boolean => {
    const hasChildren = (children.get(image.id)?.length ?? 0) > 0;
    const named = image.tags.length > 0 || image.digests.length > 0;
    if (scope === 'dangling' && (hasChildren || image.tags.length > 0)) return false;
    if (scope === 'unused' && !named && hasChildren) return false;
    return matchesLabel(image.labels, label);
  };

  const removed = new Map<string, PruneCandidate['why']>();
  // Children first: an image goes only once everything built on it has gone. Repeats until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const image of images) {
      if (removed.has(image.id) || usedByContainers.has(image.id)) continue;
      if (!(children.get(image.id) ?? []).every((child) => removed.has(child))) continue;
      const asParent = image.tags.length === 0 && image.digests.length === 0 && (children.get(image.id) ?? []).length > 0;
      if (isTop(image)) removed.set(image.id, image.tags.length === 0 ? 'dangling' : 'unused');
      else if (asParent) removed.set(image.id, 'parent');
      else continue;
      changed = true;
    }
  }
  return images
    .filter((image) => removed.has(image.id))
    .map((image) => ({ id: image.id, tags: image.tags, size: image.size, created: image.created, why: removed.get(image.id)! }))
    .sort((a, b) => b.created - a.created || a.id.localeCompare(b.id));
}

/** An image's layers (diff ids, base first) with each one's size, from inspect and history. */
export interface LayerSizes {
  layers: readonly string[];
  sizes: readonly number[];
}

/**
 * Bytes the prune gives back: the layers of removed images that no remaining image uses. A layer is identified by
 * its whole chain (the layers under it too), as the engine's layer store does.
 */
export function freedSpace(removed: ReadonlySet<string>, layersOf: ReadonlyMap<string, LayerSizes>): number {
  const kept = new Set<string>();
  const freed = new Map<string, number>();
  for (const [id, { layers, sizes }] of layersOf) {
    let chain = '';
    layers.forEach((layer, index) => {
      chain = `${chain}/${layer}`;
      if (removed.has(id)) freed.set(chain, sizes[index] ?? 0);
      else kept.add(chain);
    });
  }
  let total = 0;
  for (const [chain, size] of freed) if (!kept.has(chain)) total += size;
  return total;
}

/**
 * Which history step made which layer: the history lists every step newest first, metadata-only ones with size 0.
 * Steps with bytes are the layers, base first; a layer that added nothing (rare) reads as 0 either way.
 */
export function layerSizes(layers: readonly string[], historySizes: readonly number[]): LayerSizes {
  const sizes = [...historySizes].reverse().filter((size) => size > 0);
  return { layers, sizes: layers.map((_layer, index) => sizes[index] ?? 0) };
}
