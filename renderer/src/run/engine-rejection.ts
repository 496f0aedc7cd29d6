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
  /** An edit failed and the original container is back as it was. */
  restored: boolean;
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

/** Turns a create or recreate failure into a sentence a person can act on, keeping the engine's words for details. */
export function explainRejection(failure: EngineFailure): Rejection {
  const message = failure.message ?? '';
  // The engine refuses to edit an --rm container with a flag of its own, whatever words it uses.
  const known = flag(failure.details, 'autoRemove') ? { key: 'autoRemove', field: undefined } : KNOWN.find(({ pattern }) => pattern.test(message));
  const status = typeof failure.details === 'object' && failure.details !== null ? (failure.details as { statusCode?: unknown }).statusCode : undefined;
  return {
    key: known?.key ?? BY_CODE[failure.code ?? ''] ?? 'other',
    ...(known?.field ? { field: known.field } : {}),
    removed: flag(failure.details, 'removed'),
    restored: flag(failure.details, 'restored'),
    engineText: [message, typeof status === 'number' ? `HTTP ${status} (${failure.code ?? 'engine-error'})` : failure.code].filter(Boolean).join('\n'),
  };
}
