import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverCandidates, listContexts } from './discovery';
import { needsInsecureConsent, parseEndpoint } from './endpoint';

const homes: string[] = [];
afterAll(() => homes.forEach((home) => rmSync(home, { recursive: true, force: true })));

function homeWithContext(current: string | undefined, contexts: Record<string, string>): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'minato-home-'));
  homes.push(home);
  const dockerDir = path.join(home, '.docker');
  mkdirSync(dockerDir, { recursive: true });
  if (current) writeFileSync(path.join(dockerDir, 'config.json'), JSON.stringify({ currentContext: current }));
  for (const [name, host] of Object.entries(contexts)) {
    const metaDir = path.join(dockerDir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
    mkdirSync(metaDir, { recursive: true });
    writeFileSync(path.join(metaDir, 'meta.json'), JSON.stringify({ Name: name, Endpoints: { docker: { Host: host } } }));
  }
  return home;
}

describe('discoverCandidates', () => {
  it('uses DOCKER_HOST alone when it is set', async () => {
    const homeDir = homeWithContext('remote', { remote: 'tcp://10.0.0.1:2375' });
    const candidates = await discoverCandidates({ env: { DOCKER_HOST: 'unix:///tmp/x.sock' }, homeDir, platform: 'linux' });
    expect(candidates).toEqual([
      {
        endpoint: 'unix:///tmp/x.sock',
        source: 'DOCKER_HOST',
        facts: { platform: 'linux', origin: 'DOCKER_HOST', runtime: 'docker', defaultAddress: false },
      },
    ]);
  });

  it('follows the current context from config.json', async () => {
    const homeDir = homeWithContext('colima', { colima: 'unix:///home/me/.colima/default/docker.sock' });
    const candidates = await discoverCandidates({ env: {}, homeDir, platform: 'darwin' });
    expect(candidates).toEqual([
      {
        endpoint: 'unix:///home/me/.colima/default/docker.sock',
        source: 'context',
        contextName: 'colima',
        facts: { platform: 'darwin', origin: 'context', runtime: 'colima', defaultAddress: false },
      },
    ]);
  });

  it('lets DOCKER_CONTEXT override config.json', async () => {
    const homeDir = homeWithContext('colima', { colima: 'unix:///a.sock', other: 'unix:///b.sock' });
    const candidates = await discoverCandidates({ env: { DOCKER_CONTEXT: 'other' }, homeDir, platform: 'linux' });
    expect(candidates[0]).toMatchObject({ endpoint: 'unix:///b.sock', contextName: 'other' });
  });

  it('falls back to Docker and Podman sockets in the CLI order on Linux', async () => {
    const homeDir = homeWithContext('default', {});
    const candidates = await discoverCandidates({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, homeDir, platform: 'linux' });
    expect(candidates.map((candidate) => candidate.endpoint)).toEqual([
      'unix:///var/run/docker.sock',
      'unix:///run/user/1000/docker.sock',
      `unix://${homeDir}/.docker/run/docker.sock`,
      'unix:///run/user/1000/podman/podman.sock',
      'unix:///run/podman/podman.sock',
    ]);
    expect(candidates.every((candidate) => candidate.source === 'default' && candidate.facts?.defaultAddress)).toBe(true);
    expect(candidates.map((candidate) => candidate.facts?.origin)).toEqual([
      'default-socket',
      'default-socket',
      'default-socket',
      'podman-socket',
      'podman-socket',
    ]);
  });

  it('knows a DOCKER_HOST or context that names a default socket, spelled either way', async () => {
    const homeDir = homeWithContext(undefined, {});
    for (const host of ['unix:///var/run/docker.sock', 'unix:///run/docker.sock']) {
      const [candidate] = await discoverCandidates({ env: { DOCKER_HOST: host }, homeDir, platform: 'linux' });
      expect(candidate?.facts).toMatchObject({ origin: 'DOCKER_HOST', defaultAddress: true, runtime: 'docker' });
    }
    const [remote] = await discoverCandidates({ env: { DOCKER_HOST: 'tcp://10.0.0.1:2375' }, homeDir, platform: 'linux' });
    expect(remote?.facts?.defaultAddress).toBe(false);
  });

  it('carries the platform it was given, and calls the rest "other"', async () => {
    const homeDir = homeWithContext(undefined, {});
    const [mac] = await discoverCandidates({ env: {}, homeDir, platform: 'darwin' });
    const [bsd] = await discoverCandidates({ env: {}, homeDir, platform: 'freebsd' });
    expect(mac?.facts?.platform).toBe('darwin');
    expect(bsd?.facts?.platform).toBe('other');
  });

  it('uses the named pipe on Windows', async () => {
    const homeDir = homeWithContext(undefined, {});
    const candidates = await discoverCandidates({ env: {}, homeDir, platform: 'win32' });
    expect(candidates.map(({ endpoint, facts }) => ({ endpoint, origin: facts?.origin, runtime: facts?.runtime }))).toEqual([
      { endpoint: 'npipe:////./pipe/docker_engine', origin: 'windows-pipe', runtime: 'docker' },
      { endpoint: 'npipe:////./pipe/podman-machine-default', origin: 'podman-socket', runtime: 'podman' },
    ]);
    expect(candidates[0]?.facts?.platform).toBe('win32');
  });

  it('ignores a context whose metadata is missing', async () => {
    const homeDir = homeWithContext('ghost', {});
    const candidates = await discoverCandidates({ env: {}, homeDir, platform: 'linux' });
    expect(candidates[0]?.source).toBe('default');
  });
});

describe('parseEndpoint', () => {
  it('parses the docker address forms', () => {
    expect(parseEndpoint('unix:///var/run/docker.sock')).toEqual({ kind: 'unix', socketPath: '/var/run/docker.sock' });
    expect(parseEndpoint('npipe:////./pipe/docker_engine')).toEqual({ kind: 'npipe', pipePath: '\\\\.\\pipe\\docker_engine' });
    expect(parseEndpoint('tcp://127.0.0.1:2375')).toEqual({ kind: 'tcp', host: '127.0.0.1', port: 2375 });
    expect(parseEndpoint('tcp://[::1]:2376')).toEqual({ kind: 'tcp', host: '::1', port: 2376 });
    expect(parseEndpoint('ssh://me@host')).toEqual({ kind: 'ssh', user: 'me', host: 'host' });
    expect(parseEndpoint('ssh://me@[::1]:2222/run/user/1000/docker.sock')).toEqual({
      kind: 'ssh', user: 'me', host: '::1', port: 2222, socketPath: '/run/user/1000/docker.sock',
    });
    expect(parseEndpoint('ssh://')).toEqual({ kind: 'unsupported', scheme: 'ssh' });
  });

  it('takes 2376 as the TLS port and flags plain TCP to another machine', () => {
    expect(parseEndpoint('tcp://example.com', { verify: true })).toMatchObject({ kind: 'tcp', port: 2376, tls: { verify: true } });
    expect(needsInsecureConsent(parseEndpoint('tcp://10.0.0.5:2375'))).toBe(true);
    expect(needsInsecureConsent(parseEndpoint('tcp://127.0.0.1:2375'))).toBe(false);
    expect(needsInsecureConsent(parseEndpoint('tcp://10.0.0.5:2376', { verify: true }))).toBe(false);
  });
});

describe('contexts', () => {
  it('lists every context with its TLS files, and reads the CLI TLS environment for DOCKER_HOST', async () => {
    const homeDir = homeWithContext(undefined, { remote: 'tcp://10.1.2.3:2376', box: 'ssh://me@box' });
    const configDir = path.join(homeDir, '.docker');
    const tlsDir = path.join(configDir, 'contexts', 'tls', createHash('sha256').update('remote').digest('hex'), 'docker');
    mkdirSync(tlsDir, { recursive: true });
    writeFileSync(path.join(tlsDir, 'ca.pem'), 'CA');
    writeFileSync(path.join(tlsDir, 'cert.pem'), 'CERT');
    writeFileSync(path.join(tlsDir, 'key.pem'), 'KEY');
    expect(await listContexts(configDir)).toEqual([
      { name: 'box', endpoint: 'ssh://me@box' },
      { name: 'remote', endpoint: 'tcp://10.1.2.3:2376', tls: { verify: true, ca: 'CA', cert: 'CERT', key: 'KEY' } },
    ]);
    const env = { DOCKER_HOST: 'tcp://10.1.2.3:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: tlsDir };
    const [candidate] = await discoverCandidates({ env, homeDir, platform: 'linux' });
    expect(candidate?.tls).toEqual({ verify: true, ca: 'CA', cert: 'CERT', key: 'KEY' });
  });
});
