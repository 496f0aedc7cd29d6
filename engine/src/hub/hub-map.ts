import { z } from 'zod';
import { MinatoError } from '../../contract';
import type { HubBadge, HubRepository, HubSearchPage, HubTagsPage } from '../../contract/hub';

/**
 * Hub's documented JSON, read leniently (fields Hub adds or drops do not break a page) but checked: anything that is
 * not the expected shape is a `hub.badAnswer`, never a crash further on.
 */
const count = z.number().nonnegative().catch(0);
const text = z.string().nullish().transform((value) => value ?? '');

const SearchAnswer = z.object({
  count: count.optional(),
  next: z.string().nullish(),
  results: z.array(
    z.object({
      repo_name: z.string(),
      short_description: text,
      star_count: count.optional(),
      pull_count: count.optional(),
      is_official: z.boolean().nullish(),
      // Hub's newer search names publisher badges; either spelling is read.
      is_verified_publisher: z.boolean().nullish(),
      badge: z.string().nullish(),
    }),
  ),
});

const RepositoryAnswer = z.object({
  namespace: z.string(),
  name: z.string(),
  description: text,
  full_description: text,
  star_count: count.optional(),
  pull_count: count.optional(),
  last_updated: z.string().nullish(),
  is_official: z.boolean().nullish(),
  is_verified_publisher: z.boolean().nullish(),
});

const TagsAnswer = z.object({
  count: count.optional(),
  next: z.string().nullish(),
  results: z.array(
    z.object({
      name: z.string(),
      digest: z.string().nullish(),
      full_size: z.number().nullish(),
      tag_last_pushed: z.string().nullish(),
      last_updated: z.string().nullish(),
      images: z
        .array(
          z.object({
            architecture: z.string().nullish(),
            os: z.string().nullish(),
            variant: z.string().nullish(),
            digest: z.string().nullish(),
            size: z.number().nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

function parse<T>(schema: z.ZodType<T>, answer: unknown, what: string): T {
  const parsed = schema.safeParse(answer);
  if (!parsed.success) throw new MinatoError('engine-error', { key: 'hub.badAnswer', params: { what } });
  return parsed.data;
}

function badgesOf(flags: { is_official?: boolean | null; is_verified_publisher?: boolean | null; badge?: string | null }): HubBadge[] {
  const badges: HubBadge[] = [];
  if (flags.is_official || flags.badge === 'official') badges.push('official');
  if (flags.is_verified_publisher || flags.badge === 'verified_publisher') badges.push('verified');
  if (flags.badge === 'open_source') badges.push('sponsored');
  return badges;
}

/** Search names official images without `library/`; Minato always names a repository namespace/name. */
export const fullName = (name: string): string => (name.includes('/') ? name : `library/${name}`);

export function searchPage(answer: unknown, page: number): HubSearchPage {
  const body = parse(SearchAnswer, answer, 'search results');
  return {
    total: body.count ?? body.results.length,
    page,
    hasNext: Boolean(body.next),
    results: body.results.map((result) => ({
      repository: fullName(result.repo_name),
      description: result.short_description,
      badges: badgesOf(result),
      stars: result.star_count ?? 0,
      pulls: result.pull_count ?? 0,
    })),
  };
}

export function repositoryOf(answer: unknown): HubRepository {
  const body = parse(RepositoryAnswer, answer, 'repository');
  return {
    repository: `${body.namespace}/${body.name}`,
    description: body.description,
    readme: body.full_description,
    badges: badgesOf({ is_official: body.is_official ?? body.namespace === 'library', is_verified_publisher: body.is_verified_publisher ?? null }),
    stars: body.star_count ?? 0,
    pulls: body.pull_count ?? 0,
    ...(body.last_updated ? { lastUpdated: body.last_updated } : {}),
  };
}

export function tagsPage(answer: unknown, page: number): HubTagsPage {
  const body = parse(TagsAnswer, answer, 'tags');
  return {
    total: body.count ?? body.results.length,
    page,
    hasNext: Boolean(body.next),
    tags: body.results.map((tag) => {
      const lastPushed = tag.tag_last_pushed ?? tag.last_updated;
      return {
        name: tag.name,
        ...(tag.digest ? { digest: tag.digest } : {}),
        ...(typeof tag.full_size === 'number' ? { size: tag.full_size } : {}),
        ...(lastPushed ? { lastPushed } : {}),
        images: (tag.images ?? [])
          // Hub lists attestation manifests as `unknown/unknown`: not a platform anyone pulls.
          .filter((image) => image.os && image.architecture && image.os !== 'unknown')
          .map((image) => ({
            platform: [image.os, image.architecture, image.variant].filter(Boolean).join('/'),
            ...(image.digest ? { digest: image.digest } : {}),
            ...(typeof image.size === 'number' ? { size: image.size } : {}),
          })),
      };
    }),
  };
}
