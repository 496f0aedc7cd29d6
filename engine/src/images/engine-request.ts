import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { MinatoError } from '../../contract/errors';
import { createLineParser } from '../engines/event-stream';

export interface EngineRequest {
  method: 'GET' | 'POST';
  /** Ends with `?`: docker-modem appends the query. Names in it are already checked and encoded. */
  path: string;
  query?: Record<string, string | string[] | boolean | undefined>;
  body?: Readable;
  /** Answer as a stream (a tar, a progress stream) instead of parsed JSON. */
  stream?: boolean;
  signal?: AbortSignal | undefined;
}

/**
 * One Engine API request through docker-modem, cancellable: the helpers dockerode offers for commit, load, import,
 * save, export and prune take no abort signal. Query arrays go as repeated parameters, as the CLI sends `changes`.
 */
export function engineRequest<T>(docker: Docker, request: EngineRequest): Promise<T> {
  const query = Object.fromEntries(Object.entries(request.query ?? {}).filter(([, value]) => value !== undefined && value !== ''));
  return new Promise((resolve, reject) => {
    docker.modem.dial(
      {
        path: request.path,
        method: request.method,
        // `_query` is the query; an empty `_body` keeps docker-modem from also sending the query as a JSON body
        // (a commit would read it as container settings).
        options: { _query: query, _body: {} },
        ...(request.body ? { file: request.body } : {}),
        ...(request.stream ? { isStream: true } : {}),
        abortSignal: request.signal,
        statusCodes: { 200: true, 201: true, 204: true, 400: 'bad parameter', 404: 'no such object', 409: 'conflict', 500: 'server error' },
      },
      (error: unknown, data: unknown) => (error ? reject(error as Error) : resolve(data as T)),
    );
  });
}

/** A line of a JSON progress stream (load, import): text to log, or the failure the engine reports after its 200. */
export interface ProgressLine {
  stream?: string;
  status?: string;
  progress?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Reads a JSON-lines answer to its end; a failure written into the stream rejects with the engine's words. */
export function readProgress(response: IncomingMessage, onLine: (line: ProgressLine) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: MinatoError | undefined;
    const parse = createLineParser((text) => {
      let line: ProgressLine;
      try {
        line = JSON.parse(text) as ProgressLine;
      } catch {
        return;
      }
      const message = line.errorDetail?.message ?? line.error;
      if (message) failure = new MinatoError('engine-error', message);
      else onLine(line);
    });
    response.on('data', parse);
    response.once('error', reject);
    response.once('end', () => (failure ? reject(failure) : resolve()));
    response.once('close', () => reject(failure ?? new MinatoError('engine-unavailable', 'The engine closed the answer before it finished.')));
  });
}

/** `repo[:tag]` as the tag, commit and import endpoints take it: the tag follows the last colon after the last slash. */
export function splitRef(ref: string): { repo: string; tag?: string } {
  const colon = ref.lastIndexOf(':');
  if (colon <= ref.lastIndexOf('/')) return { repo: ref };
  return { repo: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}
