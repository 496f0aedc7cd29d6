import { describe, expect, it } from 'vitest';
import { freedSpace, layerSizes, matchesLabel, planPrune, type StoredImage } from './prune-plan';

const image = (id: string, more: Partial<StoredImage> = {}): StoredImage => ({ id, parentId: '', tags: [], digests: [], labels: {}, created: 100, size: 10, ...more });
const ids = (plan: ReturnType<typeof planPrune>) => plan.map((entry) => `${entry.id}:${entry.why}`).sort();

describe('planPrune', () => {
  const base = image('base', { tags: ['busybox:1'] });
  const intermediate = image('mid', { parentId: 'base' });
  const built = image('app', { parentId: 'mid', tags: ['app:1'] });
  const old = image('old', { parentId: 'mid' });
  const orphan = image('orphan');

  it('dangling: untagged heads, and the untagged parents nothing else builds on', () => {
    expect(ids(planPrune([base, intermediate, built, old, orphan], new Set(), 'dangling'))).toEqual(['old:dangling', 'orphan:dangling']);
    const alone = image('lone-mid', { parentId: 'base' });
    const leaf = image('leaf', { parentId: 'lone-mid' });
    expect(ids(planPrune([base, alone, leaf], new Set(), 'dangling'))).toEqual(['leaf:dangling', 'lone-mid:parent']);
  });

  it('unused: every image no container uses, children before parents; a used image keeps its ancestors', () => {
    expect(ids(planPrune([base, intermediate, built, old, orphan], new Set(['app']), 'unused'))).toEqual(['old:dangling', 'orphan:dangling']);
    expect(ids(planPrune([base, intermediate, built, old, orphan], new Set(), 'unused'))).toEqual(['app:unused', 'base:unused', 'mid:parent', 'old:dangling', 'orphan:dangling']);
  });

  it('keeps a digest-only image in dangling mode out only when a tag names it', () => {
    const pulled = image('pulled', { digests: ['busybox@sha256:abc'] });
    expect(ids(planPrune([pulled], new Set(), 'dangling'))).toEqual(['pulled:dangling']);
  });

  it('applies the label filter to what is pruned directly, not to parents that go with it', () => {
    const labelled = image('labelled', { parentId: 'mid2', labels: { team: 'a' } });
    const mid2 = image('mid2', { parentId: 'base' });
    expect(ids(planPrune([base, mid2, labelled, orphan], new Set(), 'dangling', 'team=a'))).toEqual(['labelled:dangling', 'mid2:parent']);
    expect(ids(planPrune([base, mid2, labelled, orphan], new Set(), 'dangling', 'team=b'))).toEqual([]);
  });
});

describe('matchesLabel', () => {
  it('matches a key, or a key and value', () => {
    expect(matchesLabel({ a: '1' }, 'a')).toBe(true);
    expect(matchesLabel({ a: '1' }, 'a=1')).toBe(true);
    expect(matchesLabel({ a: '1' }, 'a=2')).toBe(false);
    expect(matchesLabel({}, undefined)).toBe(true);
  });
});

describe('freedSpace', () => {
  it('counts the layers of removed images that no kept image shares, each chain once', () => {
    const layers = new Map([
      ['kept', { layers: ['L1'], sizes: [] }],
      ['a', layerSizes(['L1', 'L2'], [0, 200, 0, 100])],
      ['b', layerSizes(['L1', 'L2', 'L3'], [50, 200, 100])],
    ]);
    // L1 is kept; L1/L2 is shared by a and b (counted once); L1/L2/L3 is b's own.
    expect(freedSpace(new Set(['a', 'b']), layers)).toBe(200 + 50);
  });
});
