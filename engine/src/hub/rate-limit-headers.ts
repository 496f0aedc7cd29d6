import { MinatoError } from '../../contract';

export interface RateFigure {
  count: number;
  windowSeconds?: number;
}

/**
 * Reads `ratelimit-limit` / `ratelimit-remaining` as Hub sends them: `100;w=21600` (a count, then `w=` the window in
 * seconds), possibly more than one policy after a comma (the first is the one in force). Nothing is assumed about
 * the figures themselves: Hub has changed them several times.
 */
export function parseRateFigure(header: string | null): RateFigure | undefined {
  if (!header) return undefined;
  const [first] = header.split(',');
  const [countText, ...params] = (first ?? '').split(';').map((part) => part.trim());
  if (!countText || !/^\d+$/.test(countText)) return undefined;
  const window = params.map((param) => /^w\s*=\s*(\d+)$/i.exec(param)?.[1]).find((value) => value !== undefined);
  return { count: Number(countText), ...(window ? { windowSeconds: Number(window) } : {}) };
}

/** How long a 429 asks to wait: `retry-after` in seconds, else the window of the figure used up. */
export function retrySecondsOf(headers: Headers): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
  if (retryAfter) {
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return parseRateFigure(headers.get('ratelimit-remaining'))?.windowSeconds ?? parseRateFigure(headers.get('ratelimit-limit'))?.windowSeconds;
}

/** A 429 as the message people read: the time to wait when the answer says it, and that logging in gives more. */
export function rateLimitedError(headers: Headers): MinatoError {
  const seconds = retrySecondsOf(headers);
  return seconds === undefined
    ? new MinatoError('limit', { key: 'hub.rateLimitedLater' })
    : new MinatoError('limit', { key: 'hub.rateLimited', params: { seconds } });
}
