import { randomUUID } from 'node:crypto';
import { MinatoError, type TaskKind, type TaskLayer, type TaskLog, type TaskProgress, type TaskSummary } from '../../contract';
import { toMinatoError } from '../docker/engine-errors';

export interface TaskSpec {
  kind: TaskKind;
  engineId: string;
  subject: string;
  command: string;
}

/** What a running job may do to its task. */
export interface TaskControl {
  /** Aborted when someone cancels the task (or the engine shuts down): pass it down to the Docker request. */
  readonly signal: AbortSignal;
  progress(progress: TaskProgress): void;
  status(text: string): void;
  log(text: string): void;
  /** Per-layer details, read only when someone asks for them. */
  layers(read: () => TaskLayer[]): void;
}

export interface TaskManager {
  /** Starts `run` as a task; it goes on whoever started it goes away, until it ends or is cancelled. */
  start(spec: TaskSpec, run: (control: TaskControl) => Promise<void>): TaskSummary;
  list(): TaskSummary[];
  cancel(id: string): void;
  log(id: string): TaskLog;
  layers(id: string): TaskLayer[];
  /** Every change of every task, coalesced to a few per second per task; a start or an end goes out at once. */
  watch(listener: (task: TaskSummary) => void): () => void;
  /** Engine shutdown: cancels what runs, stops the timers. */
  close(): void;
}

export interface TaskManagerOptions {
  now?: () => number;
  /** Finished tasks kept (the oldest go first); running ones are always kept. */
  keepFinished?: number;
  logLines?: number;
  /** At most one update per task per this many milliseconds. */
  updateIntervalMs?: number;
}

interface TaskRecord {
  summary: TaskSummary;
  controller: AbortController;
  lines: TaskLog['lines'];
  dropped: number;
  readLayers?: () => TaskLayer[];
  lastSent: number;
  timer?: ReturnType<typeof setTimeout>;
}

export function createTaskManager(options: TaskManagerOptions = {}): TaskManager {
  const now = options.now ?? Date.now;
  const keepFinished = options.keepFinished ?? 100;
  const logLines = options.logLines ?? 1000;
  const interval = options.updateIntervalMs ?? 250;
  const tasks = new Map<string, TaskRecord>();
  const listeners = new Set<(task: TaskSummary) => void>();

  const recordOf = (id: string): TaskRecord => {
    const record = tasks.get(id);
    if (!record) throw new MinatoError('not-found', { key: 'engine.noTask', params: { id } });
    return record;
  };

  const send = (record: TaskRecord) => {
    clearTimeout(record.timer);
    record.timer = undefined;
    record.lastSent = now();
    const snapshot = structuredClone(record.summary);
    for (const listener of [...listeners]) listener(snapshot);
  };

  /** Leading and trailing: the first change goes out now, the rest of a burst once the interval has passed. */
  const changed = (record: TaskRecord) => {
    if (record.timer) return;
    const wait = record.lastSent + interval - now();
    if (wait <= 0) send(record);
    else record.timer = setTimeout(() => send(record), wait);
  };

  const dropOldFinished = () => {
    const finished = [...tasks.values()].filter((record) => record.summary.state !== 'running');
    for (const record of finished.slice(0, Math.max(0, finished.length - keepFinished))) tasks.delete(record.summary.id);
  };

  const finish = (record: TaskRecord, outcome: { ok: true } | { ok: false; error: unknown }) => {
    const { summary } = record;
    summary.endedAt = now();
    if (outcome.ok) summary.state = 'succeeded';
    else if (record.controller.signal.aborted) summary.state = 'cancelled';
    else {
      summary.state = 'failed';
      summary.error = toMinatoError(outcome.error).toWire();
    }
    send(record);
    dropOldFinished();
  };

  const addLine = (record: TaskRecord, text: string) => {
    record.lines.push({ at: now(), text });
    if (record.lines.length > logLines) {
      record.lines.shift();
      record.dropped++;
    }
  };

  return {
    start(spec, run) {
      const record: TaskRecord = {
        summary: { id: randomUUID(), ...spec, state: 'running', progress: { unit: 'steps', current: 0 }, startedAt: now() },
        controller: new AbortController(),
        lines: [],
        dropped: 0,
        lastSent: 0,
      };
      tasks.set(record.summary.id, record);
      const control: TaskControl = {
        signal: record.controller.signal,
        progress(progress) {
          if (record.summary.state !== 'running') return;
          record.summary.progress = progress;
          changed(record);
        },
        status(text) {
          if (record.summary.state !== 'running') return;
          record.summary.status = text;
          changed(record);
        },
        log: (text) => addLine(record, text),
        layers(read) {
          record.readLayers = read;
        },
      };
      send(record);
      // Started on the next turn, so the caller has the summary before the first update; a throw is a failure too.
      Promise.resolve()
        .then(() => run(control))
        .then(
          () => finish(record, { ok: true }),
          (error: unknown) => finish(record, { ok: false, error }),
        );
      return structuredClone(record.summary);
    },
    list: () => [...tasks.values()].map((record) => structuredClone(record.summary)),
    cancel(id) {
      const record = recordOf(id);
      if (record.summary.state === 'running') record.controller.abort();
    },
    log(id) {
      const record = recordOf(id);
      return { lines: [...record.lines], dropped: record.dropped };
    },
    layers: (id) => recordOf(id).readLayers?.() ?? [],
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const record of tasks.values()) {
        clearTimeout(record.timer);
        record.controller.abort();
      }
      listeners.clear();
    },
  };
}
