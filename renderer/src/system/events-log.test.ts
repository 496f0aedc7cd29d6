import { describe, expect, it } from 'vitest';
import type { LoggedEvent } from '../../../engine/contract/system-events';
import { applyEventsMessage, matchesEvent, type EventFilters, type EventsLogState } from './events-log';

const event = (seq: number, change: Partial<LoggedEvent> = {}): LoggedEvent => ({
  kind: 'event', seq, time: seq, type: 'container', action: 'start', id: `id${seq}`, name: `web-${seq}`, attributes: { name: `web-${seq}`, team: 'ops' }, ...change,
});
const none: EventFilters = { type: '', action: '', name: '', label: '', search: '' };

describe('matchesEvent', () => {
  it('filters by type, action, name or id, label as docker events does, and searches everything', () => {
    const volume = event(1, { type: 'volume', action: 'destroy', id: 'minato-test-abc-data', name: undefined, attributes: { driver: 'local' } });
    expect(matchesEvent(volume, { ...none, type: 'volume', action: 'dest', name: 'abc' })).toBe(true);
    expect(matchesEvent(volume, { ...none, type: 'container' })).toBe(false);
    expect(matchesEvent(event(2), { ...none, label: 'team' })).toBe(true);
    expect(matchesEvent(event(2), { ...none, label: 'team=ops' })).toBe(true);
    expect(matchesEvent(event(2), { ...none, label: 'team=dev' })).toBe(false);
    expect(matchesEvent(event(2), { ...none, search: 'TEAM=OPS' })).toBe(true);
    expect(matchesEvent(event(2), { ...none, search: 'nothing' })).toBe(false);
  });
});

describe('applyEventsMessage', () => {
  it('builds the history from its chunks, appends live batches, and keeps to the bound', () => {
    let state: EventsLogState = { entries: [], bound: 3, dropped: 0, loaded: false };
    state = applyEventsMessage(state, { type: 'history', bound: 3, since: 10, dropped: 0, entries: [event(1)], done: false });
    state = applyEventsMessage(state, { type: 'history', bound: 3, since: 10, dropped: 0, entries: [event(2)], done: true });
    expect(state.entries.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(state.loaded).toBe(true);
    state = applyEventsMessage(state, { type: 'live', entries: [event(3), event(4)], dropped: 1 });
    expect(state.entries.map((entry) => entry.seq)).toEqual([2, 3, 4]);
    expect(state.dropped).toBe(1);
  });
});
