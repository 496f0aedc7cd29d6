import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeBatch, EngineInfo } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { startTestAgent, startTestSshd, type TestSshd } from '../../../scripts/test-support/sshd';
import { createEngineConnection, type EngineConnection } from '../engines/engine-connection';
import { engineProcedures } from '../engines/engine-handlers';
import { imageProcedures } from '../images/image-handlers';
import { createEngineRegistry } from '../engines/engine-registry';
import { openSettingsStore } from '../settings/settings-store';
import { createKnownHosts } from './known-hosts';
import { createPassphrases } from './ssh-auth';
import type { RemoteDeps } from './transport';

const runId = newRunId();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-ssh-'));
let sshd: TestSshd;
const open: EngineConnection[] = [];

beforeAll(async () => {
  sshd = await startTestSshd(testDockerHost());
});
afterEach(() => {
  open.splice(0).forEach((connection) => connection.close());
});
afterAll(async () => {
  await removeRunContainers(runId);
  await sshd?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

/** A HOME of its own: ~/.ssh/config, known_hosts and (optionally) the server's key already trusted. */
function home(options: { config?: string; trusted?: boolean }): string {
  const dir = mkdtempSync(path.join(scratch, 'home-'));
  mkdirSync(path.join(dir, '.ssh'), { mode: 0o700 });
  if (options.config) writeFileSync(path.join(dir, '.ssh', 'config'), options.config);
  if (options.trusted) writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
  return dir;
}

const hostBlock = (identity: string) => `Host minato-box\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${identity}\n`;

function remoteDeps(homeDir: string, env: NodeJS.ProcessEnv = {}): RemoteDeps {
  return { homeDir, env, knownHosts: createKnownHosts(homeDir, '/nonexistent'), passphrases: createPassphrases(), insecureAllowed: () => false };
}

function sshEngine(address: string, remote: RemoteDeps, extra: Partial<Parameters<typeof createEngineConnection>[0]> = {}): EngineConnection {
  const connection = createEngineConnection({
    id: `ssh-${open.length}`,
    name: 'ssh',
    kind: 'custom',
    address,
    remote,
    reconnectDelaysMs: [200, 400, 800],
    discover: async () => [{ endpoint: address, source: 'settings' }],
    ...extra,
  });
  open.push(connection);
  return connection;
}

describe('SSH engines against a real sshd', () => {
  it('connects with a key file named in ~/.ssh/config and carries the API over stream-local forwarding', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.plain), trusted: true })));
    await engine.ready();
    expect(engine.info()).toMatchObject({ state: 'connected', kind: 'custom', address: 'ssh://minato-box', capabilities: { bindFolders: 'sftp', checkHostPorts: false } });
    expect(engine.transport()?.mode).toBe('streamlocal');
    const id = await dockerCli(['create', '--name', testName(runId, 'over-ssh'), ...testLabels(runId), TEST_IMAGE, 'true']);
    const listed = await engine.docker().listContainers({ all: true, filters: { id: [id] } });
    expect(listed.map((container) => container.Id)).toEqual([id]);
  });

  it('authenticates with ssh-agent when no key file is there', async () => {
    const agent = await startTestAgent(scratch, [sshd.keys.plain]);
    try {
      const engine = sshEngine(`ssh://root@127.0.0.1:${sshd.port}`, remoteDeps(home({ trusted: true }), { SSH_AUTH_SOCK: agent.socket }));
      await engine.ready();
      expect(engine.info().state).toBe('connected');
    } finally {
      await agent.stop();
    }
  });

  it('refuses a key the server does not accept', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.stranger), trusted: true })));
    await engine.ready();
    expect(engine.info()).toMatchObject({ state: 'unavailable', diagnosis: { reason: 'auth-failed' } });
  });

  it('shows an unknown host key with its fingerprint, records it when accepted, then connects (engines:add → acceptHostKey)', async () => {
    const homeDir = home({ config: hostBlock(sshd.keys.plain) });
    const remote = remoteDeps(homeDir);
    const registry = createEngineRegistry();
    const procedures = engineProcedures({ registry, settings: await openSettingsStore(path.join(homeDir, 'settings.json')), remote });
    try {
      const added = await procedures['engines:add']({ name: 'box', address: 'ssh://minato-box' }, {} as never);
      const engine = registry.get(added.id);
      await engine.ready();
      const expected = execFileSync('ssh-keygen', ['-lf', path.join(sshd.dir, 'host_ed25519.pub')], { encoding: 'utf8' }).split(' ')[1];
      expect(engine.info()).toMatchObject({
        state: 'unavailable',
        diagnosis: { reason: 'host-key-unknown', hostKey: { host: '127.0.0.1', port: sshd.port, keyType: 'ssh-ed25519', fingerprint: expected } },
      });
      await expect(procedures['engines:acceptHostKey']({ host: '127.0.0.1', port: sshd.port, fingerprint: 'SHA256:not-the-one' }, {} as never)).rejects.toThrow(/no longer presents/);
      await procedures['engines:acceptHostKey']({ host: '127.0.0.1', port: sshd.port, fingerprint: expected ?? '' }, {} as never);
      await waitFor(() => engine.info().state === 'connected', 10_000, 'the connection after accepting the key');
      expect(readFileSync(path.join(homeDir, '.ssh', 'known_hosts'), 'utf8')).toBe(`${sshd.knownHostsLine}\n`);
      expect(JSON.parse(readFileSync(path.join(homeDir, 'settings.json'), 'utf8')).engines).toEqual([{ id: added.id, name: 'box', address: 'ssh://minato-box' }]);
    } finally {
      registry.close();
    }
  });

  it('asks for the passphrase of an encrypted key, refuses a wrong one, connects with the right one', async () => {
    const homeDir = home({ config: hostBlock(sshd.keys.encrypted), trusted: true });
    const remote = remoteDeps(homeDir);
    const registry = createEngineRegistry();
    const procedures = engineProcedures({ registry, settings: await openSettingsStore(path.join(homeDir, 'settings.json')), remote });
    try {
      const added = await procedures['engines:add']({ name: 'locked', address: 'ssh://minato-box' }, {} as never);
      const engine = registry.get(added.id);
      await engine.ready();
      expect(engine.info()).toMatchObject({ state: 'unavailable', diagnosis: { reason: 'passphrase-needed', keyFile: sshd.keys.encrypted } });
      await expect(procedures['engines:unlockKey']({ keyFile: '/etc/hostname', passphrase: 'x' }, {} as never)).rejects.toThrow(/No engine is waiting/);
      await expect(procedures['engines:unlockKey']({ keyFile: sshd.keys.encrypted, passphrase: 'wrong' }, {} as never)).rejects.toThrow(/does not open/);
      await procedures['engines:unlockKey']({ keyFile: sshd.keys.encrypted, passphrase: sshd.keys.passphrase }, {} as never);
      await waitFor(() => engine.info().state === 'connected', 10_000, 'the connection after the passphrase');
    } finally {
      registry.close();
    }
  });

  it('notices a cut link within 15 s, says disconnected, reconnects and resyncs', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.plain), trusted: true })));
    const statuses: EngineInfo[] = [];
    const batches: ChangeBatch[] = [];
    engine.onStatus((info) => statuses.push(info));
    engine.onChanges((batch) => batches.push(batch));
    await engine.ready();
    expect(engine.info().state).toBe('connected');
    const sessions = sshd.sessionPids();
    expect(sessions.length).toBeGreaterThan(0);
    const cutAt = Date.now();
    for (const pid of sessions) process.kill(pid, 'SIGKILL');
    await waitFor(() => engine.info().state === 'disconnected', 15_000, 'the disconnected state');
    expect(Date.now() - cutAt).toBeLessThan(15_000);
    await waitFor(() => engine.info().state === 'connected', 15_000, 'the reconnection');
    await waitFor(() => batches.some((batch) => batch.resync), 2000, 'a resync batch');
    // Events flow on the new link.
    const id = await dockerCli(['create', '--name', testName(runId, 'after-cut'), ...testLabels(runId), TEST_IMAGE, 'true']);
    await waitFor(() => batches.some((batch) => batch.ids.includes(id)), 5000, 'an event over the new link');
    expect(statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['connected', 'disconnected']));
  });

  it('notices a link that goes silent (server frozen, TCP still open) within 15 s', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.plain), trusted: true })));
    await engine.ready();
    const before = new Set(sshd.sessionPids());
    expect(before.size).toBeGreaterThan(0);
    const frozenAt = Date.now();
    for (const pid of before) process.kill(pid, 'SIGSTOP');
    try {
      await waitFor(() => engine.info().state === 'disconnected', 15_000, 'the disconnected state');
      expect(Date.now() - frozenAt).toBeLessThan(15_000);
    } finally {
      for (const pid of before) process.kill(pid, 'SIGKILL');
    }
    await waitFor(() => engine.info().state === 'connected', 15_000, 'the reconnection');
  });

  it('checks and creates bind folders over SFTP, and opens a published port here through the same connection', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.plain), trusted: true })));
    await engine.ready();
    const transport = engine.transport();
    if (!transport?.folders || !transport.forward) throw new Error('An SSH engine offers folders and forwards.');
    const folder = path.join(scratch, 'remote-binds', 'a', 'b');
    expect(await transport.folders.status(folder)).toEqual({ exists: false, directory: false });
    await transport.folders.create(folder);
    expect(await transport.folders.status(folder)).toEqual({ exists: true, directory: true });
    expect(await transport.folders.status(path.join(sshd.dir, 'sshd_config'))).toEqual({ exists: true, directory: false });
    // The Run form's checks go there for an SSH engine (declared bindFolders: 'sftp').
    const registry = createEngineRegistry([engine]);
    const hostProcedures = imageProcedures(registry);
    const other = path.join(scratch, 'remote-binds', 'c');
    const resolved = path.join(realpathSync(scratch), 'remote-binds', 'c');
    expect(await hostProcedures['host:pathStatus']({ engineId: engine.info().id, path: other }, {} as never)).toEqual({ local: true, exists: false, directory: false, resolved });
    await hostProcedures['host:createFolder']({ engineId: engine.info().id, path: other }, {} as never);
    expect(await hostProcedures['host:pathStatus']({ engineId: engine.info().id, path: other }, {} as never)).toEqual({ local: true, exists: true, directory: true, resolved });
    // Links on the remote host are followed there (SFTP realpath): a link to / is a root bind, and a folder asked for
    // through a link into a system folder is refused, not created where the link leads.
    symlinkSync('/', path.join(scratch, 'remote-binds', 'r'));
    symlinkSync('/usr/local', path.join(scratch, 'remote-binds', 'data'));
    expect(await hostProcedures['host:pathStatus']({ engineId: engine.info().id, path: path.join(scratch, 'remote-binds', 'r') }, {} as never)).toMatchObject({ exists: true, resolved: '/' });
    const planted = path.join(scratch, 'remote-binds', 'data', `minato-test-${runId}`);
    await expect(hostProcedures['host:createFolder']({ engineId: engine.info().id, path: planted }, {} as never)).rejects.toMatchObject({ code: 'invalid-input' });
    expect(existsSync(path.join('/usr/local', `minato-test-${runId}`))).toBe(false);

    const name = testName(runId, 'web');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'sh', '-c', 'mkdir -p /www && echo hello-minato > /www/index.html && exec httpd -f -p 80 -h /www']);
    const hostPort = Number((await dockerCli(['port', name, '80/tcp'])).split(':').pop());
    const forward = await transport.forward('127.0.0.1', hostPort);
    try {
      const body = await waitFor(async () => {
        const response = await fetch(`http://127.0.0.1:${forward.localPort}/`).catch(() => undefined);
        return response?.ok ? response.text() : undefined;
      }, 10_000, 'the page through the forward');
      expect(body.trim()).toBe('hello-minato');
    } finally {
      forward.close();
    }
  });

  it('leaves nothing open on the server once the engine is closed', async () => {
    const engine = sshEngine('ssh://minato-box', remoteDeps(home({ config: hostBlock(sshd.keys.plain), trusted: true })));
    await engine.ready();
    await engine.docker().listContainers();
    expect(sshd.sessionPids().length).toBeGreaterThan(0);
    engine.close();
    await waitFor(() => sshd.sessionPids().length === 0, 5000, 'every sshd session to end');
  });

  it('refuses a changed host key with no way around it', async () => {
    const homeDir = home({ config: hostBlock(sshd.keys.plain), trusted: true });
    const remote = remoteDeps(homeDir);
    await sshd.changeHostKey();
    const engine = sshEngine('ssh://minato-box', remote);
    await engine.ready();
    expect(engine.info()).toMatchObject({ state: 'unavailable', diagnosis: { reason: 'host-key-changed', hostKey: { port: sshd.port } } });
    const fingerprint = engine.info().diagnosis?.hostKey?.fingerprint ?? '';
    expect(await remote.knownHosts.accept('127.0.0.1', sshd.port, fingerprint)).toBe(false);
    expect(readFileSync(path.join(homeDir, '.ssh', 'known_hosts'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('SSH engines where stream-local forwarding is refused', () => {
  let refusing: TestSshd;
  beforeAll(async () => {
    refusing = await startTestSshd(testDockerHost(), { streamLocal: false });
  });
  afterAll(async () => {
    await refusing?.stop();
  });

  it('falls back on docker system dial-stdio over the same connection', async () => {
    const dir = mkdtempSync(path.join(scratch, 'home-'));
    mkdirSync(path.join(dir, '.ssh'));
    writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `${refusing.knownHostsLine}\n`);
    writeFileSync(path.join(dir, '.ssh', 'config'), `Host *\n  IdentityFile ${refusing.keys.plain}\n`);
    const engine = sshEngine(`ssh://root@127.0.0.1:${refusing.port}`, remoteDeps(dir));
    await engine.ready();
    expect(engine.info().state).toBe('connected');
    expect(engine.transport()?.mode).toBe('dial-stdio');
    expect(Array.isArray(await engine.docker().listContainers())).toBe(true);
  });

  it('says what the remote docker CLI said when the engine socket is not there', async () => {
    const dir = mkdtempSync(path.join(scratch, 'home-'));
    mkdirSync(path.join(dir, '.ssh'));
    writeFileSync(path.join(dir, '.ssh', 'known_hosts'), `${refusing.knownHostsLine}\n`);
    writeFileSync(path.join(dir, '.ssh', 'config'), `Host *\n  IdentityFile ${refusing.keys.plain}\n`);
    const engine = sshEngine(`ssh://root@127.0.0.1:${refusing.port}/nonexistent/docker.sock`, remoteDeps(dir));
    await engine.ready();
    expect(engine.info().state).toBe('unavailable');
    expect(engine.info().diagnosis?.detail).toMatch(/dial-stdio .*exited .*nonexistent\/docker\.sock/s);
  });
});
