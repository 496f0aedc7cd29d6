import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CandidateFacts, EngineCandidate } from './discovery';
import { compareApiVersions, probeEndpoint } from './probe';

const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function candidate(endpoint: string, facts: Partial<CandidateFacts> = {}): EngineCandidate {
  return {
    endpoint,
    source: 'DOCKER_HOST',
    facts: { platform: 'darwin', origin: 'DOCKER_HOST', runtime: 'docker', defaultAddress: false, ...facts },
  };
}

describe('probeEndpoint', () => {
  it('says the socket is missing, with where the address came from and the platform', async () => {
    const endpoint = `unix://${path.join(dir, 'missing.sock')}`;
    const result = await probeEndpoint(candidate(endpoint, { origin: 'context', runtime: 'colima' }));
    expect(result).toEqual({
      ok: false,
      diagnosis: {
        reason: 'socket-missing',
        detail: `${path.join(dir, 'missing.sock')} does not exist.`,
        platform: 'darwin',
        origin: 'context',
        runtime: 'colima',
        defaultAddress: false,
      },
    });
  });

  it('gives only the reason when called with a bare address', async () => {
    const result = await probeEndpoint(`unix://${path.join(dir, 'missing.sock')}`);
    expect(result.ok || result.diagnosis).toEqual({ reason: 'socket-missing', detail: `${path.join(dir, 'missing.sock')} does not exist.` });
  });

  it('says a socket that accepts but never answers is not responding', async () => {
    const socket = path.join(dir, 'hung.sock');
    const clients = new Set<net.Socket>();
    const server = net.createServer((client) => clients.add(client));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const result = await probeEndpoint(candidate(`unix://${socket}`, { platform: 'linux', origin: 'default-socket', defaultAddress: true }));
      expect(result.ok ? undefined : result.diagnosis).toMatchObject({ reason: 'not-responding', platform: 'linux', origin: 'default-socket' });
    } finally {
      clients.forEach((client) => client.destroy());
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says a scheme it cannot speak is unsupported', async () => {
    const result = await probeEndpoint(candidate('ssh://me@host'));
    expect(result.ok ? undefined : result.diagnosis.reason).toBe('unsupported-host');
  });
});

describe('compareApiVersions', () => {
  it('compares minor versions as numbers', () => {
    expect(compareApiVersions('1.9', '1.40')).toBeLessThan(0);
    expect(compareApiVersions('1.41', '1.40')).toBeGreaterThan(0);
    expect(compareApiVersions('1.40', '1.40')).toBe(0);
  });
});
