import { MinatoError } from '../../contract';
import { AddressRefused, createNodeFetch, SchemeRefused } from '../registry/node-fetch';
import { readLimited } from '../registry/registry-client';
import { isLoopbackAddress, isPublicAddress } from './public-address';

const IMAGE_LIMIT = 2 * 1024 * 1024;
const MAX_REDIRECTS = 5;
// SVG is safe here: it is shown through <img>, where it runs no script and loads nothing.
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml', 'image/avif']);

/**
 * The fetch README images go through: https only, redirects included, and only to public internet addresses. A
 * README is anyone's text, and the engine runs on the person's machine, so without this an image URL could make it
 * reach this machine's own services, the private network or a cloud's metadata address (169.254.169.254). Every
 * address a name resolves to is checked before connecting, and the connection goes to one that was checked.
 * `allowLoopback` and `ca` exist for the tests' own HTTPS server on 127.0.0.1; the engine never sets them.
 */
export function readmeImageFetch(testing: { allowLoopback?: boolean; ca?: string } = {}): typeof fetch {
  const allowAddress = testing.allowLoopback ? (address: string) => isPublicAddress(address) || isLoopbackAddress(address) : isPublicAddress;
  return createNodeFetch({ allowAddress, httpsOnly: true, maxRedirects: MAX_REDIRECTS, ...(testing.ca ? { ca: [testing.ca] } : {}) });
}

const publicOnly = readmeImageFetch();

function refusal(error: unknown, url: string): MinatoError | undefined {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof AddressRefused) return new MinatoError('permission-denied', { key: 'hub.imageAddress', params: { host: cause.host, address: cause.address } });
  if (cause instanceof SchemeRefused) return new MinatoError('permission-denied', { key: 'hub.imageNotHttps', params: { host: new URL(cause.url).host || new URL(url).host } });
  return undefined;
}

/**
 * Fetches one README image the person agreed to see, for a page whose CSP allows only its own and `data:` images:
 * public https addresses only (redirects included, at most 5), an image type, at most 2 MB (by its length when it
 * says one, and as it is read), a short timeout, no cookies or credentials sent.
 */
export async function fetchReadmeImage(url: string, signal: AbortSignal | undefined, doFetch: typeof fetch = publicOnly): Promise<{ dataUrl: string }> {
  const host = new URL(url).host;
  const unreadable = (what: string) => new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what } });
  let response: Response;
  try {
    const signals = [AbortSignal.timeout(8_000), ...(signal ? [signal] : [])];
    response = await doFetch(url, { redirect: 'follow', credentials: 'omit', headers: { accept: [...IMAGE_TYPES].join(', ') }, signal: AbortSignal.any(signals) });
  } catch (error) {
    if (signal?.aborted) throw new MinatoError('cancelled', { key: 'engine.cancelled' });
    const refused = refusal(error, url);
    if (refused) throw refused;
    throw new MinatoError('engine-unavailable', { key: 'hub.unreachable', params: { reason: (error as Error).name === 'TimeoutError' ? 'no answer within 8 s' : host } });
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  if (!response.ok || !IMAGE_TYPES.has(type)) {
    await response.body?.cancel();
    throw unreadable(`an image answer of ${host}`);
  }
  if (length > IMAGE_LIMIT) {
    await response.body?.cancel();
    throw new MinatoError('engine-error', { key: 'hub.imageTooBig', params: { host, megabytes: IMAGE_LIMIT / 1024 / 1024 } });
  }
  const bytes = await readLimited(response, IMAGE_LIMIT).catch((error: unknown) => {
    throw error instanceof MinatoError && error.key === 'registry.tooBig' ? new MinatoError('engine-error', { key: 'hub.imageTooBig', params: { host, megabytes: IMAGE_LIMIT / 1024 / 1024 } }) : error;
  });
  return { dataUrl: `data:${type};base64,${bytes.toString('base64')}` };
}
