import { MinatoError } from '../../contract';
import type { HubRateLimit } from '../../contract/hub';
import { MANIFEST_ACCEPT } from '../registry/manifest-view';
import type { RegistryClient } from '../registry/registry-client';
import { parseRateFigure, retrySecondsOf } from './rate-limit-headers';

/**
 * What the registry says is left of the pull limit, read from a HEAD of a manifest: Hub counts GETs of manifests as
 * pulls, not HEADs, so asking costs nothing. The figures are the registry's own (`ratelimit-*`); a registry that sends
 * none has no limit to show.
 */
export async function readRateLimit(client: RegistryClient, repository: string, authenticated: boolean, signal: AbortSignal | undefined): Promise<HubRateLimit> {
  const path = `/v2/${repository.split('/').map(encodeURIComponent).join('/')}/manifests/latest`;
  const response = await client.request(path, { method: 'HEAD', accept: MANIFEST_ACCEPT, signal });
  await response.body?.cancel();
  const limit = parseRateFigure(response.headers.get('ratelimit-limit'));
  const remaining = parseRateFigure(response.headers.get('ratelimit-remaining'));
  // Without figures, only a 2xx means "no limit stated": a missing tag or a failing registry says nothing about it.
  if (!limit && !remaining && response.status === 404) throw new MinatoError('not-found', { key: 'hub.notFound', params: { what: `${repository}:latest` } });
  if (!limit && !remaining && !response.ok && response.status !== 429) throw new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what: `status ${response.status}` } });
  const exceeded = response.status === 429 ? retrySecondsOf(response.headers) : undefined;
  return {
    authenticated,
    ...(limit ? { limit } : {}),
    ...(remaining ? { remaining } : response.status === 429 && limit ? { remaining: { count: 0, ...(limit.windowSeconds ? { windowSeconds: limit.windowSeconds } : {}) } } : {}),
    ...(response.status === 429 ? (exceeded === undefined ? { exceeded: true } : { exceeded: true, retrySeconds: exceeded }) : {}),
  };
}
