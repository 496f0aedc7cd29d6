/** An engine error as it reaches the form: a MinatoError, or its wire shape. */
export interface EngineFailure {
  code?: string;
  message?: string;
  details?: unknown;
}

/** What the form says about a rejection: the key of a sentence under run.rejected, where it belongs, what happened. */
export interface Rejection {
  key: string;
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

// The engine's own sentences, as Docker has worded them across versions; the first match wins.
const KNOWN: Array<{ pattern: RegExp; key: string; field?: 'name' }> = [
  { pattern: /container name .* is already in use/i, key: 'nameTaken', field: 'name' },
  { pattern: /port is already allocated|address already in use/i, key: 'portTaken' },
  { pattern: /executable file not found|exec: .*: not found|no such file or directory: unknown/i, key: 'commandNotFound' },
  { pattern: /no such image|pull access denied|repository does not exist/i, key: 'imageMissing' },
  { pattern: /network .* not found/i, key: 'networkMissing' },
];

const BY_CODE: Record<string, string> = {
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
  const outcome = (typeof failure.details === 'object' && failure.details !== null ? failure.details : {}) as OutcomeDetails;
  // The engine refuses with flags of its own (an --rm container, a host port held before the edit stopped anything),
  // whatever words it uses.
  const known = flag(failure.details, 'autoRemove')
    ? { key: 'autoRemove', field: undefined }
    : outcome.heldBy
      ? { key: outcome.heldBy === 'program' ? 'portHeld' : 'portHeldByContainer', field: undefined }
      : KNOWN.find(({ pattern }) => pattern.test(message));
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
