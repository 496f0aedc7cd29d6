import { MinatoError } from '../../contract';
import { readLimited } from '../registry/registry-client';

const IMAGE_LIMIT = 2 * 1024 * 1024;
// SVG is safe here: it is shown through <img>, where it runs no script and loads nothing.
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/avif']);

/**
 * Fetches one README image the person agreed to see, for a page whose CSP allows only its own and `data:` images:
 * https only (redirects included), an image type, at most 2 MB, a short timeout, no cookies or credentials sent.
 */
export async function fetchReadmeImage(url: string, signal: AbortSignal | undefined, doFetch: typeof fetch = fetch): Promise<{ dataUrl: string }> {
  const unreadable = (what: string) => new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what } });
  let response: Response;
  try {
    const signals = [AbortSignal.timeout(8_000), ...(signal ? [signal] : [])];
    response = await doFetch(url, { redirect: 'follow', credentials: 'omit', signal: AbortSignal.any(signals) });
  } catch (error) {
    if (signal?.aborted) throw new MinatoError('cancelled', { key: 'engine.cancelled' });
    throw new MinatoError('engine-unavailable', { key: 'hub.unreachable', params: { reason: (error as Error).name === 'TimeoutError' ? 'no answer within 8 s' : new URL(url).host } });
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!response.ok || !response.url.startsWith('https://') || !IMAGE_TYPES.has(type)) {
    await response.body?.cancel();
    throw unreadable(`an image answer of ${new URL(url).host}`);
  }
  const bytes = await readLimited(response, IMAGE_LIMIT);
  return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
}
