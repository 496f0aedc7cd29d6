import { describe, expect, it } from 'vitest';
import { createRing } from './event-ring';
import { recordEvent } from './event-record';

describe('recordEvent', () => {
  it('keeps type, action, actor, name, attributes and the time to the millisecond', () => {
    const line = JSON.stringify({
      status: 'start', id: 'abc', Type: 'container', Action: 'start', scope: 'local', time: 1796030478, timeNano: 1796030478123456789,
      Actor: { ID: 'abc', Attributes: { name: 'web', image: 'nginx', 'com.example.team': '<b>ops</b>' } },
    });
    expect(recordEvent(line, 7, 0)).toEqual({
      kind: 'event', seq: 7, time: Math.floor(1796030478123456789 / 1e6), type: 'container', action: 'start', id: 'abc', name: 'web', scope: 'local',
      attributes: { name: 'web', image: 'nginx', 'com.example.team': '<b>ops</b>' },
    });
  });

  it('refuses what is not an event and bounds what a hostile engine sends', () => {
    expect(recordEvent('not json', 1, 0)).toBeUndefined();
    expect(recordEvent('{"Type":1}', 1, 0)).toBeUndefined();
    const attributes = Object.fromEntries(Array.from({ length: 200 }, (_, index) => [`k${index}`, 'x'.repeat(5000)]));
    const event = recordEvent(JSON.stringify({ Type: 'volume', Action: 'create', Actor: { ID: 'v', Attributes: attributes } }), 1, 42);
    expect(Object.keys(event?.attributes ?? {})).toHaveLength(64);
    expect(event?.attributes.k0?.length).toBeLessThanOrEqual(1025);
    expect(event?.time).toBe(42);
  });
});

describe('createRing', () => {
  it('drops the oldest past its bound and says how many went', () => {
    const ring = createRing<number>(3);
    for (let value = 1; value <= 7; value++) ring.push(value);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.dropped).toBe(4);
    expect(ring.size).toBe(3);
  });
});
