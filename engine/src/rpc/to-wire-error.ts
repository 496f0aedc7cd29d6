import { ZodError } from 'zod';
import { englishOf, messageOfIssue, MinatoError, type WireError } from '../../contract';
import { isEngineFailure, toMinatoError } from '../docker/engine-errors';

/**
 * Turns anything thrown by a handler into a wire error without leaking stack traces: the one place where a failure
 * the handler did not classify itself is classified (an engine or socket error gets its code and typed details).
 */
export function toWireError(error: unknown): WireError {
  if (error instanceof MinatoError) return error.toWire();
  if (error instanceof ZodError) {
    // Schema messages are keys (engine/contract/messages.ts): each problem carries it, and its English for logs.
    const problems = error.issues.map((issue) => {
      const message = messageOfIssue(issue);
      const english = message.key === 'form.invalid' ? issue.message : englishOf(message);
      return { path: issue.path.map(String), ...message, message: english };
    });
    return {
      code: 'invalid-input',
      message: problems.map((problem) => `${problem.path.join('.') || 'input'}: ${problem.message}`).join('; '),
      details: problems,
    };
  }
  if (isEngineFailure(error)) return toMinatoError(error).toWire();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}
