import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useClient } from '../client-context';
import { pullSource } from './pull-source';

const DEBOUNCE_MS = 400;

export interface TagSuggestion {
  tag: string;
  /** Platforms Hub lists for the tag; empty when the registry does not say. */
  platforms: string[];
}

/** Hub lists attestation manifests as unknown/unknown: not a platform anyone pulls. */
const isPullable = (platform: string) => !platform.startsWith('unknown');

/** A value that settles: the registry is asked once typing pauses, not on every key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The first page of the typed repository's tags, from Hub or an added registry, asked through the engine. */
export function usePullTags(name: string) {
  const client = useClient();
  // Which hosts are added registries, read here rather than from registries/ (features keep apart); fresh on mount.
  const registries = useQuery({ queryKey: ['pull-tags', 'registries'], queryFn: ({ signal }) => client.call('registries:list', {}, { signal }), retry: false });
  const source = pullSource(useDebounced(name, DEBOUNCE_MS), (registries.data ?? []).map((registry) => registry.address));
  const query = useQuery({
    queryKey: ['pull-tags', 'tags', source],
    queryFn: async ({ signal }): Promise<TagSuggestion[]> => {
      if (source.kind === 'hub') {
        const page = await client.call('hub:tags', { repository: source.repository, page: 1, pageSize: 50 }, { signal });
        return page.tags.map((tag) => ({ tag: tag.name, platforms: tag.images.map((image) => image.platform).filter(isPullable) }));
      }
      if (source.kind === 'registry') {
        const page = await client.call('registries:tags', { address: source.address, repository: source.repository }, { signal });
        return page.tags.map((tag) => ({ tag, platforms: [] }));
      }
      return [];
    },
    enabled: source.kind !== 'none',
    staleTime: 60_000,
    retry: false,
  });
  return { source, tags: query.data ?? [], failed: query.isError };
}
