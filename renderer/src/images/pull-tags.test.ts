import { describe, expect, it } from 'vitest';
import { matchingTags, shouldReadOn, typedTag } from './pull-tags';

const tags = ['latest', '1.36', '1.36-musl', 'stable', 'Edge'].map((tag) => ({ tag, platforms: [] }));

describe('the pull field’s tag list', () => {
  it('reads the tag typed after the repository', () => {
    expect(typedTag('busybox:1.3', 'busybox')).toBe('1.3');
    expect(typedTag(' busybox: ', 'busybox')).toBe('');
    expect(typedTag('busybox', 'busybox')).toBe('');
    expect(typedTag('registry.local:5000/app:v2', 'registry.local:5000/app')).toBe('v2');
  });

  it('narrows the loaded tags to those holding the typed text, in any case, keeping their order', () => {
    expect(matchingTags(tags, '1.36').map((tag) => tag.tag)).toEqual(['1.36', '1.36-musl']);
    expect(matchingTags(tags, 'edge').map((tag) => tag.tag)).toEqual(['Edge']);
    expect(matchingTags(tags, '')).toHaveLength(5);
  });

  it('reads on by itself only while a typed tag matches few loaded tags and pages remain, up to a bound', () => {
    expect(shouldReadOn('v24', 1, true, 1)).toBe(true);
    expect(shouldReadOn('v24', 25, true, 1)).toBe(false);
    expect(shouldReadOn('v24', 1, false, 3)).toBe(false);
    expect(shouldReadOn('', 0, true, 1)).toBe(false);
    expect(shouldReadOn('v24', 0, true, 100)).toBe(false);
  });
});
