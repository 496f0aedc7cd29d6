import { MinatoError, type ErrorCode } from '../../contract';

interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  code?: string;
  message?: string;
}

const SYSTEM_CODES: Record<string, ErrorCode> = {
  ENOENT: 'engine-unavailable',
  ECONNREFUSED: 'engine-unavailable',
  ECONNRESET: 'engine-unavailable',
  EPIPE: 'engine-unavailable',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ETIMEDOUT: 'timeout',
};

/** The engine's own sentence for an error, without dockerode's "(HTTP code 409) unexpected -" prefix. */
export function engineMessage(error: unknown): string {
  const e = error as DockerodeError;
  const fromJson = e?.json?.message;
  if (typeof fromJson === 'string' && fromJson.length > 0) return fromJson;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return message.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, '').trim();
}

/** Maps a Docker engine or socket error to a code a person can act on, keeping the engine's text. */
export function toMinatoError(error: unknown): MinatoError {
  if (error instanceof MinatoError) return error;
  const e = error as DockerodeError;
  const message = engineMessage(error);
  if (typeof e?.statusCode === 'number') {
    const code: ErrorCode =
      e.statusCode === 404
        ? 'not-found'
        : e.statusCode === 409
          ? 'conflict'
          : e.statusCode === 400
            ? 'invalid-input'
            : e.statusCode === 401 || e.statusCode === 403
              ? 'permission-denied'
              : 'engine-error';
    return new MinatoError(code, message, { statusCode: e.statusCode });
  }
  const systemCode = e?.code ? SYSTEM_CODES[e.code] : undefined;
  if (systemCode) return new MinatoError(systemCode, message, { systemCode: e.code });
  return new MinatoError('engine-error', message);
}

/** True when the engine answered 304: the container already is in the asked state, which is success. */
export function isNotModified(error: unknown): boolean {
  return (error as DockerodeError)?.statusCode === 304;
}
