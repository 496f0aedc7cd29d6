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
}

export const shortImageId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** "localhost:5000/web:1" is repository "localhost:5000/web", tag "1": the tag follows the last colon after the last slash. */
export function splitTag(repoTag: string): { repository: string; tag: string } {
  const colon = repoTag.lastIndexOf(':');
  if (colon <= repoTag.lastIndexOf('/')) return { repository: repoTag, tag: 'latest' };
  return { repository: repoTag.slice(0, colon), tag: repoTag.slice(colon + 1) };
}

function rowsOf(image: ImageSummary): ImageRow[] {
  const common = { id: image.id, size: image.size, created: image.created };
  if (image.repoTags.length === 0) return [{ ...common, key: image.id, repository: undefined, tag: undefined, ref: shortImageId(image.id) }];
  return image.repoTags.map((repoTag) => ({ ...common, key: `${image.id}|${repoTag}`, ...splitTag(repoTag), ref: repoTag }));
}

function matches(row: ImageRow, needle: string): boolean {
  if (!needle) return true;
  if (row.repository === undefined) return '<none>'.includes(needle) || shortImageId(row.id).startsWith(needle);
  return row.ref.toLowerCase().includes(needle) || shortImageId(row.id).startsWith(needle);
}

/** Newest first, as `docker image ls` sorts; names break ties so the order never jumps between refetches. */
export function imageRows(images: readonly ImageSummary[], search: string): ImageRow[] {
  const needle = search.trim().toLowerCase();
  return images
    .flatMap(rowsOf)
    .filter((row) => matches(row, needle))
    .sort((a, b) => b.created - a.created || a.ref.localeCompare(b.ref));
}
