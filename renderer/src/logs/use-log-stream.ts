import { useCallback, useEffect, useRef, useState } from 'react';
import { batchLines, type LogsInput, type MinatoError } from '../../../engine/contract';
import { useClient } from '../client-context';
import { LogBuffer } from './log-buffer';

export interface LogStreamOptions {
  tail: number | 'all';
  since?: number;
  until?: number;
  capacity: number;
}

/** More new lines than this between two paints is a flood: nobody reads it line by line. */
const FLOOD_LINES = 200;
/** While it floods, the view is painted this often, not every frame: 60 paints a second cost more than the reading. */
const FLOOD_PAINT_MS = 100;

/** Lines taken into log views so far. bench:logs reads this number: a counter costs nothing, unlike a mark per batch. */
const measured = globalThis as { minatoLogLines?: number };

/**
 * Follows a container's log into a bounded buffer. Batches from the engine are applied at once, but React hears
 * about them at most once per animation frame (a few times a second while the log floods), so a chatty container
 * cannot starve the UI.
 */
export function useLogStream(engineId: string, id: string, options: LogStreamOptions) {
  const client = useClient();
  const bufferRef = useRef(new LogBuffer(options.capacity));
  const [version, setVersion] = useState(0);
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<MinatoError | undefined>();
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

  useEffect(() => {
    const buffer = new LogBuffer(options.capacity);
    bufferRef.current = buffer;
    setEnded(false);
    setError(undefined);
    setVersion((value) => value + 1);
    const input: LogsInput = {
      engineId,
      id,
      tail: options.tail,
      follow: options.until === undefined,
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.until === undefined ? {} : { until: options.until }),
    };
    const dispose = client.subscribe('containers:logs', input, {
      onEvent: (batch) => {
        let lines = 0;
        for (const chunk of batch.chunks) lines += buffer.appendChunk(chunk);
        measured.minatoLogLines = (measured.minatoLogLines ?? 0) + lines;
        bump(lines);
      },
      onEnd: (failure) => {
        setEnded(true);
        setError(failure);
        bump();
      },
    });
    return () => {
      dispose();
      const state = paint.current;
      if (state.frame !== undefined) cancelAnimationFrame(state.frame);
      window.clearTimeout(state.timer);
      state.frame = undefined;
      state.timer = undefined;
    };
  }, [client, engineId, id, options.tail, options.since, options.until, options.capacity, bump]);

  /** Fetches the lines before the oldest one shown and puts them in front. */
  const loadOlder = useCallback(
    (count: number) =>
      new Promise<number>((resolve) => {
        const buffer = bufferRef.current;
        const oldestTs = buffer.oldest()?.ts;
        if (!oldestTs) return resolve(0);
        const until = Date.parse(oldestTs) / 1000 - 0.000001;
        // The engine cuts a tail before it applies until, so asking for the last `count` lines would bring nothing
        // older back: read everything up to the oldest line and keep the last `count` (a ring holds no more).
        const older = new LogBuffer(count);
        client.subscribe(
          'containers:logs',
          { engineId, id, tail: 'all', follow: false, until },
          {
            // The engine's until is inclusive to the second: drop lines we already show.
            onEvent: (batch) => older.append(batchLines(batch).filter((line) => line.ts < oldestTs)),
            onEnd: () => {
              const added = buffer.prepend(older.toArray());
              bump();
              resolve(added);
            },
          },
        );
      }),
    [client, engineId, id, bump],
  );

  const clear = useCallback(() => {
    bufferRef.current.clear();
    bump();
  }, [bump]);

  return { buffer: bufferRef.current, version, ended, error, loadOlder, clear };
}
