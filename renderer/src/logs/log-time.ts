/** The engine's RFC 3339 timestamps: compared, cut to the second and shown in local time. */

const RFC3339 = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/;

/**
 * One fixed form, "YYYY-MM-DDTHH:MM:SS.nnnnnnnnnZ" in UTC, so two timestamps compare as strings to the nanosecond
 * (Date.parse would cut them to the millisecond). Go's RFC3339Nano trims trailing zeros; this pads them back.
 * Anything else comes back as given.
 */
export function normalizeTimestamp(ts: string): string {
  // Docker's own form already is the fixed one: most lines take this path, with no regular expression.
  if (ts.length === 30 && ts.charCodeAt(29) === 90 && ts.charCodeAt(19) === 46 && ts.charCodeAt(10) === 84) return ts;
  const match = RFC3339.exec(ts);
  if (!match) return ts;
  const [, clock, fraction = '', zone] = match as unknown as [string, string, string | undefined, string];
  const utc = zone === 'Z' ? clock : new Date(`${clock}${zone}`).toISOString().slice(0, 19);
  return `${utc}.${fraction.padEnd(9, '0')}Z`;
}

/** The whole epoch second a timestamp falls in, or undefined when it is not one. */
export function timestampSecond(ts: string): number | undefined {
  const normal = normalizeTimestamp(ts);
  const ms = RFC3339.test(normal) ? Date.parse(`${normal.slice(0, 19)}Z`) : NaN;
  return Number.isFinite(ms) ? ms / 1000 : undefined;
}

/** An engine time (finishedAt, startedAt) as epoch seconds to the millisecond, for `since`; undefined for Go's zero time. */
export function engineTimeSeconds(ts: string): number | undefined {
  const second = timestampSecond(ts);
  if (second === undefined || second <= 0) return undefined;
  return second + Number(normalizeTimestamp(ts).slice(20, 23)) / 1000;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** "2024-05-01 19:00:00.123" in the local time zone, as the since/until inputs take it. */
export function formatLocalTimestamp(ts: string): string {
  const normal = normalizeTimestamp(ts);
  const second = timestampSecond(normal);
  if (second === undefined) return ts;
  const date = new Date(second * 1000);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${normal.slice(20, 23)}`;
}
