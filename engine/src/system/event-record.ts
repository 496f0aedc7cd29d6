import type { LoggedEvent } from '../../contract/system-events';

/** Bounds on what one recorded event may hold: a remote engine's event text is untrusted and must not fill memory. */
const MAX_ATTRIBUTES = 64;
const MAX_KEY = 256;
const MAX_VALUE = 1024;
const MAX_ACTION = 512;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

interface RawEvent {
  Type?: unknown;
  Action?: unknown;
  Actor?: { ID?: unknown; Attributes?: unknown };
  scope?: unknown;
  time?: unknown;
  timeNano?: unknown;
}

/** One `/events` line as the events log keeps it, or undefined for a line that is not an event. */
export function recordEvent(line: string, seq: number, receivedAt: number): LoggedEvent | undefined {
  let raw: RawEvent;
  try {
    raw = JSON.parse(line) as RawEvent;
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || typeof raw.Type !== 'string' || typeof raw.Action !== 'string') return undefined;
  const attributes: Record<string, string> = {};
  const given = raw.Actor?.Attributes;
  if (typeof given === 'object' && given !== null) {
    for (const [key, value] of Object.entries(given).slice(0, MAX_ATTRIBUTES)) {
      if (typeof value === 'string') attributes[clip(key, MAX_KEY)] = clip(value, MAX_VALUE);
    }
  }
  const time = typeof raw.timeNano === 'number' ? Math.floor(raw.timeNano / 1e6) : typeof raw.time === 'number' ? raw.time * 1000 : receivedAt;
  const name = attributes.name;
  return {
    kind: 'event',
    seq,
    time,
    type: clip(raw.Type, 64),
    action: clip(raw.Action, MAX_ACTION),
    id: typeof raw.Actor?.ID === 'string' ? clip(raw.Actor.ID, MAX_VALUE) : '',
    ...(name !== undefined ? { name } : {}),
    ...(typeof raw.scope === 'string' ? { scope: clip(raw.scope, 64) } : {}),
    attributes,
  };
}
