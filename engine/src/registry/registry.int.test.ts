import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MinatoClient, type TaskSummary } from '../../contract';
import { startAuthRegistry, type AuthRegistry } from '../../../scripts/test-support/auth-registry';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { registryUploader, uploadMultiPlatform } from '../../../scripts/test-support/registry-upload';
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

describe('manifests of every kind, and paging', () => {
  it('lists the platforms of an OCI image index and of a Docker manifest list, reads each config, pages by Link', async () => {
    const registry = await startAuthRegistry('htpasswd');
    registries.push(registry);
    const { client } = engine;
    const upload = registryUploader(registry.address, registry.user, registry.password);
    const repositories = [`minato-test-${runId}/oci`, `minato-test-${runId}/list`];
    const oci = await uploadMultiPlatform(upload, repositories[0]!, 'multi', 'oci');
    const list = await uploadMultiPlatform(upload, repositories[1]!, 'multi', 'docker');
    await client.call('registries:add', { url: registry.address });
    await client.call('registries:login', { engineId: 'local', address: registry.address, username: registry.user, password: registry.password });

    for (const [repository, expected, mediaType] of [
      [repositories[0]!, oci.digest, 'application/vnd.oci.image.index.v1+json'],
      [repositories[1]!, list.digest, 'application/vnd.docker.distribution.manifest.list.v2+json'],
    ] as const) {
      const index = await client.call('registries:manifest', { address: registry.address, repository, reference: 'multi' });
      expect(index).toMatchObject({ kind: 'index', digest: expected, mediaType });
      if (index.kind !== 'index') throw new Error('not an index');
      expect(index.platforms.map((platform) => [platform.os, platform.architecture, platform.variant])).toEqual([
        ['linux', 'amd64', undefined],
        ['linux', 'arm64', 'v8'],
      ]);
      const arm = await client.call('registries:manifest', { address: registry.address, repository, reference: index.platforms[1]!.digest });
      if (arm.kind !== 'image') throw new Error('not an image manifest');
      const config = await client.call('registries:config', { address: registry.address, repository, digest: arm.configDigest });
      expect(config).toMatchObject({ architecture: 'arm64', env: ['PATH=/bin', 'ARCH=arm64'], labels: { 'org.opencontainers.image.title': 'minato-test' } });
      expect(config.history.map((step) => step.emptyLayer)).toEqual([false, true]);
    }

    // One repository a page: the second page comes from the first one's Link header, and the last has no next.
    const first = await client.call('registries:catalog', { address: registry.address, pageSize: 1 });
    expect(first.repositories).toHaveLength(1);
    expect(first.next).toBeDefined();
    const second = await client.call('registries:catalog', { address: registry.address, pageSize: 1, cursor: first.next });
    expect([...first.repositories, ...second.repositories].sort()).toEqual([...repositories].sort());
    // Registry 2.8 sends every tag at once whatever n says (3.0 pages them): following `next` to its end works either way.
    const tagsSeen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.call('registries:tags', { address: registry.address, repository: repositories[0]!, pageSize: 2, ...(cursor ? { cursor } : {}) });
      tagsSeen.push(...page.tags);
      cursor = page.next;
    } while (cursor);
    expect(tagsSeen.sort()).toEqual(['multi', 'multi-amd64', 'multi-arm64']);
    await client.call('registries:logout', { address: registry.address });
    await client.call('registries:remove', { address: registry.address });
  });
});
