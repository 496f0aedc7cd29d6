import { describe, expect, it } from 'vitest';
import { createExitTracker } from './exit-tracker';

describe('exit tracker', () => {
  it('remembers a container that died until it starts again or the list has surely caught up', () => {
    let clock = 1_000;
    const tracker = createExitTracker(() => clock);
    tracker.note({ kind: 'container', id: 'a', action: 'die' });
    tracker.note({ kind: 'network', id: 'b', action: 'die' });
    expect(tracker.diedLately('a')).toBe(true);
    expect(tracker.diedLately('b')).toBe(false);
    tracker.note({ kind: 'container', id: 'a', action: 'start' });
    expect(tracker.diedLately('a')).toBe(false);
    tracker.note({ kind: 'container', id: 'a', action: 'die' });
    clock += 10_000;
    expect(tracker.diedLately('a')).toBe(false);
  });

  it('stays bounded: old entries go as new ones come', () => {
    let clock = 0;
    const tracker = createExitTracker(() => clock);
    for (let index = 0; index < 20_000; index++) {
      clock += 1;
      tracker.note({ kind: 'container', id: `c${index}`, action: 'die' });
    }
    expect(tracker.diedLately('c0')).toBe(false);
    expect(tracker.diedLately('c19999')).toBe(true);
  });
});
