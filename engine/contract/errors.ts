import { z } from 'zod';
import { englishOf, MessageKeySchema, MessageParamsSchema, type Message, type MessageKey, type MessageParams } from './messages';

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
  /** English, for logs and the details view. */
  message: z.string(),
  /** The same sentence as a key and parameters, when Minato wrote it: the renderer shows it in the person's language. */
  key: MessageKeySchema.optional(),
  params: MessageParamsSchema.optional(),
  /** Typed per kind when the engine classified the failure (error-details.ts); other shapes for a few procedures. */
  details: z.unknown().optional(),
});
export type WireError = z.infer<typeof WireError>;

/** An error that crosses the process boundary on purpose and is rebuilt as a real Error on the other side. */
export class MinatoError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The sentence's key and parameters when Minato wrote it (the message is then its English). */
  readonly key: MessageKey | undefined;
  readonly params: MessageParams | undefined;

  constructor(code: ErrorCode, message: string | Message, details?: unknown) {
    super(typeof message === 'string' ? message : englishOf(message));
    this.name = 'MinatoError';
    this.code = code;
    this.details = details;
    this.key = typeof message === 'string' ? undefined : message.key;
    this.params = typeof message === 'string' ? undefined : message.params;
  }

  toWire(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.key === undefined ? {} : { key: this.key }),
      ...(this.params === undefined ? {} : { params: this.params }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }

  static fromWire(error: WireError): MinatoError {
    const rebuilt = new MinatoError(error.code, error.key ? { key: error.key, params: error.params } : error.message, error.details);
    // The engine's English is what logs show, even if this side's catalogue is older.
    if (rebuilt.message !== error.message) rebuilt.message = error.message;
    return rebuilt;
  }
}

export function isMinatoError(error: unknown): error is MinatoError {
  return error instanceof MinatoError;
}
