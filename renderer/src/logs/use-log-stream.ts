import { useCallback, useEffect, useRef, useState } from 'react';
import { batchLines, type LogLine, type LogsInput, type MinatoError } from '../../../engine/contract';
import { useClient } from '../client-context';
import { LogBuffer } from './log-buffer';
import { engineTimeSeconds, normalizeTimestamp, timestampSecond } from './log-time';
import { OlderCollector } from './older-lines';

export interface LogStreamOptions {
  tail: number | 'all';
  since?: number;
  until?: number;
  capacity: number;
  /** The container's current run (its startedAt): a follow that ended goes on when a new run begins. */
  run?: string | undefined;
  /** When the container's previous run ended (its finishedAt), for a log that showed no line of it. */
  previousEnd?: string | undefined;
}

/** What "load older" did; a reason when it could not add every older line there is. */
export interface LoadOlderResult {
  added: number;
  /** full: the buffer has no room left (Settings raise it); nothing: there is nothing older to load. */
  reason?: 'full' | 'nothing';
  error?: MinatoError;
}

/** More new lines than this between two paints is a flood: nobody reads it line by line. */
const FLOOD_LINES = 200;
/** While it floods, the view is painted this often, not every frame: 60 paints a second cost more than the reading. */
const FLOOD_PAINT_MS = 100;

/** One log as the view holds it; a new one replaces it whole when the log asked for changes. */
interface LogState {
  key: string;
  buffer: LogBuffer;
  ended: boolean;
  error?: MinatoError | undefined;
  /** How many times following went on into a new run of the container (the view says so). */
  continued: number;
}

const newLog = (key: string, capacity: number): LogState => ({ key, buffer: new LogBuffer(capacity), ended: false, continued: 0 });

/** Lines taken into log views so far. bench:logs reads this number: a counter costs nothing, unlike a mark per batch. */
const measured = globalThis as { minatoLogLines?: number };

/**
 * Follows a container's log into a bounded buffer. Batches from the engine are applied at once, but React hears
 * about them at most once per animation frame (a few times a second while the log floods), so a chatty container
 * cannot starve the UI.
 */
export function useLogStream(engineId: string, id: string, options: LogStreamOptions) {
  const client = useClient();
  // Another container, tail, time window or buffer size is another log: it starts from nothing, in the very render
  // that asks for it (React's way to reset state with its inputs, rather than an effect that resets it a render late).
  const key = JSON.stringify([engineId, id, options.tail, options.since, options.until, options.capacity]);
  const [log, setLog] = useState<LogState>(() => newLog(key, options.capacity));
  if (log.key !== key) setLog(newLog(key, options.capacity));
  const { buffer, ended, error, continued } = log;
  const [version, setVersion] = useState(0);
  /** The run the current follow belongs to; undefined until the first run is known. */
  const followedRun = useRef<string | undefined>(undefined);
  const disposeFollow = useRef<(() => void) | undefined>(undefined);
  const runRef = useRef(options.run);
  // Declared before the effect that subscribes, so that one reads the run of the moment it subscribes.
  useEffect(() => {
    runRef.current = options.run;
  }, [options.run]);
  /** The newest line's timestamp when the view was last cleared: "load older" on an empty view starts there. */
  const clearedAt = useRef<string | undefined>(undefined);
  const paint = useRef({ frame: undefined as number | undefined, timer: undefined as number | undefined, last: 0, lines: 0 });

  /** Asks for a paint; `lines` is how many new lines it will show. */
  const bump = useCallback((lines = 0) => {
    const state = paint.current;
    state.lines += lines;
    if (state.frame !== undefined || state.timer !== undefined) return;
    const paintNow = () => {
      state.timer = undefined;
      state.frame = requestAnimationFrame(() => {
        state.frame = undefined;
        state.last = performance.now();
        state.lines = 0;
        setVersion((value) => value + 1);
      });
    };
    const wait = state.lines > FLOOD_LINES ? state.last + FLOOD_PAINT_MS - performance.now() : 0;
    if (wait > 0) state.timer = window.setTimeout(paintNow, wait);
    else paintNow();
  }, []);

  /**
   * Streams a log into the buffer; its end is noted (the continuation below may pick up from there). Lines at or
   * before `after` (a normalized timestamp) are already shown and left out.
   */
  const streamInto = useCallback(
    (buffer: LogBuffer, input: LogsInput, after?: string) =>
      client.subscribe('containers:logs', input, {
        onEvent: (batch) => {
          let lines = 0;
          if (after !== undefined) {
            const newer = batchLines(batch).filter((line) => normalizeTimestamp(line.ts) > (after as string));
            // Lines come in order: once one is newer, all that follow are.
            if (newer.length > 0) after = undefined;
            buffer.append(newer);
            lines = newer.length;
          } else for (const chunk of batch.chunks) lines += buffer.appendChunk(chunk);
          measured.minatoLogLines = (measured.minatoLogLines ?? 0) + lines;
          bump(lines);
        },
        onEnd: (failure) => {
          // Only the log this stream fills: a stream of a log already replaced has nothing left to say.
          setLog((current) => (current.buffer === buffer ? { ...current, ended: true, error: failure } : current));
          bump();
        },
      }),
    [client, bump],
  );

  useEffect(() => {
    clearedAt.current = undefined;
    followedRun.current = runRef.current;
    const state = paint.current;
    const input: LogsInput = {
      engineId,
      id,
      tail: options.tail,
      follow: options.until === undefined,
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.until === undefined ? {} : { until: options.until }),
    };
    disposeFollow.current = streamInto(buffer, input);
    return () => {
      disposeFollow.current?.();
      disposeFollow.current = undefined;
      if (state.frame !== undefined) cancelAnimationFrame(state.frame);
      window.clearTimeout(state.timer);
      state.frame = undefined;
      state.timer = undefined;
    };
  }, [buffer, engineId, id, options.tail, options.since, options.until, streamInto]);

  // A followed log ends when its container stops; when the container runs again (restart, start), following goes
  // on with the new run's output in the same view, as `docker logs -f` would have to be run again to do.
  useEffect(() => {
    const run = options.run;
    if (!ended || error || options.until !== undefined || !run) return;
    if (followedRun.current === undefined) followedRun.current = run;
    if (run === followedRun.current) return;
    // From the newest line shown (the engine stamps a fast run's first lines before it records the run's start, so
    // startedAt would miss them); with no line shown, from the end of the previous run.
    const newest = buffer.at(buffer.size - 1)?.ts || clearedAt.current;
    const after = newest ? normalizeTimestamp(newest) : undefined;
    const since = after ? timestampSecond(after) : (engineTimeSeconds(options.previousEnd ?? '') ?? engineTimeSeconds(run));
    if (since === undefined) return;
    followedRun.current = run;
    setLog((current) => (current.buffer === buffer ? { ...current, ended: false, continued: current.continued + 1 } : current));
    disposeFollow.current?.();
    disposeFollow.current = streamInto(buffer, { engineId, id, tail: 'all', follow: true, since }, after);
  }, [buffer, ended, error, options.run, options.previousEnd, options.until, engineId, id, streamInto]);

  /** Fetches the lines before the oldest one shown (or, on a cleared view, up to the newest cleared one). */
  const loadOlder = useCallback(
    (count: number) =>
      new Promise<LoadOlderResult>((resolve) => {
        if (buffer.size >= buffer.capacity) return resolve({ added: 0, reason: 'full' });
        const oldest = buffer.oldest();
        const boundary = oldest?.ts || clearedAt.current;
        const second = boundary ? timestampSecond(boundary) : undefined;
        if (!boundary || second === undefined) return resolve({ added: 0, reason: 'nothing' });
        // Lines shown at the very instant of the boundary are not fetched twice; a cleared view shows none.
        const shownAtBoundary: LogLine[] = [];
        const normal = normalizeTimestamp(boundary);
        for (let index = 0; oldest && index < buffer.size; index++) {
          const line = buffer.at(index) as LogLine;
          if (normalizeTimestamp(line.ts) !== normal) break;
          shownAtBoundary.push(line);
        }
        // On a cleared view nothing is shown at the boundary, so the newest cleared line comes back with the rest.
        const collector = new OlderCollector(boundary, shownAtBoundary, count);
        // The engine cuts a tail before it applies until, so asking for the last `count` lines would bring nothing
        // older back: read everything up to the boundary and keep the last `count`. The contract carries until as
        // a number, too coarse for nanoseconds: ask to the end of the boundary's second and sort lines out here.
        const input: LogsInput = { engineId, id, tail: 'all', follow: false, until: second + 1 };
        if (options.since !== undefined) input.since = options.since;
        client.subscribe('containers:logs', input, {
          onEvent: (batch) => collector.take(batchLines(batch)),
          onEnd: (failure) => {
            if (failure) return resolve({ added: 0, error: failure });
            const older = collector.result();
            const added = buffer.prepend(older);
            bump();
            if (older.length === 0) resolve({ added, reason: 'nothing' });
            else resolve(added < older.length ? { added, reason: 'full' } : { added });
          },
        });
      }),
    [buffer, client, engineId, id, options.since, bump],
  );

  const clear = useCallback(() => {
    const newest = buffer.at(buffer.size - 1)?.ts;
    if (newest) clearedAt.current = newest;
    buffer.clear();
    bump();
  }, [buffer, bump]);

  return { buffer, version, ended, error, continued, loadOlder, clear };
}
