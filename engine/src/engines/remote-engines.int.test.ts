import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineFlags, type EngineInfo } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { startTestSshd, type TestSshd } from '../../../scripts/test-support/sshd';
import { makeTestCa, startTlsDaemon, type TlsDaemon } from '../../../scripts/test-support/tls-daemon';
import { discoverCandidates } from '../docker/discovery';
import { createKnownHosts } from '../remote/known-hosts';
import { createPassphrases } from '../remote/ssh-auth';
import type { RemoteDeps } from '../remote/transport';
import { contextEngineId, watchContextEngines } from './context-engines';
import { customEngineConnection, testEngine } from './custom-engines';
import { createEngineConnection, type EngineConnection } from './engine-connection';
import { engineSubscriptions } from './engine-handlers';
import { createEngineRegistry } from './engine-registry';

const run = promisify(execFile);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-remote-'));
let tls: TlsDaemon;
let sshd: TestSshd;

beforeAll(async () => {
  [tls, sshd] = await Promise.all([startTlsDaemon(), startTestSshd(testDockerHost())]);
});
afterAll(async () => {
  await Promise.all([tls?.stop(), sshd?.stop()]);
  rmSync(scratch, { recursive: true, force: true });
});

function remoteDeps(homeDir: string): RemoteDeps {
  return { homeDir, env: {}, knownHosts: createKnownHosts(homeDir, '/nonexistent'), passphrases: createPassphrases(), insecureAllowed: () => false };
}

function certFolder(files: Partial<Record<'ca.pem' | 'cert.pem' | 'key.pem', string>>): string {
  const dir = mkdtempSync(path.join(scratch, 'certs-'));
  for (const [name, from] of Object.entries(files)) copyFileSync(from, path.join(dir, name));
  return dir;
}

async function tlsEngine(certPath: string): Promise<EngineConnection> {
  const homeDir = mkdtempSync(path.join(scratch, 'home-'));
  const env = { DOCKER_HOST: tls.address, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath };
  const connection = createEngineConnection({ id: 'tls', name: 'tls', remote: remoteDeps(homeDir), discover: () => discoverCandidates({ env, homeDir, platform: 'linux' }) });
  await connection.ready();
  return connection;
}

describe('TLS engines (dockerd --tlsverify, a CA made by openssl)', () => {
  it('connects with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH as the CLI reads them', async () => {
    const engine = await tlsEngine(tls.ca.clientDir);
    try {
      expect(engine.info()).toMatchObject({ state: 'connected', endpoint: tls.address, capabilities: { checkHostPorts: true } });
      expect(Array.isArray(await engine.docker().listContainers())).toBe(true);
    } finally {
      engine.close();
    }
  });

  it('refuses a server whose certificate another CA signed', async () => {
    const other = makeTestCa();
    try {
      const engine = await tlsEngine(other.clientDir);
      expect(engine.info()).toMatchObject({ state: 'unavailable', diagnosis: { reason: 'tls-failed' } });
      engine.close();
    } finally {
      rmSync(other.dir, { recursive: true, force: true });
    }
  });

  it('is refused by the server without a client certificate', async () => {
    const engine = await tlsEngine(certFolder({ 'ca.pem': tls.ca.ca }));
    expect(engine.info()).toMatchObject({ state: 'unavailable', diagnosis: { reason: 'tls-failed' } });
    engine.close();
  });
});

describe('engines:test and consent', () => {
  it('tests a draft the whole way without keeping anything open, and holds plain TCP to another machine for consent', async () => {
    const homeDir = mkdtempSync(path.join(scratch, 'home-'));
    const remote = remoteDeps(homeDir);
    const { ca } = tls;
    const files = { ca: ca.ca, cert: path.join(ca.clientDir, 'cert.pem'), key: path.join(ca.clientDir, 'key.pem') };
    const good = await testEngine({ name: 't', address: tls.address, tls: files }, remote);
    expect(good).toMatchObject({ ok: true, version: { os: 'linux' } });
    const withoutCert = await testEngine({ name: 't', address: tls.address, tls: { ca: ca.ca } }, remote);
    expect(withoutCert).toMatchObject({ ok: false, diagnosis: { reason: 'tls-failed', tried: [tls.address] } });
    // 192.0.2.0/24 is TEST-NET-1: never answered, and never even dialled here, since consent comes first.
    const far = await testEngine({ name: 'far', address: 'tcp://192.0.2.10:2375' }, remote);
    expect(far).toMatchObject({ ok: false, diagnosis: { reason: 'needs-consent' } });
    const allowed = await testEngine({ name: 'far', address: 'tcp://192.0.2.10:2375' }, { ...remote, insecureAllowed: () => true });
    expect(allowed.diagnosis?.reason).not.toBe('needs-consent');
  });
});

describe('a TLS engine added in Settings', () => {
  it('reports its TLS files, and the `docker -H` command shown for it reaches it with the CLI', async () => {
    const { ca } = tls;
    const files = { ca: ca.ca, cert: path.join(ca.clientDir, 'cert.pem'), key: path.join(ca.clientDir, 'key.pem') };
    const engine = customEngineConnection({ id: 'custom-tls', name: 'Build box', address: tls.address, tls: files }, remoteDeps(mkdtempSync(path.join(scratch, 'home-'))));
    try {
      await engine.ready();
      expect(engine.info()).toMatchObject({ state: 'connected', tls: files });
      // The shown command, word for word, run by the real docker CLI with no environment pointing it anywhere.
      const words = [...engineFlags(engine.info()), 'version', '--format', '{{.Server.APIVersion}}'];
      const env = { PATH: process.env.PATH ?? '', HOME: mkdtempSync(path.join(scratch, 'cli-home-')) };
      const { stdout } = await run('docker', words, { env });
      expect(stdout.trim()).toBe(engine.info().version?.api);
    } finally {
      engine.close();
    }
  });
});

describe('docker contexts, live', () => {
  it('shows contexts created and removed with `docker context create|rm` while running, each connected on its own', async () => {
    const homeDir = mkdtempSync(path.join(scratch, 'home-'));
    const configDir = path.join(homeDir, 'docker-config');
    mkdirSync(path.join(homeDir, '.ssh'));
    writeFileSync(path.join(homeDir, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
    writeFileSync(path.join(homeDir, '.ssh', 'config'), `Host *\n  IdentityFile ${sshd.keys.plain}\n`);
    const cli = (args: string[]) => run('docker', args, { env: { PATH: process.env.PATH, HOME: homeDir, DOCKER_CONFIG: configDir } });

    const registry = createEngineRegistry();
    const seen: EngineInfo[] = [];
    const stopStatus = engineSubscriptions(registry)['engines:status']({}, (info) => void seen.push(info), () => {}, {} as never);
    // No contexts folder yet: the watcher must wait for it to appear without polling.
    const contexts = watchContextEngines({ registry, configDir, remote: remoteDeps(homeDir), excluded: () => undefined });
    try {
      await contexts.refresh();
      expect(registry.all()).toHaveLength(0);

      const { ca } = tls;
      await cli(['context', 'create', 'minato-test-tls', '--docker', `host=${tls.address},ca=${ca.ca},cert=${path.join(ca.clientDir, 'cert.pem')},key=${path.join(ca.clientDir, 'key.pem')}`]);
      await cli(['context', 'create', 'minato-test-ssh', '--docker', `host=ssh://root@127.0.0.1:${sshd.port}`]);
      const tlsId = contextEngineId('minato-test-tls');
      const sshId = contextEngineId('minato-test-ssh');
      await waitFor(() => registry.has(tlsId) && registry.has(sshId), 5000, 'both contexts to appear');
      await waitFor(() => registry.get(tlsId).info().state === 'connected' && registry.get(sshId).info().state === 'connected', 15_000, 'both to connect');
      expect(registry.get(sshId).info()).toMatchObject({ kind: 'context', name: 'minato-test-ssh', contextName: 'minato-test-ssh', capabilities: { publishedPorts: { via: 'ssh-forward' } } });
      expect(seen.some((info) => info.id === tlsId && info.state === 'connected')).toBe(true);

      await cli(['context', 'rm', 'minato-test-tls']);
      await waitFor(() => !registry.has(tlsId), 5000, 'the removed context to leave');
      expect(seen.some((info) => info.id === tlsId && info.removed)).toBe(true);
      expect(registry.get(sshId).info().state).toBe('connected');

      // With contexts/meta now watched itself, a later context shows up too.
      await cli(['context', 'create', 'minato-test-later', '--docker', `host=ssh://root@127.0.0.1:${sshd.port}`]);
      await waitFor(() => registry.has(contextEngineId('minato-test-later')), 5000, 'a context created later');
    } finally {
      contexts.close();
      stopStatus();
      registry.close();
    }
  });
});
