import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small server of the tests' own that answers as Docker Hub's documented API does (`/v2/search/repositories`,
 * `/v2/repositories/{ns}/{name}`, `…/tags`, with `count`/`next`/`previous`/`results` paging), from fixtures the test
 * gives: no test ever reaches the real Hub.
 */
export interface StandinTag {
  name: string;
  digest: string;
  size: number;
  lastPushed: string;
  platforms: readonly string[];
}

export interface StandinRepository {
  namespace: string;
  name: string;
  description: string;
  readme: string;
  stars: number;
  pulls: number;
  official: boolean;
  tags: readonly StandinTag[];
}

export interface HubStandin {
  url: string;
  /** Every path asked, in order: a test can see what the engine asked. */
  requests: string[];
  /** Answers every request with this status until cleared (a 429, a 500…). */
  failWith(status: number | undefined, headers?: Record<string, string>): void;
  stop(): Promise<void>;
}

function pageOf<T>(items: readonly T[], url: URL, base: string) {
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1'));
  const size = Math.max(1, Number(url.searchParams.get('page_size') ?? '25'));
  const slice = items.slice((page - 1) * size, page * size);
  const link = (n: number) => {
    const next = new URL(url.pathname + url.search, base);
    next.searchParams.set('page', String(n));
    return next.toString();
  };
  return { count: items.length, next: page * size < items.length ? link(page + 1) : null, previous: page > 1 ? link(page - 1) : null, results: slice };
}

function tagJson(tag: StandinTag) {
  return {
    name: tag.name,
    digest: tag.digest,
    full_size: tag.size,
    last_updated: tag.lastPushed,
    tag_last_pushed: tag.lastPushed,
    tag_status: 'active',
    images: tag.platforms.map((platform, index) => {
      const [os, architecture, variant] = platform.split('/');
      return { architecture, os, variant: variant ?? null, digest: `sha256:${String(index).repeat(64)}`, size: tag.size, status: 'active', last_pushed: tag.lastPushed };
    }),
  };
}

export async function startHubStandin(repositories: readonly StandinRepository[]): Promise<HubStandin> {
  const requests: string[] = [];
  let failure: { status: number; headers: Record<string, string> } | undefined;
  const server = http.createServer((request, response) => {
    const base = `http://${request.headers.host ?? '127.0.0.1'}`;
    const url = new URL(request.url ?? '/', base);
    requests.push(url.pathname + url.search);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (failure) return send(failure.status, { message: 'stand-in failure' }, failure.headers);
    if (/^\/v2\/search\/repositories\/?$/.test(url.pathname)) {
      const query = (url.searchParams.get('query') ?? '').toLowerCase();
      const found = repositories
        .filter((repo) => `${repo.namespace}/${repo.name} ${repo.description}`.toLowerCase().includes(query))
        .map((repo) => ({
          repo_name: repo.namespace === 'library' ? repo.name : `${repo.namespace}/${repo.name}`,
          short_description: repo.description,
          star_count: repo.stars,
          pull_count: repo.pulls,
          repo_owner: '',
          is_automated: false,
          is_official: repo.official,
        }));
      return send(200, pageOf(found, url, base));
    }
    const match = /^\/v2\/repositories\/([^/]+)\/([^/]+)(\/tags)?\/?$/.exec(url.pathname);
    const repo = match && repositories.find((candidate) => candidate.namespace === match[1] && candidate.name === match[2]);
    if (!match || !repo) return send(404, { message: 'object not found', errinfo: {} });
    if (match[3]) return send(200, pageOf(repo.tags.map(tagJson), url, base));
    return send(200, {
      user: repo.namespace,
      name: repo.name,
      namespace: repo.namespace,
      repository_type: 'image',
      status: 1,
      description: repo.description,
      is_private: false,
      is_automated: false,
      star_count: repo.stars,
      pull_count: repo.pulls,
      last_updated: repo.tags[0]?.lastPushed ?? null,
      date_registered: '2014-06-05T19:14:45.387697Z',
      full_description: repo.readme,
      media_types: ['application/vnd.oci.image.index.v1+json'],
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failWith: (status, headers = {}) => {
      failure = status === undefined ? undefined : { status, headers };
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
