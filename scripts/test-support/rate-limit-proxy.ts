import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny proxy in front of a test registry that adds Hub's `ratelimit-limit` / `ratelimit-remaining` headers to what
 * the registry answers, counting down on each manifest GET (as Hub counts pulls; a HEAD costs nothing), and answers
 * 429 once nothing is left.
 */
export interface RateLimitProxy {
  /** host:port of the proxy, on loopback (plain HTTP, as engines treat loopback registries). */
  address: string;
  /** Sets the figures the next answers carry. */
  set(limit: number, remaining: number, windowSeconds: number): void;
  stop(): Promise<void>;
}

export async function startRateLimitProxy(registryAddress: string, initial: { limit: number; remaining: number; windowSeconds: number }): Promise<RateLimitProxy> {
  let state = { ...initial };
  const server = http.createServer((request, response) => {
    const manifest = /^\/v2\/.+\/manifests\//.test(request.url ?? '');
    const figures = { 'ratelimit-limit': `${state.limit};w=${state.windowSeconds}`, 'ratelimit-remaining': `${state.remaining};w=${state.windowSeconds}` };
    if (manifest && state.remaining <= 0) {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(state.windowSeconds), ...figures });
      response.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'You have reached your pull rate limit.' }] }));
      request.resume();
      return;
    }
    if (manifest && request.method === 'GET') state = { ...state, remaining: state.remaining - 1 };
    const upstream = http.request(
      { host: registryAddress.split(':')[0], port: Number(registryAddress.split(':')[1]), path: request.url, method: request.method, headers: { ...request.headers, host: registryAddress } },
      (answer) => {
        // Figures on the answers that count (as Hub sends them): not on a 404 or a login challenge.
        const headers = { ...answer.headers, ...(manifest && (answer.statusCode ?? 500) < 400 ? figures : {}) };
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `127.0.0.1:${port}`,
    set: (limit, remaining, windowSeconds) => {
      state = { limit, remaining, windowSeconds };
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
