import { describe, expect, it } from 'vitest';
import { nextCursor } from './link-paging';

describe('Link paging', () => {
  it('takes the last= of the next link', () => {
    expect(nextCursor('</v2/_catalog?last=team%2Fapp&n=2>; rel="next"')).toBe('team/app');
    expect(nextCursor('</v2/a/tags/list?n=50&last=v1.2>; rel=next')).toBe('v1.2');
  });

  it('finds next among several links and ignores the others', () => {
    expect(nextCursor('</v2/_catalog?last=a&n=1>; rel="prev", </v2/_catalog?last=c&n=1>; rel="next"')).toBe('c');
    expect(nextCursor('</v2/_catalog?last=a&n=1>; rel="prev"')).toBeUndefined();
    expect(nextCursor(null)).toBeUndefined();
  });
});
