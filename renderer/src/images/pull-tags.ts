import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useClient } from '../client-context';
import { pullSource, type PullSource } from './pull-source';

const DEBOUNCE_MS = 400;
/** Hub answers at most 100 tags a page; a registry's tag list takes up to 1000. */
const HUB_PAGE = 100;
const REGISTRY_PAGE = 1000;
/** While a typed tag matches fewer than this many loaded tags, the next pages are read by themselves… */
const ENOUGH_MATCHES = 20;
/** …up to this many pages (10,000 Hub tags, 100,000 of a registry's): beyond, "More tags" reads on. */
const AUTO_PAGES = 100;

export interface TagSuggestion {
  tag: string;
  /** Platforms Hub lists for the tag; empty when the registry does not say. */
  platforms: string[];
}

interface TagPage {
  tags: TagSuggestion[];
  /** Hub's next page number, or a registry's `last` cursor; absent on the last page. */
  next?: number | string;
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

/** What is typed after `base:`, the part of a tag the list is narrowed to; empty while no tag is typed. */
export function typedTag(name: string, base: string): string {
  const text = name.trim();
  return base && text.startsWith(`${base}:`) ? text.slice(base.length + 1) : '';
}

/** The loaded tags holding the typed text (any case), in the registry's order. */
export function matchingTags(tags: readonly TagSuggestion[], typed: string): TagSuggestion[] {
  const needle = typed.toLowerCase();
  return needle ? tags.filter((tag) => tag.tag.toLowerCase().includes(needle)) : [...tags];
}

/**
 * Whether to read the next page without being asked: a tag is being typed, few loaded tags match it, and there are
 * more pages (bounded, so a repository of a million tags is never read whole by typing).
 */
export function shouldReadOn(typed: string, matches: number, hasNext: boolean, pagesRead: number): boolean {
  return typed !== '' && matches < ENOUGH_MATCHES && hasNext && pagesRead < AUTO_PAGES;
}

/**
 * The typed repository's tags, from Hub or an added registry, asked through the engine page by page: narrowed to what
 * is typed after ":", reading further pages while few match, and one more page each time the person asks.
 */
export function usePullTags(name: string) {
  const client = useClient();
  // Which hosts are added registries, read here rather than from registries/ (features keep apart); fresh on mount.
  const registries = useQuery({ queryKey: ['pull-tags', 'registries'], queryFn: ({ signal }) => client.call('registries:list', {}, { signal }), retry: false });
  const source: PullSource = pullSource(useDebounced(name, DEBOUNCE_MS), (registries.data ?? []).map((registry) => registry.address));
  const query = useInfiniteQuery({
    queryKey: ['pull-tags', 'tags', source],
    initialPageParam: undefined as number | string | undefined,
    queryFn: async ({ pageParam, signal }): Promise<TagPage> => {
      if (source.kind === 'hub') {
        const page = typeof pageParam === 'number' ? pageParam : 1;
        const answer = await client.call('hub:tags', { repository: source.repository, page, pageSize: HUB_PAGE }, { signal });
        const tags = answer.tags.map((tag) => ({ tag: tag.name, platforms: tag.images.map((image) => image.platform).filter(isPullable) }));
        return answer.hasNext ? { tags, next: page + 1 } : { tags };
      }
      if (source.kind === 'registry') {
        const cursor = typeof pageParam === 'string' ? { cursor: pageParam } : {};
        const answer = await client.call('registries:tags', { address: source.address, repository: source.repository, pageSize: REGISTRY_PAGE, ...cursor }, { signal });
        const tags = answer.tags.map((tag) => ({ tag, platforms: [] }));
        return answer.next ? { tags, next: answer.next } : { tags };
      }
      return { tags: [] };
    },
    getNextPageParam: (last) => last.next,
    enabled: source.kind !== 'none',
    staleTime: 60_000,
    retry: false,
  });
  const all = useMemo(() => query.data?.pages.flatMap((page) => page.tags) ?? [], [query.data]);
  const typed = source.kind === 'none' ? '' : typedTag(name, source.base);
  const tags = useMemo(() => matchingTags(all, typed), [all, typed]);
  const pagesRead = query.data?.pages.length ?? 0;
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  const readOn = !isError && !isFetchingNextPage && shouldReadOn(typed, tags.length, hasNextPage, pagesRead);
  useEffect(() => {
    if (readOn) void fetchNextPage();
  }, [readOn, fetchNextPage]);
  return {
    source,
    tags,
    failed: isError,
    more: { available: hasNextPage && !isError, loading: isFetchingNextPage, load: () => void fetchNextPage() },
  };
}
