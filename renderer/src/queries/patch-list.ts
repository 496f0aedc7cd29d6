import type { ContainerSummary } from '../../../engine/contract';

/** Above this many changed ids one full refetch is cheaper than a narrow list plus a patch. */
export const MAX_PATCHED_IDS = 50;

/**
 * The list after `changedIds` were read again: their rows are replaced by `fresh` (or dropped when the engine no
 * longer has them, i.e. removed), new ones are added, every other row is kept as it was. Only rows whose id is one
 * of `changedIds` count: the engine's id filter matches prefixes, and a batch also names volumes and networks.
 */
export function patchContainerList(
  list: readonly ContainerSummary[],
  changedIds: readonly string[],
  fresh: readonly ContainerSummary[],
): ContainerSummary[] {
  const changed = new Set(changedIds);
  const freshById = new Map(fresh.filter((container) => changed.has(container.id)).map((container) => [container.id, container]));
  const patched: ContainerSummary[] = [];
  for (const container of list) {
    if (!changed.has(container.id)) patched.push(container);
    else {
      const replacement = freshById.get(container.id);
      if (replacement) patched.push(replacement);
      freshById.delete(container.id);
    }
  }
  patched.push(...freshById.values());
  return patched;
}
