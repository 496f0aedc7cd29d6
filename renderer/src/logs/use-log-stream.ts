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

/**
 * Follows a container's log into a bounded buffer. Batches from the engine are applied at once, but React hears
 * about them at most once per animation frame, so a chatty container cannot starve the UI.
 */
export function useLogStream(engineId: string, id: string, options: LogStreamOptions) {
  const client = useClient();
  const bufferRef = useRef(new LogBuffer(options.capacity));
  const [version, setVersion] = useState(0);
  const [ended, setEnded] = useState(false);
  const [error, setError] = useState<MinatoError | undefined>();
  const frame = useRef<number | undefined>(undefined);

  const bump = useCallback(() => {
    if (frame.current !== undefined) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = undefined;
      setVersion((value) => value + 1);
    });
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
        const lines = batchLines(batch);
        buffer.append(lines);
        // bench:logs sums these to measure lines per second into the view.
        performance.mark('minato:log-batch', { detail: lines.length });
        bump();
      },
      onEnd: (failure) => {
        setEnded(true);
        setError(failure);
        bump();
      },
    });
    return () => {
      dispose();
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
      frame.current = undefined;
    };
  }, [client, engineId, id, options.tail, options.since, options.until, options.capacity, bump]);

  /** Fetches the lines before the oldest one shown and puts them in front. */
  const loadOlder = useCallback(
    (count: number) =>
      new Promise<number>((resolve) => {
        const buffer = bufferRef.current;
        const oldest = buffer.oldest();
        const until = oldest?.ts ? Date.parse(oldest.ts) / 1000 - 0.000001 : undefined;
        if (until === undefined) return resolve(0);
        const older: Parameters<LogBuffer['prepend']>[0][number][] = [];
        client.subscribe(
          'containers:logs',
          { engineId, id, tail: count, follow: false, until },
          {
            onEvent: (batch) => older.push(...batchLines(batch)),
            onEnd: () => {
              // The engine's until is inclusive to the second: drop lines we already show.
              const fresh = older.filter((line) => !oldest?.ts || line.ts < oldest.ts);
              const added = buffer.prepend(fresh);
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
