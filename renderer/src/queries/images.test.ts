import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { applyImageChanges, imageKeys } from './images';

function cachedClient(): QueryClient {
  const client = new QueryClient();
  client.setQueryData(imageKeys.list('local'), []);
  client.setQueryData(['run', 'local', 'image', 'web:1'], { exists: false });
  client.setQueryData(imageKeys.list('remote'), []);
  return client;
}

const stale = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

describe('applyImageChanges', () => {
  it('marks this engine’s image list and the Run form’s image answers stale on an image batch', () => {
    const client = cachedClient();
    applyImageChanges(client, { engineId: 'local', kinds: ['image'], ids: ['sha256:abc'], resync: false });
    expect(stale(client, imageKeys.list('local'))).toBe(true);
    expect(stale(client, ['run', 'local', 'image', 'web:1'])).toBe(true);
    expect(stale(client, imageKeys.list('remote'))).toBe(false);
  });

  it('leaves images alone when only containers changed, and refetches them after a resync', () => {
    const client = cachedClient();
    applyImageChanges(client, { engineId: 'local', kinds: ['container'], ids: ['c1'], resync: false });
    expect(stale(client, imageKeys.list('local'))).toBe(false);
    applyImageChanges(client, { engineId: 'local', kinds: [], ids: [], resync: true });
    expect(stale(client, imageKeys.list('local'))).toBe(true);
  });
});
