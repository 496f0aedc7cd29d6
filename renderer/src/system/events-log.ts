import { useEffect, useState } from 'react';
import type { EventEntry, EventsLogMessage, LoggedEvent } from '../../../engine/contract/system-events';
import { EVENTS_LOG_BOUND } from '../../../engine/contract/system-events';
import { useClient } from '../client-context';

export interface EventsLogState {
  entries: EventEntry[];
  /** When Minato began recording this engine (ms), the bound it keeps, and how many older events it dropped. */
  since?: number;
  bound: number;
  dropped: number;
  loaded: boolean;
}

const EMPTY: EventsLogState = { entries: [], bound: EVENTS_LOG_BOUND, dropped: 0, loaded: false };

/** Applies one `system:events` message: history chunks replace the list as they come, live batches append; bounded. */
export function applyEventsMessage(state: EventsLogState, message: EventsLogMessage): EventsLogState {
  if (message.type === 'history') {
    const entries = state.loaded || state.since === undefined ? message.entries : [...state.entries, ...message.entries];
    return { entries, since: message.since, bound: message.bound, dropped: message.dropped, loaded: message.done };
  }
  const entries = [...state.entries, ...message.entries];
  return { ...state, entries: entries.length > state.bound ? entries.slice(entries.length - state.bound) : entries, dropped: message.dropped };
}

/** The engine's events as Minato recorded them, then live; the subscription ends when the view goes. */
export function useEventsLog(engineId: string): EventsLogState {
  const client = useClient();
  const [state, setState] = useState<EventsLogState>(EMPTY);
  // The view is keyed by engine, so a new engine starts from an empty state.
  useEffect(() => {
    return client.subscribe('system:events', { engineId }, { onEvent: (message) => setState((current) => applyEventsMessage(current, message)) });
  }, [client, engineId]);
  return state;
}

export interface EventFilters {
  type: string;
  action: string;
  name: string;
  label: string;
  search: string;
}

const contains = (text: string | undefined, part: string) => (text ?? '').toLowerCase().includes(part.toLowerCase());

/** `label=key` or `label=key=value`, as `docker events --filter label=…` matches the actor's attributes. */
function hasLabel(event: LoggedEvent, filter: string): boolean {
  const equals = filter.indexOf('=');
  if (equals === -1) return Object.hasOwn(event.attributes, filter);
  return event.attributes[filter.slice(0, equals)] === filter.slice(equals + 1);
}

/** Whether an event passes the filters: type exactly, action and name (or id) by substring, label as docker events does, search anywhere. */
export function matchesEvent(event: LoggedEvent, filters: EventFilters): boolean {
  if (filters.type && event.type !== filters.type) return false;
  if (filters.action.trim() && !contains(event.action, filters.action.trim())) return false;
  if (filters.name.trim() && !contains(event.name, filters.name.trim()) && !contains(event.id, filters.name.trim())) return false;
  if (filters.label.trim() && !hasLabel(event, filters.label.trim())) return false;
  const search = filters.search.trim();
  if (!search) return true;
  return [event.type, event.action, event.id, event.name ?? '', ...Object.entries(event.attributes).map(([key, value]) => `${key}=${value}`)].some((text) => contains(text, search));
}
