import { describe, expect, it } from 'vitest';
import { parseRateFigure, retrySecondsOf } from './rate-limit-headers';

describe("Hub's ratelimit headers", () => {
  it('reads the count and the window, whatever the figures are', () => {
    expect(parseRateFigure('100;w=21600')).toEqual({ count: 100, windowSeconds: 21600 });
    expect(parseRateFigure('76;w=21600')).toEqual({ count: 76, windowSeconds: 21600 });
    expect(parseRateFigure('10; w=3600')).toEqual({ count: 10, windowSeconds: 3600 });
    expect(parseRateFigure('40')).toEqual({ count: 40 });
  });

  it('takes the first policy when several are sent', () => {
    expect(parseRateFigure('100;w=21600, 1000;w=86400')).toEqual({ count: 100, windowSeconds: 21600 });
  });

  it('reads nothing from an absent or malformed header', () => {
    expect(parseRateFigure(null)).toBeUndefined();
    expect(parseRateFigure('')).toBeUndefined();
    expect(parseRateFigure('lots;w=1')).toBeUndefined();
    expect(parseRateFigure('-1;w=5')).toBeUndefined();
  });

  it('waits as long as retry-after says, else the window of what ran out', () => {
    expect(retrySecondsOf(new Headers({ 'retry-after': '90', 'ratelimit-remaining': '0;w=21600' }))).toBe(90);
    expect(retrySecondsOf(new Headers({ 'ratelimit-remaining': '0;w=21600' }))).toBe(21600);
    expect(retrySecondsOf(new Headers({}))).toBeUndefined();
  });
});
