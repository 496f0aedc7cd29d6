import { describe, expect, it } from 'vitest';
import { relativeTime } from './time';

describe('relativeTime', () => {
  it('speaks the chosen language', () => {
    const now = 1_700_000_000_000;
    expect(relativeTime(now / 1000 - 120, now, 'en')).toBe('2 minutes ago');
    expect(relativeTime(now / 1000 - 3 * 86400, now, 'ja')).toBe('3 日前');
  });
});
