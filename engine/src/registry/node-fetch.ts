import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';

/** An address the caller will not connect to, said by `checkAddress`; it reaches the caller as the error's `cause`. */
export class AddressRefused extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is at ${address}, where Minato does not connect for this request`);
    this.name = 'AddressRefused';
  }
}

/** A URL whose scheme the caller refuses (an https-only fetch redirected to http). */
export class SchemeRefused extends Error {
  constructor(readonly url: string) {
    super(`not an https URL: ${new URL(url).protocol}`);
    this.name = 'SchemeRefused';
  }
}

export interface NodeFetchOptions {
  /** Certificate authorities trusted beside the system's (PEM): a private registry's CA. Verification stays on. */
  ca?: readonly string[];
  /**
   * Sees every address a host name resolves to (all of them, before connecting) and every IP-literal host, for every
   * request including redirects; returns false to refuse. The connection then goes to an address that was checked, so
   * a name that resolves differently a moment later (DNS rebinding) cannot slip past.
   */
  allowAddress?: (address: string) => boolean;
  /** Refuse any URL that is not https, redirects included. */
  httpsOnly?: boolean;
  maxRedirects?: number;
}

const NULL_BODY = new Set([101, 204, 205, 304]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function guardedLookup(allow: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((entry) => !allow(entry.address));
      if (refused || addresses.length === 0) return callback(new AddressRefused(hostname, refused?.address ?? 'no address'), '', 0);
      // With autoSelectFamily net asks for every address; otherwise for one.
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}

function headersOf(response: IncomingMessage): Headers {
  const headers = new Headers();
  const raw = response.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) headers.append(raw[index] as string, raw[index + 1] as string);
  return headers;
}

function bodyText(body: RequestInit['body']): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof URLSearchParams) return body.toString();
  throw new TypeError('This fetch sends only text and form bodies.');
}

interface Hop {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/**
 * `fetch` over Node's own http/https, for what the global fetch cannot do: trust a private CA for one registry (and
 * only there), and check the address a name resolves to before connecting (README images must not reach this
 * machine or the private network). It follows redirects itself, each hop checked the same way, dropping the
 * Authorization header when a redirect leaves the origin, as fetch does.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): typeof fetch {
  const ca = options.ca && options.ca.length > 0 ? [...rootCertificates, ...options.ca] : undefined;
  const lookup = options.allowAddress ? guardedLookup(options.allowAddress) : undefined;
  const maxRedirects = options.maxRedirects ?? 10;

  const send = (hop: Hop, signal: AbortSignal | undefined) =>
    new Promise<IncomingMessage>((resolve, reject) => {
      const { url } = hop;
      if (options.httpsOnly && url.protocol !== 'https:') return reject(new SchemeRefused(url.toString()));
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return reject(new SchemeRefused(url.toString()));
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (options.allowAddress && isIP(host) !== 0 && !options.allowAddress(host)) return reject(new AddressRefused(host, host));
      const headers: Record<string, string> = {};
      hop.headers.forEach((value, name) => (headers[name] = value));
      const request = (url.protocol === 'https:' ? https : http).request(url, {
        method: hop.method,
        headers,
        agent: false,
        ...(ca && url.protocol === 'https:' ? { ca } : {}),
        ...(lookup ? { lookup } : {}),
        ...(signal ? { signal } : {}),
      });
      request.once('response', resolve);
      request.once('error', (error) => reject(signal?.aborted ? signal.reason : error));
      request.end(hop.body);
    });

  const nodeFetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (input instanceof Request) throw new TypeError('This fetch takes a URL.');
    const signal = init.signal ?? undefined;
    let hop: Hop = { url: new URL(input), method: (init.method ?? 'GET').toUpperCase(), headers: new Headers(init.headers), body: bodyText(init.body) };
    if (init.body instanceof URLSearchParams && !hop.headers.has('content-type')) hop.headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    for (let redirects = 0; ; redirects++) {
      let response: IncomingMessage;
      try {
        response = await send(hop, signal);
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        throw new TypeError('fetch failed', { cause: error });
      }
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (REDIRECTS.has(status) && location && init.redirect !== 'manual') {
        response.resume();
        if (init.redirect === 'error' || redirects >= maxRedirects) throw new TypeError('fetch failed', { cause: new Error('too many redirects') });
        const next = new URL(location, hop.url);
        const headers = new Headers(hop.headers);
        if (next.origin !== hop.url.origin) headers.delete('authorization');
        const toGet = status === 303 || ((status === 301 || status === 302) && hop.method === 'POST');
        if (toGet) {
          headers.delete('content-type');
          headers.delete('content-length');
        }
        hop = { url: next, method: toGet && hop.method !== 'HEAD' ? 'GET' : hop.method, headers, body: toGet ? undefined : hop.body };
        continue;
      }
      const empty = NULL_BODY.has(status) || hop.method === 'HEAD';
      if (empty) response.resume();
      const body = empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      return new Response(body, { status, statusText: response.statusMessage ?? '', headers: headersOf(response) });
    }
  };
  return nodeFetch as typeof fetch;
}
