import type { PublishedPort } from '../../../engine/contract';

const isWildcard = (ip: string | undefined) => !ip || ip === '0.0.0.0' || ip === '::';
const hostOf = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);

/** Where a published port can be opened in a browser: wildcard binds are reached through localhost, and only TCP can speak HTTP. */
export function portUrl(port: PublishedPort): string | undefined {
  if (!port.hostPort || port.protocol !== 'tcp') return undefined;
  return `http://${isWildcard(port.hostIp) ? 'localhost' : hostOf(port.hostIp as string)}:${port.hostPort}`;
}

export function portLabel(port: PublishedPort): string {
  const target = `${port.containerPort}/${port.protocol}`;
  if (!port.hostPort) return target;
  const ip = isWildcard(port.hostIp) ? '' : `${hostOf(port.hostIp as string)}:`;
  return `${ip}${port.hostPort}→${target}`;
}

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

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
