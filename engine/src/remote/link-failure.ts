import type { EngineDiagnosis } from '../../contract';

export type LinkDiagnosis = Omit<EngineDiagnosis, 'tried'>;

/** A failure to reach a remote engine, already diagnosed (host key, authentication, network). */
export class LinkFailure extends Error {
  readonly diagnosis: LinkDiagnosis;

  constructor(diagnosis: LinkDiagnosis) {
    super(diagnosis.detail);
    this.name = 'LinkFailure';
    this.diagnosis = diagnosis;
  }
}

/** Reasons only a person can resolve: retrying on a timer would only repeat the same refusal. */
export function needsPerson(reason: EngineDiagnosis['reason']): boolean {
  return ['host-key-unknown', 'host-key-changed', 'auth-failed', 'passphrase-needed', 'needs-consent'].includes(reason);
}

/** Socket error codes of Node's net/dns, and ssh2's own handshake timeout, as the diagnosis a person can act on. */
const CONNECT_REASONS: Record<string, EngineDiagnosis['reason']> = {
  ENOTFOUND: 'host-not-found',
  EAI_AGAIN: 'host-not-found',
  EAI_NONAME: 'host-not-found',
  ECONNREFUSED: 'connection-refused',
  ETIMEDOUT: 'connect-timeout',
  EHOSTUNREACH: 'connect-timeout',
  ENETUNREACH: 'connect-timeout',
};

/** Why a connection to a remote host failed before any SSH was spoken; undefined when it got further than that. */
export function connectFailureReason(error: Error & { code?: unknown; level?: unknown }): EngineDiagnosis['reason'] | undefined {
  if (error.level === 'client-timeout') return 'connect-timeout';
  return typeof error.code === 'string' ? CONNECT_REASONS[error.code] : undefined;
}
