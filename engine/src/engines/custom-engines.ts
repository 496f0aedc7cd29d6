import { readFile } from 'node:fs/promises';
import type { EngineDraft, EngineTestResult } from '../../contract';
import type { EngineCandidate } from '../docker/discovery';
import type { TlsMaterial } from '../docker/endpoint';
import { probeEndpoint } from '../docker/probe';
import { LinkFailure } from '../remote/link-failure';
import { openTransport, type RemoteDeps } from '../remote/transport';
import type { StoredEngine } from '../settings/settings-store';
import { createEngineConnection, type EngineConnection } from './engine-connection';

/** The TLS files named in Settings, read now (so a renewed certificate is picked up on the next connect). */
async function readTls(tls: EngineDraft['tls']): Promise<TlsMaterial | undefined> {
  if (!tls || (!tls.ca && !tls.cert && !tls.key && !tls.skipVerify)) return undefined;
  const read = async (file: string | undefined) => (file ? readFile(file, 'utf8') : undefined);
  const [ca, cert, key] = await Promise.all([read(tls.ca), read(tls.cert), read(tls.key)]);
  return { verify: !tls.skipVerify, ...(ca ? { ca } : {}), ...(cert ? { cert } : {}), ...(key ? { key } : {}) };
}

export async function candidateOf(draft: EngineDraft): Promise<EngineCandidate> {
  const tls = await readTls(draft.tls);
  return {
    endpoint: draft.address,
    source: 'settings',
    ...(tls ? { tls } : {}),
    ...(draft.socketPath ? { sshSocketPath: draft.socketPath } : {}),
  };
}

export function customEngineConnection(engine: StoredEngine, remote: RemoteDeps, reconnectDelaysMs?: number[]): EngineConnection {
  return createEngineConnection({
    id: engine.id,
    name: engine.name,
    kind: 'custom',
    address: engine.address,
    entered: { ...(engine.socketPath ? { socketPath: engine.socketPath } : {}), ...(engine.tls ? { tls: engine.tls } : {}) },
    remote,
    ...(reconnectDelaysMs ? { reconnectDelaysMs } : {}),
    discover: async () => [await candidateOf(engine)],
  });
}

/** "Test connection": the whole way (SSH, TLS, consent, the engine's version) once, nothing kept open. */
export async function testEngine(draft: EngineDraft, remote: RemoteDeps): Promise<EngineTestResult> {
  const tried = [draft.address];
  let candidate: EngineCandidate;
  try {
    candidate = await candidateOf(draft);
  } catch (error) {
    return { ok: false, diagnosis: { reason: 'tls-failed', detail: (error as Error).message, tried } };
  }
  try {
    const transport = await openTransport(candidate, remote);
    try {
      const probe = await probeEndpoint(candidate, transport.client);
      return probe.ok ? { ok: true, version: probe.version } : { ok: false, diagnosis: { ...probe.diagnosis, tried } };
    } finally {
      transport.close();
    }
  } catch (error) {
    if (error instanceof LinkFailure) return { ok: false, diagnosis: { ...error.diagnosis, tried } };
    return { ok: false, diagnosis: { reason: 'unknown', detail: (error as Error).message, tried } };
  }
}
