import { MinatoError, type ImageRemoveConflict } from '../../contract';

/**
 * The engine explains a refused `docker rmi` only in prose (409, "conflict: unable to …"); this reads the reason out
 * of it so the UI can say what to do instead of repeating the sentence. Unknown wording keeps the plain conflict.
 */
export function readRemoveConflict(message: string): ImageRemoveConflict | undefined {
  const forceable = /must (?:be )?force/i.test(message);
  const container = /container ([0-9a-f]{12,64})/i.exec(message)?.[1];
  const withContainer = container ? { container } : {};
  if (/running container/i.test(message)) return { reason: 'used-by-running-container', forceable, ...withContainer };
  if (/dependent child images/i.test(message)) return { reason: 'has-children', forceable };
  if (/referenced in multiple repositories/i.test(message)) return { reason: 'many-tags', forceable };
  if (container) return { reason: 'used-by-container', forceable, ...withContainer };
  return undefined;
}

/** Adds the reason to a conflict error; other errors pass unchanged. */
export function withRemoveConflict(error: MinatoError): MinatoError {
  if (error.code !== 'conflict') return error;
  const conflict = readRemoveConflict(error.message);
  return conflict ? new MinatoError('conflict', error.message, conflict) : error;
}
