const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** The largest unit that fits, counted down as Docker does (59 s is "59 seconds", never "1 minute"). */
function largestUnit(seconds: number): [Intl.RelativeTimeFormatUnit, number] {
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return [unit, Math.floor(seconds / size)];
  }
  return ['second', 0];
}

/**
 * "2 minutes ago" in the UI's language. A moment slightly ahead of this clock (the engine's clock, rounding) reads
 * as now, never "in 1 second".
 */
export function relativeTime(epochSeconds: number, nowMs: number, language: string): string {
  const age = Math.max(0, Math.floor(nowMs / 1000 - epochSeconds));
  const [unit, count] = largestUnit(age);
  return new Intl.RelativeTimeFormat(language, { numeric: 'auto' }).format(-count, unit);
}

/** "5 minutes" as a length of time (how long it has been up), in the UI's language. */
export function formatDuration(seconds: number, language: string): string {
  const [unit, count] = largestUnit(Math.max(0, Math.floor(seconds)));
  return new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(count);
}
