import { EngineDraft, type EngineDiagnosis, type EngineInfo } from '../../../engine/contract';

/** The form as typed: every field a string (or a tick), read into an `EngineDraft` only when checked. */
export interface EngineFormValues {
  name: string;
  address: string;
  socketPath: string;
  ca: string;
  cert: string;
  key: string;
  skipVerify: boolean;
}

export type EngineField = 'name' | 'address' | 'socketPath' | 'tls';

export const EMPTY_ENGINE_FORM: EngineFormValues = { name: '', address: '', socketPath: '', ca: '', cert: '', key: '', skipVerify: false };

export const schemeOf = (address: string) => /^([a-z]+):\/\//.exec(address.trim())?.[1];

/** Only what applies to the address's scheme is sent: a socket path for ssh://, TLS files for tcp://. */
export function draftOf(values: EngineFormValues): unknown {
  const scheme = schemeOf(values.address);
  const tls = { ca: values.ca.trim(), cert: values.cert.trim(), key: values.key.trim() };
  const anyTls = tls.ca || tls.cert || tls.key || values.skipVerify;
  return {
    name: values.name,
    address: values.address,
    ...(scheme === 'ssh' && values.socketPath.trim() ? { socketPath: values.socketPath.trim() } : {}),
    ...(scheme === 'tcp' && anyTls
      ? { tls: { ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.cert ? { cert: tls.cert } : {}), ...(tls.key ? { key: tls.key } : {}), ...(values.skipVerify ? { skipVerify: true } : {}) } }
      : {}),
  };
}

/** The draft, or a message for each field that is wrong (the contract's own schema decides). */
export function checkEngineForm(values: EngineFormValues): { draft: EngineDraft } | { errors: Partial<Record<EngineField, string>> } {
  const parsed = EngineDraft.safeParse(draftOf(values));
  if (parsed.success) return { draft: parsed.data };
  const errors: Partial<Record<EngineField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] === 'tls' ? 'tls' : (issue.path[0] as EngineField);
    errors[field] ??= issue.message;
  }
  return { errors };
}

/** Which field a failed connection points at: the TLS files for a TLS failure, else the address. */
export function fieldOfDiagnosis(diagnosis: EngineDiagnosis): EngineField {
  return diagnosis.reason === 'tls-failed' ? 'tls' : 'address';
}

/** An engine's form to edit, from what it was added with (the engine reports its socket path and TLS file paths). */
export function formOfEngine(engine: EngineInfo): EngineFormValues {
  return {
    ...EMPTY_ENGINE_FORM,
    name: engine.name,
    address: engine.address,
    socketPath: engine.socketPath ?? '',
    ca: engine.tls?.ca ?? '',
    cert: engine.tls?.cert ?? '',
    key: engine.tls?.key ?? '',
    skipVerify: engine.tls?.skipVerify ?? false,
  };
}
