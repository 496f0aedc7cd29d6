import { MinatoError } from '../../contract';
import { readLimited } from '../registry/registry-client';
import { rateLimitedError } from './rate-limit-headers';

/** Hub's answers are small JSON; a README is the largest (Hub caps it at 25,000 characters). */
const ANSWER_LIMIT = 2 * 1024 * 1024;

export interface HubClientOptions {
  /** Hub's API base (`https://hub.docker.com`); tests point it at their stand-in. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Short: an unreachable Hub should turn into a "retry" state within seconds, not a long spinner. */
  timeoutMs?: number;
}

/** Reads Hub's JSON API: every failure a Hub message (unreachable, not found, rate-limited), never a hang. */
export function createHubClient({ baseUrl, fetch: doFetch = fetch, timeoutMs = 8_000 }: HubClientOptions) {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    async getJson(path: string, what: string, signal: AbortSignal | undefined): Promise<unknown> {
      let response: Response;
      try {
        const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
        response = await doFetch(`${base}${path}`, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.any(signals) });
      } catch (error) {
        if (signal?.aborted) throw new MinatoError('cancelled', { key: 'engine.cancelled' });
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
        throw new MinatoError('engine-unavailable', { key: 'hub.unreachable', params: { reason } });
      }
      if (response.status === 404) {
        await response.body?.cancel();
        throw new MinatoError('not-found', { key: 'hub.notFound', params: { what } });
      }
      if (response.status === 429) {
        await response.body?.cancel();
        throw rateLimitedError(response.headers);
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what: `status ${response.status}` } });
      }
      try {
        return JSON.parse((await readLimited(response, ANSWER_LIMIT)).toString('utf8')) as unknown;
      } catch (error) {
        if (error instanceof MinatoError) throw error;
        throw new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what: 'not JSON' } });
      }
    },
  };
}
export type HubClient = ReturnType<typeof createHubClient>;
