import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeCoalescer, type CoalescedChanges } from './change-coalescer';

describe('createChangeCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns 1,000 events in a second into a handful of batches that name every id', () => {
    const batches: CoalescedChanges[] = [];
    const coalescer = createChangeCoalescer((batch) => batches.push(batch), { delayMs: 16, minIntervalMs: 100, maxIds: 5000 }, () => Date.now());
    for (let index = 0; index < 1000; index++) {
      coalescer.push('container', `c${index}`);
      vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(200);
    expect(batches.length).toBeLessThanOrEqual(11);
    expect(new Set(batches.flatMap((batch) => batch.ids)).size).toBe(1000);
  });

  it('flushes a lone event after the short delay', () => {
    const batches: CoalescedChanges[] = [];
    const coalescer = createChangeCoalescer((batch) => batches.push(batch), { delayMs: 16 }, () => Date.now());
    coalescer.push('image', 'sha256:abc');
    vi.advanceTimersByTime(15);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([{ kinds: ['image'], ids: ['sha256:abc'] }]);
  });

  it('drops ids past the cap but keeps the kinds', () => {
    const batches: CoalescedChanges[] = [];
    const coalescer = createChangeCoalescer((batch) => batches.push(batch), { maxIds: 3 }, () => Date.now());
    for (const id of ['a', 'b', 'c', 'd']) coalescer.push('container', id);
    coalescer.push('volume', 'v');
    vi.advanceTimersByTime(50);
    expect(batches).toEqual([{ kinds: ['container', 'volume'], ids: [] }]);
  });

  it('sends nothing after dispose', () => {
    const flush = vi.fn();
    const coalescer = createChangeCoalescer(flush);
    coalescer.push('container', 'a');
    coalescer.dispose();
    vi.advanceTimersByTime(1000);
    expect(flush).not.toHaveBeenCalled();
  });
});
