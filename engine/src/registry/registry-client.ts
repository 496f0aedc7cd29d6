import { MinatoError } from '../../contract';
import type { RegistryLogin } from '../credentials/credential-store';
import { parseChallenge, scopesOf, tokenUrl, type Challenge } from './challenge';
import { apiUrlOf, type RegistryLocation } from './registry-url';

export interface RegistryClientOptions {
  location: RegistryLocation;
  /** Read only when the registry asks for a login, so a browse of an open registry never runs a credential helper. */
  login: () => Promise<RegistryLogin | undefined>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface RegistryRequest {
  method?: 'GET' | 'HEAD' | 'DELETE';
  accept?: readonly string[];
  signal?: AbortSignal;
}

/** The scope a path needs, as registries name it: what a cached token is filed under. */
function scopeOf(path: string, method: string): string {
  if (path.startsWith('/v2/_catalog')) return 'registry:catalog:*';
  const repository = /^\/v2\/(.+?)\/(?:tags|manifests|blobs)\//.exec(path)?.[1];
  if (!repository) return '';
  return `repository:${repository}:${method === 'DELETE' ? 'delete' : 'pull'}`;
}

function basic(login: RegistryLogin): string {
  return `Basic ${Buffer.from(`${login.username}:${login.password ?? ''}`).toString('base64')}`;
}

/** TLS errors that mean no authority Minato trusts signed the server's certificate (a private CA, or self-signed). */
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
]);

/** Reads at most `limit` bytes of a body: a registry is not trusted to send a small answer. */
export async function readLimited(response: Response, limit: number): Promise<Buffer> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new MinatoError('engine-error', { key: 'registry.tooBig', params: { limit } });
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * A Registry HTTP API v2 client that answers a 401 the way the CLI does: Basic with the stored login, or Bearer — the
 * challenge's realm asked for a token for the challenge's scopes (each its own `scope=`), the token kept per scope.
 */
export function createRegistryClient(options: RegistryClientOptions) {
  const { location } = options;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = apiUrlOf(location);
  const tokens = new Map<string, { header: string; expires: number }>();
  let basicHeader: string | undefined;
  let login: Promise<RegistryLogin | undefined> | undefined;
  const loginOnce = () => (login ??= options.login());

  const send = async (url: string, init: RequestInit, signal: AbortSignal | undefined): Promise<Response> => {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    try {
      return await doFetch(url, { ...init, signal: AbortSignal.any(signals) });
    } catch (error) {
      if (signal?.aborted) throw new MinatoError('cancelled', { key: 'engine.cancelled' });
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code && UNTRUSTED_CERTIFICATE.has(cause.code)) throw new MinatoError('engine-error', { key: 'registry.untrustedCertificate', params: { address: location.address } });
      if (cause?.code === 'ERR_TLS_CERT_ALTNAME_INVALID') throw new MinatoError('engine-error', { key: 'registry.certificateName', params: { address: location.address } });
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : (cause?.code ?? cause?.message ?? (error as Error).message);
      throw new MinatoError('engine-error', { key: 'registry.unreachable', params: { address: location.address, reason } });
    }
  };

  const fetchToken = async (challenge: Challenge, signal: AbortSignal | undefined): Promise<{ header: string; expires: number }> => {
    const credentials = await loginOnce();
    const url = tokenUrl(challenge, scopesOf(challenge));
    // An HTTPS registry must not have the login sent in clear to a realm it names: only a registry that is plain HTTP
    // itself (loopback, or by consent) may use a plain-HTTP token endpoint.
    if (url.protocol === 'http:' && !location.plainHttp) {
      throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: location.address, what: 'a plain-HTTP token realm' } });
    }
    const headers: Record<string, string> = {};
    let init: RequestInit = { headers };
    if (credentials?.identityToken) {
      // An identity token is a refresh token: OAuth2's form post, as the CLI sends it.
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: credentials.identityToken, client_id: 'minato' });
      if (challenge.params.service) form.set('service', challenge.params.service);
      form.set('scope', scopesOf(challenge).join(' '));
      init = { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form };
    } else if (credentials) {
      headers.authorization = basic(credentials);
    }
    const response = await send(url.toString(), init, signal);
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new MinatoError('permission-denied', { key: credentials ? 'registry.wrongLogin' : 'registry.loginNeeded', params: { address: location.address } });
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: location.address, what: `token endpoint status ${response.status}` } });
    }
    const body = JSON.parse((await readLimited(response, 1024 * 1024)).toString('utf8')) as { token?: string; access_token?: string; expires_in?: number };
    const token = body.token ?? body.access_token;
    if (!token) throw new MinatoError('engine-error', { key: 'registry.badAnswer', params: { address: location.address, what: 'no token' } });
    // Tokens live 60 s unless the endpoint says otherwise; renew a little before.
    return { header: `Bearer ${token}`, expires: Date.now() + Math.max(10, (body.expires_in ?? 60) - 5) * 1000 };
  };

  /** Answers a challenge; false when it cannot be answered (no login for Basic, an unknown scheme). */
  const answer = async (challenge: Challenge | undefined, scope: string, signal: AbortSignal | undefined): Promise<boolean> => {
    if (challenge?.scheme === 'bearer') {
      tokens.set(scope, await fetchToken(challenge, signal));
      return true;
    }
    if (challenge?.scheme === 'basic') {
      const credentials = await loginOnce();
      if (!credentials || credentials.identityToken) return false;
      basicHeader = basic(credentials);
      return true;
    }
    return false;
  };

  const authorization = (scope: string): string | undefined => {
    const token = tokens.get(scope);
    if (token && token.expires > Date.now()) return token.header;
    return basicHeader;
  };

  return {
    location,
    /** A request with the login the registry asks for; a 401 that a login cannot fix becomes a permission error. */
    async request(path: string, { method = 'GET', accept, signal }: RegistryRequest = {}): Promise<Response> {
      const scope = scopeOf(path, method);
      const attempt = () => {
        const headers: Record<string, string> = {};
        if (accept) headers.accept = accept.join(', ');
        const auth = authorization(scope);
        if (auth) headers.authorization = auth;
        return send(`${base}${path}`, { method, headers, redirect: 'follow' }, signal);
      };
      let response = await attempt();
      if (response.status === 401) {
        await response.body?.cancel();
        const answered = await answer(parseChallenge(response.headers.get('www-authenticate')), scope, signal);
        if (answered) response = await attempt();
        if (response.status === 401) {
          await response.body?.cancel();
          const credentials = await loginOnce();
          throw new MinatoError('permission-denied', { key: credentials ? 'registry.wrongLogin' : 'registry.loginNeeded', params: { address: location.address } });
        }
      }
      if (response.status === 403) {
        await response.body?.cancel();
        throw new MinatoError('permission-denied', { key: 'registry.denied', params: { address: location.address } });
      }
      return response;
    },
  };
}
export type RegistryClient = ReturnType<typeof createRegistryClient>;
