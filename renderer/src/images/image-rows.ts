import type { ImageSummary } from '../../../engine/contract';

/** One line of the images table: one per tag, as `docker image ls` prints them; a dangling image gets one. */
export interface ImageRow {
  key: string;
  id: string;
  /** Undefined for a dangling image (no tag names it): shown as <none>. */
  repository: string | undefined;
  tag: string | undefined;
  /** What `docker run` and `docker rmi` are given: the tag, or the short id of a dangling image. */
  ref: string;
  size: number;
  created: number;
  /** Names of the containers made from this image (any state), as `docker ps -a --filter ancestor=ID` lists them. */
  usedBy: string[];
}

/** `dangling`: no tag names it; `unused`: no container was made from it (what `docker image prune -a` removes). */
export type ImageFilter = 'all' | 'dangling' | 'unused';

/** Container names by the full id of the image each was made from. */
export type ImageUsage = ReadonlyMap<string, readonly string[]>;

export function imageUsage(containers: readonly { imageId: string; name: string }[]): ImageUsage {
  const usage = new Map<string, string[]>();
  for (const container of containers) usage.set(container.imageId, [...(usage.get(container.imageId) ?? []), container.name].sort());
  return usage;
}

export const shortImageId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** "localhost:5000/web:1" is repository "localhost:5000/web", tag "1": the tag follows the last colon after the last slash. */
export function splitTag(repoTag: string): { repository: string; tag: string } {
  const colon = repoTag.lastIndexOf(':');
  if (colon <= repoTag.lastIndexOf('/')) return { repository: repoTag, tag: 'latest' };
  return { repository: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) };
}

function rowsOf(image: ImageSummary, usage: ImageUsage): ImageRow[] {
  const common = { id: image.id, size: image.size, created: image.created, usedBy: [...(usage.get(image.id) ?? [])] };
  if (image.repoTags.length === 0) return [{ ...common, key: image.id, repository: undefined, tag: undefined, ref: shortImageId(image.id) }];
  return image.repoTags.map((repoTag) => ({ ...common, key: `${image.id}|${repoTag}`, ...splitTag(repoTag), ref: repoTag }));
}

function matches(row: ImageRow, needle: string): boolean {
  if (!needle) return true;
  if (row.repository === undefined) return '<none>'.includes(needle) || shortImageId(row.id).startsWith(needle);
  return row.ref.toLowerCase().includes(needle) || shortImageId(row.id).startsWith(needle);
}

const passes = (row: ImageRow, filter: ImageFilter) =>
  filter === 'all' || (filter === 'dangling' ? row.repository === undefined : row.usedBy.length === 0);

/** Newest first, as `docker image ls` sorts; names break ties so the order never jumps between refetches. */
export function imageRows(images: readonly ImageSummary[], search: string, usage: ImageUsage = new Map(), filter: ImageFilter = 'all'): ImageRow[] {
  const needle = search.trim().toLowerCase();
  return images
    .flatMap((image) => rowsOf(image, usage))
    .filter((row) => matches(row, needle) && passes(row, filter))
    .sort((a, b) => b.created - a.created || a.ref.localeCompare(b.ref));
}
