/**
 * What a log line must never carry, found two ways: by the name of the field that holds it (a key path), and by the
 * shape of the text itself, because secrets also travel inside ordinary strings — an error message quoting a
 * `postgres://user:password@host` URL, a `docker run` line with `-e API_TOKEN=…`, a header copied into a message.
 */
import { MASK, looksSecret, maskValue } from '../../contract/secrets';

/** The same mark the UI shows for a hidden secret. */
export const REDACTED = MASK;

/** Fields of HTTP requests and Docker API bodies that hold credentials, beyond what the contract's names catch. */
const CREDENTIAL_FIELD = /^(?:authorization|proxy-authorization|x-registry-auth|x-registry-config|cookie|set-cookie|authconfig|identitytoken|registrytoken)$/i;

/** Headers quoted in text (`Authorization: Bearer …`, `X-Registry-Auth: eyJ…`) and bare bearer/basic credentials. */
const HEADER_SHAPES: Array<[RegExp, string]> = [
  [/\b(authorization|proxy-authorization|x-registry-auth|x-registry-config)(["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',}]+/gi, `$1$2${REDACTED}`],
  [/\b(bearer|basic)\s+[a-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`],
];

export function isSecretKey(key: string): boolean {
  return CREDENTIAL_FIELD.test(key) || looksSecret(key);
}

/** Text with its secrets masked by shape: the contract's masker (URL and DSN passwords, NAME=value, token formats) and headers. */
export function maskSecretText(text: string): string {
  return HEADER_SHAPES.reduce((masked, [shape, replacement]) => masked.replace(shape, replacement), maskValue(text));
}

function errorFields(error: Error): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(error));
  return { type: error.name, message: error.message, stack: error.stack, ...own };
}

/**
 * A copy of `value` safe to log: secret-named fields replaced, every string masked by shape, Errors turned into
 * plain objects (message and stack masked too). Cycles and depth are bounded so a log call never hangs.
 */
export function maskSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskSecretText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth > 8) return '[too deep]';
  seen.add(value);
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, depth + 1, seen));
  const source = value instanceof Error ? errorFields(value) : (value as Record<string, unknown>);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) {
    copy[key] = isSecretKey(key) && item !== undefined && item !== null && item !== '' ? REDACTED : maskSecrets(item, depth + 1, seen);
  }
  return copy;
}
