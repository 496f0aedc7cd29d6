import type { LogLine } from '../../../engine/contract';
import { LogBuffer } from './log-buffer';
import { normalizeTimestamp } from './log-time';

const keyOf = (line: LogLine) => `${line.stream}\n${line.text}`;

/**
 * Gathers the lines before a boundary for "load older". The engine is asked for everything up to the end of the
 * boundary's second, so lines of that second come back too; they are told apart by the full nanosecond timestamp.
 * Lines stamped exactly at the boundary are kept unless the view already shows them: the shown ones are the last of
 * that instant (the view is contiguous), so identical lines are matched from the end.
 */
export class OlderCollector {
  private readonly older: LogBuffer;
  private readonly atBoundary: LogLine[] = [];
  private readonly boundary: string;

  /**
   * @param boundary the oldest shown line's timestamp (or, on an empty view, the newest cleared line's)
   * @param shownAtBoundary the shown lines stamped exactly `boundary`, in order
   */
  constructor(
    boundary: string,
    private readonly shownAtBoundary: readonly LogLine[],
    count: number,
  ) {
    this.boundary = normalizeTimestamp(boundary);
    this.older = new LogBuffer(Math.max(1, count));
  }

  take(lines: readonly LogLine[]): void {
    for (const line of lines) {
      const ts = normalizeTimestamp(line.ts);
      if (ts < this.boundary) {
        this.older.append([line]);
      } else if (ts === this.boundary) this.atBoundary.push(line);
    }
  }

  /** The lines to put in front of the view, oldest first: at most `count`, the newest of them. */
  result(): LogLine[] {
    const shown = new Map<string, number>();
    for (const line of this.shownAtBoundary) shown.set(keyOf(line), (shown.get(keyOf(line)) ?? 0) + 1);
    const fresh: LogLine[] = [];
    for (let index = this.atBoundary.length - 1; index >= 0; index--) {
      const line = this.atBoundary[index] as LogLine;
      const left = shown.get(keyOf(line)) ?? 0;
      if (left > 0) shown.set(keyOf(line), left - 1);
      else fresh.unshift(line);
    }
    this.older.append(fresh);
    return this.older.toArray().map(({ stream, ts, text }) => ({ stream, ts, text }));
  }
}
