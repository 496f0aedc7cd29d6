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

export function relativeTime(epochSeconds: number, nowMs: number, language: string): string {
  const delta = epochSeconds - nowMs / 1000;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, seconds] of UNITS) {
    if (Math.abs(delta) >= seconds || unit === 'second') return format.format(Math.round(delta / seconds), unit);
  }
  return '';
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
