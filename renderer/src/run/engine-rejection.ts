import { errorDetails, type ErrorKind } from '../../../engine/contract';
import type { KeysUnder } from '../i18n/keys';

/** A sentence under run.rejected. */
type RejectedKey = KeysUnder<'run.rejected'>;

/** An engine error as it reaches the form: a MinatoError, or its wire shape. */
export interface EngineFailure {
  code?: string;
  message?: string;
  details?: unknown;
}

/** What the form says about a rejection: the key of a sentence under run.rejected, where it belongs, what happened. */
export interface Rejection {
  key: RejectedKey;
  /** The field the sentence is shown beside, when the engine's words point at one. */
  field?: 'name';
  /** The half-made container was removed (a create whose start failed). */
  removed: boolean;
  /** An edit failed and the original container is back as it was: only when each step of the rollback worked. */
  restored: boolean;
  /** The sentence's parameters (the port an edit found held…). */
  values?: Record<string, string | number>;
  /** An edit whose rollback did not fully work: what is still not as it was, so the person can finish it. */
  notRestored?: { original: string; renamedBack: boolean; restarted: boolean; leftOver?: string };
  /** A create whose half-made container could not be removed: its id. */
  leftOver?: string;
  /** The engine's own words, for the details view. */
  engineText: string;
}

/** What the form says about each failure the engine classified (engine/src/docker/engine-errors.ts). */
function byKind(kind: ErrorKind, what: string | undefined): { key: RejectedKey; field?: 'name' } | undefined {
  if (kind === 'name-in-use') return { key: 'nameTaken', field: 'name' };
  if (kind === 'port-in-use') return { key: 'portTaken' };
  if (kind === 'command-not-found') return { key: 'commandNotFound' };
  if (kind === 'image-not-in-registry' || (kind === 'not-found' && what === 'image')) return { key: 'imageMissing' };
  if (kind === 'not-found' && what === 'network') return { key: 'networkMissing' };
  return undefined;
}

const BY_CODE: Partial<Record<string, RejectedKey>> = {
  'invalid-input': 'settings',
  conflict: 'conflict',
  'engine-unavailable': 'engineDown',
  'permission-denied': 'permission',
  timeout: 'timeout',
};

function flag(details: unknown, name: string): boolean {
  return typeof details === 'object' && details !== null && (details as Record<string, unknown>)[name] !== undefined && (details as Record<string, unknown>)[name] !== false;
}

/** What an edit's details say about its rollback and the clean-up (engine/src/run/recreate.ts, create.ts). */
interface OutcomeDetails {
  heldBy?: 'program' | 'container';
  port?: number;
  container?: string;
  rollback?: { renamedBack?: boolean; restarted?: boolean };
  original?: string;
  leftOver?: string;
}

/** Turns a create or recreate failure into a sentence a person can act on, keeping the engine's words for details. */
export function explainRejection(failure: EngineFailure): Rejection {
  const message = failure.message ?? '';
  const classified = errorDetails(failure);
  const outcome = (typeof failure.details === 'object' && failure.details !== null ? failure.details : {}) as OutcomeDetails;
  // Read from fields only: Minato's own flags (an --rm container, a host port held before the edit stopped anything)
  // and what the engine classified; never the engine's words.
  const known: { key: RejectedKey; field?: 'name' } | undefined = flag(failure.details, 'autoRemove')
    ? { key: 'autoRemove', field: undefined }
    : outcome.heldBy
      ? { key: outcome.heldBy === 'program' ? 'portHeld' : 'portHeldByContainer', field: undefined }
      : classified && byKind(classified.kind, classified.kind === 'not-found' ? classified.what : undefined);
  const status = typeof failure.details === 'object' && failure.details !== null ? (failure.details as { statusCode?: unknown }).statusCode : undefined;
  return {
    key: known?.key ?? BY_CODE[failure.code ?? ''] ?? 'other',
    ...(known?.field ? { field: known.field } : {}),
    ...(outcome.heldBy ? { values: { port: outcome.port ?? '', container: outcome.container ?? '' } } : {}),
    ...(outcome.rollback
      ? {
          notRestored: {
            original: outcome.original ?? '',
            renamedBack: outcome.rollback.renamedBack ?? false,
            restarted: outcome.rollback.restarted ?? false,
            ...(outcome.leftOver ? { leftOver: outcome.leftOver } : {}),
          },
        }
      : outcome.leftOver
        ? { leftOver: outcome.leftOver }
        : {}),
    removed: flag(failure.details, 'removed'),
    restored: flag(failure.details, 'restored'),
    engineText: [message, typeof status === 'number' ? `HTTP ${status} (${failure.code ?? 'engine-error'})` : failure.code].filter(Boolean).join('\n'),
  };
}
