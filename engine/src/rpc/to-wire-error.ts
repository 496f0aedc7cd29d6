import { ZodError } from 'zod';
import { MinatoError, type WireError } from '../../contract';

/** Turns anything thrown by a handler into a wire error without leaking stack traces. */
export function toWireError(error: unknown): WireError {
  if (error instanceof MinatoError) return error.toWire();
  if (error instanceof ZodError) {
    return {
      code: 'invalid-input',
      message: error.issues.map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`).join('; '),
      details: error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
