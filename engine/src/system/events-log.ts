import { EVENTS_LOG_BOUND, type EventEntry, type EventsLogMessage } from '../../contract/system-events';
import type { EngineConnection } from '../engines/engine-connection';
import type { EngineRegistry } from '../engines/engine-registry';
import { createRing, type Ring } from './event-ring';
import { recordEvent } from './event-record';

export interface EventsLogOptions {
  bound?: number;
  /** New events reach subscribers in batches at most this often. */
  flushMs?: number;
  /** History goes out in chunks of this many entries. */
  chunk?: number;
}

export interface EventsLog {
  /** Sends the engine's recorded events, then each new batch; the disposer stops it. */
  subscribe(engineId: string, emit: (message: EventsLogMessage) => void, end: (error?: unknown) => void): () => void;
  close(): void;
}

interface Subscriber {
  emit(message: EventsLogMessage): void;
  end(error?: unknown): void;
  /** Entries up to this one went out with the history. */
  afterSeq: number;
}

interface EngineLog {
  ring: Ring<EventEntry>;
  since: number;
  seq: number;
  pending: EventEntry[];
  timer?: ReturnType<typeof setTimeout>;
  subscribers: Set<Subscriber>;
  detach(): void;
}

/**
 * Every engine's events as Minato saw them, from the moment it knew the engine: the daemon keeps only its last 256,
 * so this is the history. It taps the engine connection's one `/events` stream (no second stream), bounded per
 * engine; a lost stream leaves a gap entry, since what happened meanwhile was not seen.
 */
export function createEventsLog(registry: EngineRegistry, options: EventsLogOptions = {}): EventsLog {
  const bound = options.bound ?? EVENTS_LOG_BOUND;
  const flushMs = options.flushMs ?? 100;
  const chunk = options.chunk ?? 1000;
  const logs = new Map<string, EngineLog>();

  const flush = (log: EngineLog) => {
    log.timer = undefined;
    const batch = log.pending;
    log.pending = [];
    for (const subscriber of log.subscribers) {
      const entries = batch.filter((entry) => entry.seq > subscriber.afterSeq);
      if (entries.length > 0) subscriber.emit({ type: 'live', entries, dropped: log.ring.dropped });
    }
  };

  const add = (log: EngineLog, make: (seq: number) => EventEntry | undefined) => {
    const entry = make(log.seq + 1);
    if (!entry) return;
    log.seq = entry.seq;
    log.ring.push(entry);
    if (log.subscribers.size === 0) return;
    log.pending.push(entry);
    log.timer ??= setTimeout(() => flush(log), flushMs);
  };

  const attach = (connection: EngineConnection) => {
    const engineId = connection.info().id;
    let connected = connection.info().state === 'connected';
    const log: EngineLog = { ring: createRing(bound), since: Date.now(), seq: 0, pending: [], subscribers: new Set(), detach: () => undefined };
    const stopLines = connection.onEventLine((line) => add(log, (seq) => recordEvent(line, seq, Date.now())));
    const stopStatus = connection.onStatus((info) => {
      const now = info.state === 'connected';
      if (connected && !now) add(log, (seq) => ({ kind: 'gap', seq, time: Date.now() }));
      connected = now;
    });
    log.detach = () => {
      stopLines();
      stopStatus();
      if (log.timer) clearTimeout(log.timer);
      for (const subscriber of log.subscribers) subscriber.end();
      log.subscribers.clear();
    };
    logs.set(engineId, log);
  };

  const detach = (engineId: string) => {
    logs.get(engineId)?.detach();
    logs.delete(engineId);
  };

  for (const connection of registry.all()) attach(connection);
  const stopRegistry = registry.onChange((change) => {
    if ('added' in change) attach(change.added);
    else detach(change.removed.info().id);
  });

  return {
    subscribe(engineId, emit, end) {
      registry.get(engineId);
      const log = logs.get(engineId);
      if (!log) {
        end();
        return () => undefined;
      }
      const entries = log.ring.toArray();
      const subscriber: Subscriber = { emit, end, afterSeq: log.seq };
      const header = { type: 'history' as const, bound, since: log.since, dropped: log.ring.dropped };
      if (entries.length === 0) emit({ ...header, entries: [], done: true });
      for (let start = 0; start < entries.length; start += chunk) {
        emit({ ...header, entries: entries.slice(start, start + chunk), done: start + chunk >= entries.length });
      }
      log.subscribers.add(subscriber);
      return () => log.subscribers.delete(subscriber);
    },
    close() {
      stopRegistry();
      for (const engineId of [...logs.keys()]) detach(engineId);
    },
  };
}
