import type { PublishedPort } from '../../../engine/contract';

const isWildcard = (ip: string | undefined) => !ip || ip === '0.0.0.0' || ip === '::';
const hostOf = (ip: string) => (ip.includes(':') ? `[${ip}]` : ip);

/**
 * Where a published port can be opened in a browser: wildcard binds are reached at the host the engine declares
 * (localhost for an engine on this machine, the server for a remote TCP engine), and only TCP can speak HTTP.
 */
export function portUrl(port: PublishedPort, wildcardHost = 'localhost'): string | undefined {
  if (!port.hostPort || port.protocol !== 'tcp') return undefined;
  return `http://${isWildcard(port.hostIp) ? hostOf(wildcardHost) : hostOf(port.hostIp as string)}:${port.hostPort}`;
}

export function portLabel(port: PublishedPort): string {
  const target = `${port.containerPort}/${port.protocol}`;
  if (!port.hostPort) return target;
  const ip = isWildcard(port.hostIp) ? '' : `${hostOf(port.hostIp as string)}:`;
  return `${ip}${port.hostPort}→${target}`;
}
