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
