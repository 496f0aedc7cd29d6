import type { AnsiSegment } from './ansi';

export interface MarkedSegment extends AnsiSegment {
  mark?: boolean;
}

/**
 * Cuts coloured segments at the search matches, so a match keeps its colours and gains a mark. The ranges are
 * offsets into the plain text, which is exactly the segments' texts end to end.
 */
export function highlightSegments(segments: readonly AnsiSegment[], ranges: ReadonlyArray<readonly [number, number]>): MarkedSegment[] {
  if (ranges.length === 0) return [...segments];
  const out: MarkedSegment[] = [];
  let offset = 0;
  let rangeIndex = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let cursor = offset;
    while (cursor < end) {
      while (rangeIndex < ranges.length && (ranges[rangeIndex] as [number, number])[1] <= cursor) rangeIndex++;
      const range = ranges[rangeIndex];
      if (!range || range[0] >= end) {
        out.push({ ...segment, text: segment.text.slice(cursor - offset) });
        cursor = end;
      } else if (range[0] > cursor) {
        out.push({ ...segment, text: segment.text.slice(cursor - offset, range[0] - offset) });
        cursor = range[0];
      } else {
        const stop = Math.min(range[1], end);
        out.push({ ...segment, text: segment.text.slice(cursor - offset, stop - offset), mark: true });
        cursor = stop;
      }
    }
    offset = end;
  }
  return out;
}
