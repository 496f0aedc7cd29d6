import { describe, expect, it } from 'vitest';
import { repositoryOf, searchPage, tagsPage } from './hub-map';

describe("reading Hub's JSON", () => {
  it('names official images with library/ and reads badges from either spelling', () => {
    const page = searchPage(
      {
        count: 3,
        next: null,
        results: [
          { repo_name: 'nginx', short_description: null, star_count: 1, pull_count: 2, is_official: true },
          { repo_name: 'acme/tool', short_description: 'x', star_count: 0, pull_count: 0, is_official: false, badge: 'verified_publisher' },
          { repo_name: 'acme/other', short_description: 'y', is_verified_publisher: true },
        ],
      },
      1,
    );
    expect(page.results.map((result) => [result.repository, result.badges, result.description])).toEqual([
      ['library/nginx', ['official'], ''],
      ['acme/tool', ['verified'], 'x'],
      ['acme/other', ['verified'], 'y'],
    ]);
    expect(page.hasNext).toBe(false);
  });

  it('keeps platforms people pull and drops attestation entries', () => {
    const page = tagsPage(
      {
        count: 1,
        next: 'https://hub.docker.com/v2/repositories/library/nginx/tags/?page=2',
        results: [
          {
            name: 'latest',
            digest: 'sha256:aa',
            full_size: 10,
            last_updated: '2026-01-01T00:00:00Z',
            images: [
              { architecture: 'arm', os: 'linux', variant: 'v7', digest: 'sha256:bb', size: 9 },
              { architecture: 'unknown', os: 'unknown', digest: 'sha256:cc', size: 1 },
            ],
          },
        ],
      },
      1,
    );
    expect(page).toEqual({
      total: 1,
      page: 1,
      hasNext: true,
      tags: [{ name: 'latest', digest: 'sha256:aa', size: 10, lastPushed: '2026-01-01T00:00:00Z', images: [{ platform: 'linux/arm/v7', digest: 'sha256:bb', size: 9 }] }],
    });
  });

  it('turns an answer of another shape into hub.badAnswer, never a crash later', () => {
    expect(() => searchPage({ results: 'no' }, 1)).toThrow(expect.objectContaining({ key: 'hub.badAnswer' }) as Error);
    expect(() => repositoryOf({ name: 'x' })).toThrow(expect.objectContaining({ key: 'hub.badAnswer' }) as Error);
    expect(() => tagsPage(null, 1)).toThrow(expect.objectContaining({ key: 'hub.badAnswer' }) as Error);
  });
});
