import type { TFunction } from 'i18next';
import type { WireError } from '../../../engine/contract';

type ErrorLike = WireError | { code?: string; message?: string; details?: unknown } | undefined;

/** What happened and what to do next (`summary`), and the engine's own words kept for whoever needs them (`details`). */
export interface ErrorParts {
  summary: string;
  details: string;
}

interface Recognised {
  key: string;
  values?: Record<string, string>;
}

// The engine explains most failures only in prose; these are the sentences it has used across versions.
const RECOGNISED: Array<{ test: RegExp; key: string }> = [
  { test: /remove a running container|container is running/i, key: 'conflictRunning' },
  { test: /name .* is already in use/i, key: 'nameInUse' },
  { test: /is not running/i, key: 'notRunning' },
  { test: /is paused/i, key: 'paused' },
  { test: /no such image/i, key: 'noSuchImage' },
  { test: /pull access denied|repository does not exist|manifest unknown|manifest for .* not found/i, key: 'imageNotInRegistry' },
  { test: /no space left on device/i, key: 'noSpace' },
  { test: /executable file not found|exec: "[^"]*": (?:stat [^:]*: )?no such file or directory/i, key: 'commandNotFound' },
];

const PORT_IN_USE = /port is already allocated|address already in use/i;
// "Bind for 0.0.0.0:8080 failed: port is already allocated", "listen tcp4 0.0.0.0:8080: bind: address already in use".
const PORT_NUMBER = /:(\d{1,5})(?: failed: port is already allocated|: bind: address already in use)/i;

/** True when the error came out of the Docker engine (its answer or its socket), not a sentence Minato wrote itself. */
function fromEngine(details: unknown): boolean {
  if (typeof details !== 'object' || details === null) return false;
  return 'statusCode' in details || 'systemCode' in details;
}

function recognise(code: string, message: string, details: unknown): Recognised | undefined {
  if (code === 'cancelled') return { key: 'cancelled' };
  if (PORT_IN_USE.test(message)) {
    const port = PORT_NUMBER.exec(message)?.[1];
    return port ? { key: 'portInUse', values: { port } } : { key: 'portInUseAny' };
  }
  const known = RECOGNISED.find((rule) => rule.test.test(message));
  if (known) return { key: known.key };
  if (code === 'permission-denied') {
    // A socket refused by the operating system is the docker group; an HTTP 401/403 is the engine's own policy.
    const socket = typeof details === 'object' && details !== null && 'systemCode' in details;
    return { key: socket ? 'socketPermission' : 'permission-denied' };
  }
  // Minato's own not-found / invalid-input / conflict sentences already say what to do: they are shown as written.
  if ((code === 'not-found' || code === 'invalid-input' || code === 'conflict') && !fromEngine(details)) return undefined;
  return { key: code };
}

/** Splits an error into a sentence a person can act on and the engine's own text (kept, never a stack). */
export function errorParts(t: TFunction, error: ErrorLike): ErrorParts {
  if (!error) return { summary: '', details: '' };
  const code = error.code ?? 'internal';
  const message = error.message ?? '';
  const found = recognise(code, message, error.details);
  if (!found) return { summary: message, details: '' };
  const summary = t(`errors.${found.key}`, { ...found.values, defaultValue: '' });
  if (!summary) return { summary: message, details: '' };
  return { summary, details: message === summary ? '' : message };
}

/** One line for places with room for only one: the sentence to act on, then the engine's words. */
export function errorText(t: TFunction, error: ErrorLike): string {
  const { summary, details } = errorParts(t, error);
  return details ? t('errors.withDetails', { summary, details }) : summary;
}
