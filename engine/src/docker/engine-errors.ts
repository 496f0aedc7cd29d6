import { ERROR_KIND_CODES, MinatoError, type DiagnosisReason, type ErrorCode, type ErrorDetails } from '../../contract';

interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  code?: string;
  message?: string;
}

const SYSTEM_CODES: Record<string, ErrorCode> = {
  ENOENT: 'engine-unavailable',
  ECONNREFUSED: 'engine-unavailable',
  ECONNRESET: 'engine-unavailable',
  EPIPE: 'engine-unavailable',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  ETIMEDOUT: 'timeout',
};

/** What a socket error says about the engine, in the terms onboarding uses. */
const UNREACHABLE: Record<string, DiagnosisReason> = {
  ENOENT: 'socket-missing',
  ECONNREFUSED: 'not-responding',
  ECONNRESET: 'not-responding',
  EPIPE: 'not-responding',
};

/** The engine's own sentence for an error, without dockerode's "(HTTP code 409) unexpected -" prefix. */
export function engineMessage(error: unknown): string {
  const e = error as DockerodeError;
  const fromJson = e?.json?.message;
  if (typeof fromJson === 'string' && fromJson.length > 0) return fromJson.trim();
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return message.replace(/^\(HTTP code \d+\)\s*[a-z ]*-\s*/i, '').trim();
}

// The engine explains most failures only in prose. These are its sentences as Docker has worded them from 20.10 to
// 28 (the integration test engine-errors.int.test.ts records them from the real engine); each is read here, once.
const NAME_IN_USE = /container name "\/?([^"]+)" is already in use(?: by container "([0-9a-f]+)")?/i;
const PORT_IN_USE = /port is already allocated|address already in use/i;
const PORT_WHERE = /(?:Bind for |listen (?:tcp|udp|sctp)[46]? )(\[[0-9a-fA-F:.]*\]|[0-9a-fA-F:.]*):(\d{1,5})/;
const IMAGE_NOT_IN_REGISTRY = /pull access denied for ([^\s,]+)|manifest for (\S+) not found|repository does not exist|manifest unknown/i;
const COMMAND_NOT_FOUND = /exec: "([^"]*)": (?:executable file not found|stat [^:]*: no such file or directory)/i;
const NOT_FOUND: Array<[RegExp, Extract<ErrorDetails, { kind: 'not-found' }>['what']]> = [
  [/no such container: ?(\S*)/i, 'container'],
  [/no such image: ?(\S*)/i, 'image'],
  [/network (\S+) not found/i, 'network'],
  [/(?:get (\S+): )?no such volume/i, 'volume'],
  [/no such exec instance: ?(\S*)/i, 'exec'],
];
// A registry the engine could not reach: Go's net errors, as they end the engine's "Get "https://host/v2/": …".
const NETWORK_FAILURE = /no such host|server misbehaving|connect: connection refused|i\/o timeout|TLS handshake timeout/i;
const REGISTRY_HOST = /"https?:\/\/([^/"]+)|\blookup ([^\s:]+)/i;
const RUNNING = /remove a running container|container is running/i;
const NOT_RUNNING = /is not running/i;
const PAUSED = /is paused/i;

/** Reads the engine's sentence into what happened, with the names and numbers in it; undefined when it says nothing known. */
export function classifyEngineText(message: string, statusCode?: number): ErrorDetails | undefined {
  const name = NAME_IN_USE.exec(message);
  if (name) return { kind: 'name-in-use', name: name[1] ?? '', ...(name[2] ? { container: name[2] } : {}) };
  if (PORT_IN_USE.test(message)) {
    const where = PORT_WHERE.exec(message);
    const hostIp = where?.[1]?.replace(/^\[|\]$/g, '');
    return { kind: 'port-in-use', ...(where ? { port: Number(where[2]) } : {}), ...(hostIp ? { hostIp } : {}) };
  }
  const command = COMMAND_NOT_FOUND.exec(message);
  if (command) return { kind: 'command-not-found', command: command[1] ?? '' };
  if (NETWORK_FAILURE.test(message)) {
    const where = REGISTRY_HOST.exec(message);
    const host = where?.[1] ?? where?.[2];
    if (host) return { kind: 'registry-unreachable', host };
  }
  const registry = IMAGE_NOT_IN_REGISTRY.exec(message);
  if (registry) {
    const image = registry[1] ?? registry[2];
    return { kind: 'image-not-in-registry', ...(image ? { image } : {}) };
  }
  if (/no space left on device/i.test(message)) return { kind: 'no-space' };
  if (RUNNING.test(message)) return { kind: 'running' };
  if (PAUSED.test(message)) return { kind: 'paused' };
  if (NOT_RUNNING.test(message)) return { kind: 'not-running' };
  for (const [pattern, what] of NOT_FOUND) {
    const found = pattern.exec(message);
    // "no such image: x:1: No such image: x:1" names it twice, the first time followed by a colon.
    const name = found?.[1]?.replace(/:$/, '');
    if (found) return { kind: 'not-found', what, ...(name ? { name } : {}) };
  }
  if (statusCode === 404) return { kind: 'not-found', what: 'other' };
  return undefined;
}

function codeOfStatus(statusCode: number): ErrorCode {
  if (statusCode === 404) return 'not-found';
  if (statusCode === 409) return 'conflict';
  if (statusCode === 400) return 'invalid-input';
  if (statusCode === 401 || statusCode === 403) return 'permission-denied';
  return 'engine-error';
}

/** True when the error came out of the engine's answer or its socket (not a bug in Minato). */
export function isEngineFailure(error: unknown): boolean {
  const e = error as DockerodeError;
  return typeof e?.statusCode === 'number' || (typeof e?.code === 'string' && e.code in SYSTEM_CODES);
}

/**
 * Maps a Docker engine or socket error to a code a person can act on and typed details (what happened, with its
 * names and numbers), keeping the engine's text as the message. The one place the engine's English is read.
 */
export function toMinatoError(error: unknown): MinatoError {
  if (error instanceof MinatoError) return error;
  const e = error as DockerodeError;
  const message = engineMessage(error);
  if (typeof e?.statusCode === 'number') {
    const permission = e.statusCode === 401 || e.statusCode === 403 ? ({ kind: 'permission', socket: false } as const) : undefined;
    const details = permission ?? classifyEngineText(message, e.statusCode);
    const code = details ? ERROR_KIND_CODES[details.kind] : codeOfStatus(e.statusCode);
    return new MinatoError(code, message, { ...details, statusCode: e.statusCode });
  }
  const systemCode = e?.code ? SYSTEM_CODES[e.code] : undefined;
  if (systemCode && e.code) {
    const reason = UNREACHABLE[e.code];
    const details: ErrorDetails | undefined =
      systemCode === 'permission-denied' ? { kind: 'permission', socket: true } : reason ? { kind: 'engine-unreachable', reason } : undefined;
    return new MinatoError(systemCode, message, { ...details, systemCode: e.code });
  }
  const details = classifyEngineText(message);
  return details ? new MinatoError(ERROR_KIND_CODES[details.kind], message, details) : new MinatoError('engine-error', message);
}

/** True when the engine answered 304: the container already is in the asked state, which is success. */
export function isNotModified(error: unknown): boolean {
  return (error as DockerodeError)?.statusCode === 304;
}
