import { z } from 'zod';

/** Codes a person (or the UI) can act on. Each maps to a translated explanation in the renderer. */
export const ErrorCode = z.enum([
  'invalid-input',
  'not-found',
  'conflict',
  'engine-unavailable',
  'permission-denied',
  'engine-error',
  'unknown-method',
  'timeout',
  'cancelled',
  /** A per-connection limit (open streams, running requests) was reached; the message says which and what to do. */
  'limit',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const WireError = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.unknown().optional(),
});
export type WireError = z.infer<typeof WireError>;

/** An error that crosses the process boundary on purpose and is rebuilt as a real Error on the other side. */
export class MinatoError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'MinatoError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(error: WireError): MinatoError {
    return new MinatoError(error.code, error.message, error.details);
  }
}

export function isMinatoError(error: unknown): error is MinatoError {
  return error instanceof MinatoError;
}
