import { stat } from 'node:fs/promises';
import type Docker from 'dockerode';
import { MIN_API_VERSION, type EngineDiagnosis, type EngineVersion } from '../../contract';
import { createDockerClient } from './client';
import type { EngineCandidate } from './discovery';
import { parseEndpoint } from './endpoint';

export type ProbeResult =
  | { ok: true; version: EngineVersion }
  | { ok: false; diagnosis: Omit<EngineDiagnosis, 'tried'> };

const PROBE_TIMEOUT_MS = 3000;

export function compareApiVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * Asks an endpoint for its version and, when that fails, says why in terms onboarding can explain. Given the
 * whole candidate, the diagnosis also carries the platform and where the address came from, so the fix fits.
 */
export async function probeEndpoint(target: string | EngineCandidate, client?: ProbeClient): Promise<ProbeResult> {
  const result = await probeAddress(typeof target === 'string' ? target : target.endpoint, client);
  if (result.ok || typeof target === 'string' || !target.facts) return result;
  return { ok: false, diagnosis: { ...result.diagnosis, ...target.facts } };
}

/** A client made by the engine's transport (SSH link, TLS files); given a timeout, it must apply it. */
export type ProbeClient = (options: { timeoutMs: number }) => Docker | undefined;

async function probeAddress(address: string, client?: ProbeClient): Promise<ProbeResult> {
  const endpoint = parseEndpoint(address);
  if (endpoint.kind === 'unsupported') {
    return {
      ok: false,
      diagnosis: { reason: 'unsupported-host', detail: `"${endpoint.scheme}://" engines are not supported yet.` },
    };
  }
  if (endpoint.kind === 'unix') {
    try {
      await stat(endpoint.socketPath);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        return { ok: false, diagnosis: { reason: 'socket-missing', detail: `${endpoint.socketPath} does not exist.` } };
      }
      if (code === 'EACCES') {
        return { ok: false, diagnosis: { reason: 'permission-denied', detail: `${endpoint.socketPath}: permission denied.` } };
      }
    }
  }
  const docker = client ? client({ timeoutMs: PROBE_TIMEOUT_MS }) : createDockerClient(endpoint, { timeoutMs: PROBE_TIMEOUT_MS });
  if (!docker) return { ok: false, diagnosis: { reason: 'unsupported-host', detail: address } };
  try {
    const version = await docker.version();
    if (compareApiVersions(version.ApiVersion, MIN_API_VERSION) < 0) {
      return {
        ok: false,
        diagnosis: {
          reason: 'api-too-old',
          detail: `The engine speaks API ${version.ApiVersion}; Minato needs ${MIN_API_VERSION} or newer.`,
          engineApiVersion: version.ApiVersion,
          engineVersion: version.Version,
        },
      };
    }
    return {
      ok: true,
      version: {
        engine: version.Version,
        api: version.ApiVersion,
        os: version.Os,
        arch: version.Arch,
        ...(version.KernelVersion ? { kernel: version.KernelVersion } : {}),
      },
    };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { statusCode?: number };
    const detail = e.message || String(error);
    if (e.code === 'EACCES' || e.code === 'EPERM') return { ok: false, diagnosis: { reason: 'permission-denied', detail } };
    if (e.code === 'ENOENT') return { ok: false, diagnosis: { reason: 'socket-missing', detail } };
    if (isTlsFailure(e.code)) return { ok: false, diagnosis: { reason: 'tls-failed', detail: `TLS: ${detail} (${e.code})` } };
    // docker-modem's timeout destroys the request, which surfaces as a reset ("socket hang up").
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'].includes(e.code ?? '') || /timeout|hang up/i.test(detail)) {
      return { ok: false, diagnosis: { reason: 'not-responding', detail: `No answer from the engine: ${detail}` } };
    }
    return { ok: false, diagnosis: { reason: 'unknown', detail } };
  }
}

/** Node's codes for certificate and handshake failures: unknown CA, self-signed, wrong host, refused client cert. */
function isTlsFailure(code: string | undefined): boolean {
  return Boolean(code && (/^ERR_SSL_|^ERR_TLS_|CERT|^UNABLE_TO_|^EPROTO$/.test(code)));
}
