import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthRegistry, type AuthRegistry } from '../../../scripts/test-support/auth-registry';
import { makeCredentialHelper, type TestCredentialHelper } from '../../../scripts/test-support/credential-helper';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, testDocker, testDockerHost } from '../../../scripts/test-support/fixtures';
import { startTestRegistry } from '../../../scripts/test-support/registry';
import type { TaskSummary } from '../../contract';

const runId = newRunId();
let registry: AuthRegistry;
let helper: TestCredentialHelper;
const cleanups: Array<() => Promise<void> | void> = [];

/** An engine whose docker config folder holds `config`, with the test helper first on PATH. */
async function engineWithConfig(config: object, extraEnv: Record<string, string> = {}): Promise<{ engine: EngineWithLog; configFile: string }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-creds-'));
  const configFile = path.join(home, 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const engine = await connectEngineWith({
    env: { DOCKER_HOST: testDockerHost(), DOCKER_CONFIG: home, PATH: `${helper.bin}:${process.env.PATH ?? ''}`, ...extraEnv },
    homeDir: home,
    settingsFile: path.join(home, 'minato', 'settings.json'),
  });
  cleanups.push(async () => {
    await engine.close();
    rmSync(home, { recursive: true, force: true });
  });
  await engine.client.call('registries:add', { url: registry.address });
  return { engine, configFile };
}

/** Runs a task-starting call and waits for its task to end. */
async function taskOutcome(engine: EngineWithLog, start: () => Promise<{ taskId: string }>): Promise<TaskSummary> {
  const latest = new Map<string, TaskSummary>();
  const stop = engine.client.subscribe('tasks:changes', {}, {
    onEvent: (change) => {
      for (const task of change.type === 'snapshot' ? change.tasks : [change.task]) latest.set(task.id, task);
    },
  });
  try {
    const { taskId } = await start();
    return await waitFor(() => (latest.get(taskId)?.state === 'running' ? undefined : latest.get(taskId)), 60_000, 'the task to end');
  } finally {
    stop();
  }
}

const login = (engine: EngineWithLog, password = registry.password) =>
  engine.client.call('registries:login', { engineId: 'local', address: registry.address, username: registry.user, password });

beforeAll(async () => {
  registry = await startAuthRegistry('htpasswd');
  helper = makeCredentialHelper();
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await registry?.stop();
  helper?.remove();
});

describe('credential helpers, in the docker CLI order', () => {
  it('credsStore: the login goes to the helper, config.json keeps only an empty entry, logout erases it', async () => {
    const { engine, configFile } = await engineWithConfig({ credsStore: helper.name, currentContext: 'default' });
    const info = await login(engine);
    expect(info).toMatchObject({ user: registry.user, store: { kind: 'helper', helper: helper.name } });
    expect(JSON.parse(readFileSync(helper.storeFile, 'utf8'))).toEqual({ [registry.address]: { Username: registry.user, Secret: registry.password } });
    const config = readFileSync(configFile, 'utf8');
    expect(JSON.parse(config)).toEqual({ credsStore: helper.name, currentContext: 'default', auths: { [registry.address]: {} } });
    expect(config).not.toContain(registry.password);

    // The helper's login is what browsing uses.
    expect((await engine.client.call('registries:catalog', { address: registry.address })).repositories).toEqual([]);

    await engine.client.call('registries:logout', { address: registry.address });
    expect(JSON.parse(readFileSync(helper.storeFile, 'utf8'))).toEqual({});
    expect(JSON.parse(readFileSync(configFile, 'utf8')).auths).toEqual({});
    expect(engine.logText()).not.toContain(registry.password);
  });

  it('credHelpers[registry] comes before credsStore', async () => {
    const { engine } = await engineWithConfig({ credsStore: 'minato-test-absent', credHelpers: { [registry.address]: helper.name } });
    expect(await login(engine)).toMatchObject({ user: registry.user, store: { kind: 'helper', helper: helper.name } });
    expect(JSON.parse(readFileSync(helper.storeFile, 'utf8'))[registry.address]).toEqual({ Username: registry.user, Secret: registry.password });
    await engine.client.call('registries:logout', { address: registry.address });
  });

  it('a failing helper is named without what it was given', async () => {
    // A helper that prints its input back and fails: its words must not carry the password into the message.
    const bin = mkdtempSync(path.join(os.tmpdir(), 'minato-test-echo-helper-'));
    cleanups.push(() => rmSync(bin, { recursive: true, force: true }));
    const program = path.join(bin, 'docker-credential-minato-test-echo');
    writeFileSync(program, '#!/bin/sh\ncat\nexit 1\n');
    chmodSync(program, 0o755);
    const { engine } = await engineWithConfig({ credsStore: 'minato-test-echo' }, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    const failure = await login(engine).catch((error: unknown) => error);
    expect(failure).toMatchObject({ key: 'registry.helperFailed', params: { helper: 'minato-test-echo' } });
    expect(JSON.stringify(failure)).not.toContain(registry.password);
    expect(engine.logText()).not.toContain(registry.password);
  });

  it("Debian's docker-credential-pass with a throw-away GPG key stores and returns the login", async (context) => {
    if (!/docker-credential-pass/.test(execFileSync('sh', ['-c', 'command -v docker-credential-pass || true'], { encoding: 'utf8' }))) {
      context.skip();
    }
    const gnupg = mkdtempSync(path.join(os.tmpdir(), 'minato-test-gnupg-'));
    const store = mkdtempSync(path.join(os.tmpdir(), 'minato-test-pass-'));
    const env = { ...process.env, GNUPGHOME: gnupg, PASSWORD_STORE_DIR: store };
    cleanups.push(() => {
      execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env, stdio: 'ignore' });
      rmSync(gnupg, { recursive: true, force: true });
      rmSync(store, { recursive: true, force: true });
    });
    execFileSync('gpg', ['--batch', '--passphrase', '', '--quick-gen-key', 'minato-test@example.invalid', 'default', 'default', 'never'], { env, stdio: 'ignore' });
    execFileSync('pass', ['init', 'minato-test@example.invalid'], { env, stdio: 'ignore' });
    const { engine } = await engineWithConfig({ credHelpers: { [registry.address]: 'pass' } }, { GNUPGHOME: gnupg, PASSWORD_STORE_DIR: store });
    expect(await login(engine)).toMatchObject({ user: registry.user, store: { kind: 'helper', helper: 'pass' } });
    expect(JSON.parse(execFileSync('docker-credential-pass', ['list'], { env, encoding: 'utf8' }))).toEqual({ [registry.address]: registry.user });
    // Read back through the helper: the catalog needs the login.
    expect((await engine.client.call('registries:list', {}))[0]?.user).toBe(registry.user);
    expect((await engine.client.call('registries:catalog', { address: registry.address })).repositories).toEqual([]);
    await engine.client.call('registries:logout', { address: registry.address });
    expect((await engine.client.call('registries:list', {}))[0]?.user).toBeUndefined();
  });
});

describe('a credsStore whose helper is not installed', () => {
  it('pulls anonymously (public images still come) and a push names the missing helper', async () => {
    const open = await startTestRegistry();
    cleanups.push(() => open.stop());
    const ref = `${open.address}/minato-test-${runId}/public:1`;
    await testDocker().getImage(TEST_IMAGE).tag({ repo: `${open.address}/minato-test-${runId}/public`, tag: '1' });
    cleanups.push(() => testDocker().getImage(ref).remove().then(() => undefined, () => undefined));
    const { engine } = await engineWithConfig({ credsStore: 'minato-test-absent' });

    const pushed = await taskOutcome(engine, () => engine.client.call('images:push', { engineId: 'local', ref }));
    expect(pushed).toMatchObject({ state: 'failed', error: { key: 'registry.helperFailed', params: { helper: 'minato-test-absent' } } });

    // Put there by the CLI, then pulled by Minato after the local copy is gone.
    await dockerCli(['push', ref]);
    await testDocker().getImage(ref).remove();
    const pulled = await taskOutcome(engine, () => engine.client.call('images:pull', { engineId: 'local', ref }));
    expect(pulled.state).toBe('succeeded');
  });
});
