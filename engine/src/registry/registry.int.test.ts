import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MinatoClient, type TaskSummary } from '../../contract';
import { startAuthRegistry, type AuthRegistry } from '../../../scripts/test-support/auth-registry';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, newRunId, testDocker, testDockerHost } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
let home: string;
let engine: EngineWithLog;
const registries: AuthRegistry[] = [];
const tagged: string[] = [];

/** Runs a task-starting call and waits for its task to end. */
async function taskOutcome(client: MinatoClient, start: () => Promise<{ taskId: string }>): Promise<TaskSummary> {
  const latest = new Map<string, TaskSummary>();
  const stop = client.subscribe('tasks:changes', {}, {
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

async function tagTestImage(address: string, name: string): Promise<string> {
  const repo = `${address}/minato-test-${runId}/${name}`;
  await testDocker().getImage(TEST_IMAGE).tag({ repo, tag: '1' });
  tagged.push(`${repo}:1`);
  return `${repo}:1`;
}

const imageHere = async (ref: string) => (await engine.client.call('images:inspect', { engineId: 'local', ref })).exists;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-registry-home-'));
  // The docker CLI's folder with a key of its own, which every login must leave as it was.
  writeFileSync(path.join(home, 'config.json'), JSON.stringify({ psFormat: 'table {{.Names}}', auths: {} }));
  engine = await connectEngineWith({
    env: { DOCKER_HOST: testDockerHost(), DOCKER_CONFIG: home, PATH: process.env.PATH },
    homeDir: home,
    settingsFile: path.join(home, 'minato', 'settings.json'),
  });
});

afterAll(async () => {
  for (const ref of tagged) await testDocker().getImage(ref).remove().catch(() => undefined);
  await engine?.close();
  for (const registry of registries) await registry.stop();
  rmSync(home, { recursive: true, force: true });
});

/** The full round trip on one registry: log in, push, browse, pull back, delete the tag, log out. */
async function roundTrip(registry: AuthRegistry, name: string) {
  const { client } = engine;
  const added = await client.call('registries:add', { url: registry.address });
  expect(added).toMatchObject({ address: registry.address, url: `http://${registry.address}`, plainHttp: true, store: { kind: 'config' } });
  expect(added.user).toBeUndefined();

  // Without a login the registry says so, in words a person acts on.
  await expect(client.call('registries:catalog', { address: registry.address })).rejects.toMatchObject({ code: 'permission-denied', key: 'registry.loginNeeded' });

  // The engine answers a wrong password on /auth with a 500: it reads as a wrong login, and the password is nowhere.
  const wrong = `wrong-${registry.password}`;
  const refused = await client.call('registries:login', { engineId: 'local', address: registry.address, username: registry.user, password: wrong }).catch((error: unknown) => error);
  expect(refused).toMatchObject({ code: 'permission-denied', key: 'registry.wrongLogin', message: `Wrong user name or password for ${registry.address}.` });
  expect(JSON.stringify(refused)).not.toContain(wrong);

  const loggedIn = await client.call('registries:login', { engineId: 'local', address: registry.address, username: registry.user, password: registry.password });
  expect(loggedIn.user).toBe(registry.user);
  expect(JSON.stringify(loggedIn)).not.toContain(registry.password);

  const ref = await tagTestImage(registry.address, name);
  const pushed = await taskOutcome(client, () => client.call('images:push', { engineId: 'local', ref }));
  expect(pushed).toMatchObject({ kind: 'push', subject: ref, command: `docker push ${ref}`, state: 'succeeded', progress: { percent: 100 } });
  expect(pushed.status).toMatch(/^sha256:[0-9a-f]{64}$/);

  const repository = `minato-test-${runId}/${name}`;
  const catalog = await client.call('registries:catalog', { address: registry.address });
  expect(catalog.repositories).toContain(repository);
  expect((await client.call('registries:tags', { address: registry.address, repository })).tags).toEqual(['1']);
  const manifest = await client.call('registries:manifest', { address: registry.address, repository, reference: '1' });
  expect(manifest).toMatchObject({ kind: 'image', digest: pushed.status });
  if (manifest.kind !== 'image') throw new Error('not an image manifest');
  expect(manifest.layers.length).toBeGreaterThan(0);
  const config = await client.call('registries:config', { address: registry.address, repository, digest: manifest.configDigest });
  expect(config).toMatchObject({ os: 'linux', env: ['PATH=/bin'], cmd: ['/bin/sh'] });
  expect(config.history.length).toBeGreaterThan(0);

  // Pulled back with the stored login, after the local copy is gone.
  await testDocker().getImage(ref).remove();
  expect(await imageHere(ref)).toBe(false);
  const pulled = await taskOutcome(client, () => client.call('images:pull', { engineId: 'local', ref }));
  expect(pulled.state).toBe('succeeded');
  expect(await imageHere(ref)).toBe(true);

  const deleted = await client.call('registries:deleteTag', { address: registry.address, repository, tag: '1' });
  expect(deleted.digest).toBe(manifest.digest);
  expect((await client.call('registries:tags', { address: registry.address, repository })).tags).toEqual([]);
  await expect(client.call('registries:manifest', { address: registry.address, repository, reference: '1' })).rejects.toMatchObject({ code: 'not-found' });

  await client.call('registries:logout', { address: registry.address });
  expect((await client.call('registries:list', {})).find((entry) => entry.address === registry.address)?.user).toBeUndefined();
  await client.call('registries:remove', { address: registry.address });
  expect(engine.logText()).not.toContain(registry.password);
  return { ref };
}

describe('private registries, with the logins the docker CLI keeps', () => {
  it('htpasswd (Basic): login into config.json, push, browse, pull back, delete the tag, log out', async () => {
    const registry = await startAuthRegistry('htpasswd');
    registries.push(registry);
    const file = path.join(home, 'config.json');
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const { client } = engine;
    await client.call('registries:add', { url: registry.address });
    await client.call('registries:login', { engineId: 'local', address: registry.address, username: registry.user, password: registry.password });
    // As the CLI writes it without a helper: auths[address].auth, the file's other keys kept, readable by its owner only.
    const written = JSON.parse(readFileSync(file, 'utf8')) as { psFormat: string; auths: Record<string, { auth: string }> };
    expect(written.psFormat).toBe(before.psFormat);
    expect(Buffer.from(written.auths[registry.address]?.auth ?? '', 'base64').toString()).toBe(`${registry.user}:${registry.password}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await client.call('registries:logout', { address: registry.address });
    await client.call('registries:remove', { address: registry.address });
    expect((JSON.parse(readFileSync(file, 'utf8')) as { auths: object }).auths).toEqual({});

    await roundTrip(registry, 'basic');
  });

  it('token auth: the token server is asked for the scopes the registry names, push and browse work', async () => {
    const registry = await startAuthRegistry('token');
    registries.push(registry);
    await roundTrip(registry, 'token');
    const scopes = registry.tokens?.requests.flat() ?? [];
    expect(scopes).toContain('registry:catalog:*');
    expect(scopes).toContain(`repository:minato-test-${runId}/token:delete`);
    expect(scopes).toContain(`repository:minato-test-${runId}/token:pull`);
  });

  it('plain HTTP to another machine needs consent, and an address that is no registry is not added', async () => {
    await expect(engine.client.call('registries:add', { url: 'http://192.0.2.10:5000' })).rejects.toMatchObject({ code: 'permission-denied', key: 'registry.plainHttpConsent' });
    await expect(engine.client.call('registries:add', { url: 'http://127.0.0.1:1' })).rejects.toMatchObject({ key: 'registry.unreachable' });
    expect(await engine.client.call('registries:list', {})).toEqual([]);
  });
});
