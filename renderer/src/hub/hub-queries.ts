import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useClient } from '../client-context';

/**
 * Docker Hub's server state, asked through the engine (the page never reaches Hub). Hub sends no events: a view reads
 * again when it mounts; a failure is shown at once with a Retry rather than retried behind a spinner.
 */
const HUB = { staleTime: 60_000, retry: false } as const;
export const hubKeys = {
  all: ['hub'] as const,
  search: (query: string, page: number) => [...hubKeys.all, 'search', query, page] as const,
  repository: (repository: string) => [...hubKeys.all, 'repository', repository] as const,
  tags: (repository: string, page: number) => [...hubKeys.all, 'tags', repository, page] as const,
  rateLimit: (repository: string) => [...hubKeys.all, 'rate', repository] as const,
  image: (url: string) => [...hubKeys.all, 'image', url] as const,
};

export const SEARCH_PAGE_SIZE = 25;
export const TAGS_PAGE_SIZE = 25;

export function useHubSearch(query: string, page: number) {
  const client = useClient();
  return useQuery({
    queryKey: hubKeys.search(query, page),
    queryFn: ({ signal }) => client.call('hub:search', { query, page, pageSize: SEARCH_PAGE_SIZE }, { signal }),
    enabled: query.trim() !== '',
    placeholderData: keepPreviousData,
    ...HUB,
  });
}

export function useHubRepository(repository: string) {
  const client = useClient();
  return useQuery({ queryKey: hubKeys.repository(repository), queryFn: ({ signal }) => client.call('hub:repository', { repository }, { signal }), ...HUB });
}

export function useHubTags(repository: string, page: number) {
  const client = useClient();
  return useQuery({
    queryKey: hubKeys.tags(repository, page),
    queryFn: ({ signal }) => client.call('hub:tags', { repository, page, pageSize: TAGS_PAGE_SIZE }, { signal }),
    placeholderData: keepPreviousData,
    ...HUB,
  });
}

/** Read on every visit: the figure changes with every pull, this machine's and others'. */
export function useHubRateLimit(repository: string) {
  const client = useClient();
  return useQuery({ queryKey: hubKeys.rateLimit(repository), queryFn: ({ signal }) => client.call('hub:rateLimit', { repository }, { signal }), staleTime: 0, retry: false });
}

/** A README image, fetched by the engine once the person agreed to see remote images. */
export function useHubImage(url: string, enabled: boolean) {
  const client = useClient();
  return useQuery({ queryKey: hubKeys.image(url), queryFn: ({ signal }) => client.call('hub:image', { url }, { signal }), enabled, staleTime: Infinity, retry: false });
}
