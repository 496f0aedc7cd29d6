import { z } from 'zod';

/**
 * Docker Hub as Minato shows it: search, a repository (its README as Markdown text, rendered by the renderer's own
 * sanitizing renderer), its tags, and what the registry says is left of the pull rate limit. The engine reads Hub's
 * JSON; these are the shapes it hands on, checked at the boundary like every answer.
 */

/** `namespace/name` as Hub names a repository (`library/nginx` for an official image). */
const HUB_PART = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
export const HubRepositoryName = z
  .string()
  .max(255)
  .refine((value) => {
    const parts = value.split('/');
    return parts.length === 2 && parts.every((part) => HUB_PART.test(part));
  }, 'Not a Docker Hub repository name (namespace/name).');

export const HubSearchInput = z.object({
  query: z.string().trim().min(1).max(200),
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const HubBadge = z.enum(['official', 'verified', 'sponsored']);
export type HubBadge = z.infer<typeof HubBadge>;

export const HubSearchResult = z.object({
  repository: z.string(),
  description: z.string(),
  badges: z.array(HubBadge),
  stars: z.number(),
  pulls: z.number(),
});
export type HubSearchResult = z.infer<typeof HubSearchResult>;

export const HubSearchPage = z.object({
  total: z.number(),
  page: z.number(),
  results: z.array(HubSearchResult),
  hasNext: z.boolean(),
});
export type HubSearchPage = z.infer<typeof HubSearchPage>;

export const HubRepositoryInput = z.object({ repository: HubRepositoryName });

export const HubRepository = z.object({
  repository: z.string(),
  description: z.string(),
  /** The README, Markdown as the publisher wrote it: never HTML for the renderer to insert. */
  readme: z.string(),
  badges: z.array(HubBadge),
  stars: z.number(),
  pulls: z.number(),
  lastUpdated: z.string().optional(),
});
export type HubRepository = z.infer<typeof HubRepository>;

export const HubTagsInput = HubRepositoryInput.extend({
  page: z.number().int().min(1).max(1000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});

export const HubTagImage = z.object({
  platform: z.string(),
  digest: z.string().optional(),
  size: z.number().optional(),
});

export const HubTag = z.object({
  name: z.string(),
  digest: z.string().optional(),
  size: z.number().optional(),
  lastPushed: z.string().optional(),
  images: z.array(HubTagImage),
});
export type HubTag = z.infer<typeof HubTag>;

export const HubTagsPage = z.object({ total: z.number(), page: z.number(), tags: z.array(HubTag), hasNext: z.boolean() });
export type HubTagsPage = z.infer<typeof HubTagsPage>;

/** One `N;w=SECONDS` figure of a `ratelimit-*` header. */
export const RateFigure = z.object({ count: z.number(), windowSeconds: z.number().optional() });

export const HubRateLimit = z.object({
  /** Whether the pull was asked as the stored Hub login (more pulls) or anonymously. */
  authenticated: z.boolean(),
  /** Absent when the registry sends no rate-limit headers (no limit applies). */
  limit: RateFigure.optional(),
  remaining: RateFigure.optional(),
  /** The registry answered 429: nothing is left. */
  exceeded: z.boolean().optional(),
  /** With `exceeded`, the seconds to wait when the answer says (`retry-after`, else the window). */
  retrySeconds: z.number().optional(),
});
export type HubRateLimit = z.infer<typeof HubRateLimit>;

/** A README's remote image, asked for only after the person consented; https only. */
export const HubImageInput = z.object({
  url: z
    .string()
    .max(2048)
    .refine((value) => value.startsWith('https://'), 'Only https images are shown.'),
});
/** The image as a `data:` URL: the page's CSP allows no remote images, so it never fetches one itself. */
export const HubImage = z.object({ dataUrl: z.string() });
