import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthRegistry, type AuthRegistry } from '../../../scripts/test-support/auth-registry';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { startHubStandin, type HubStandin } from '../../../scripts/test-support/hub-standin';
import { startRateLimitProxy, type RateLimitProxy } from '../../../scripts/test-support/rate-limit-proxy';
import { registryUploader, uploadMultiPlatform } from '../../../scripts/test-support/registry-upload';
import { testDockerHost } from '../../../scripts/test-support/fixtures';
import { standinRepositories } from '../../../scripts/test-support/hub-fixtures';

let home: string;
let standin: HubStandin;
let registry: AuthRegistry;
let proxy: RateLimitProxy;
let engine: EngineWithLog;

/** A loopback port nothing listens on: Hub "offline". */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const writeLogin = (login: boolean) =>
  writeFileSync(
    path.join(home, 'config.json'),
    JSON.stringify({ auths: login ? { 'https://index.docker.io/v1/': { auth: Buffer.from(`${registry.user}:${registry.password}`).toString('base64') } } : {} }),
  );

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-hub-home-'));
  standin = await startHubStandin(standinRepositories());
  registry = await startAuthRegistry('htpasswd');
  await uploadMultiPlatform(registryUploader(registry.address, registry.user, registry.password), 'library/busybox', 'latest', 'oci');
  proxy = await startRateLimitProxy(registry.address, { limit: 200, remaining: 187, windowSeconds: 21600 });
  writeLogin(true);
  engine = await connectEngineWith({
    env: { DOCKER_HOST: testDockerHost(), DOCKER_CONFIG: home, PATH: process.env.PATH, MINATO_HUB_URL: standin.url, MINATO_HUB_REGISTRY_URL: `http://${proxy.address}` },
    homeDir: home,
    settingsFile: path.join(home, 'minato', 'settings.json'),
  });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await proxy?.stop();
  await registry?.stop();
  await standin?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('Docker Hub through the engine', () => {
  it('searches with badges, stars, pulls and paging as Hub answers them', async () => {
    const first = await engine.client.call('hub:search', { query: 'busybox', pageSize: 1 });
    expect(first).toMatchObject({ total: 2, page: 1, hasNext: true });
    expect(first.results).toEqual([{ repository: 'library/busybox', description: 'Busybox base image.', badges: ['official'], stars: 3400, pulls: 7_000_000_000 }]);
    const second = await engine.client.call('hub:search', { query: 'busybox', page: 2, pageSize: 1 });
    expect(second).toMatchObject({ page: 2, hasNext: false, results: [{ repository: 'minatotest/busybox-tools', badges: [] }] });
    expect(standin.requests).toContain('/v2/search/repositories/?query=busybox&page=2&page_size=1');
  });

  it('reads a repository with its README as Markdown text, and its tags page by page', async () => {
    const repo = await engine.client.call('hub:repository', { repository: 'library/busybox' });
    expect(repo).toMatchObject({ repository: 'library/busybox', badges: ['official'], stars: 3400 });
    expect(repo.readme).toContain('```console');
    const tags = await engine.client.call('hub:tags', { repository: 'library/busybox', pageSize: 25 });
    expect(tags).toMatchObject({ total: 30, hasNext: true });
    expect(tags.tags).toHaveLength(25);
    // Attestations (`unknown/unknown`) are not platforms.
    expect(tags.tags[0]).toEqual({
      name: 'latest',
      digest: `sha256:${'0'.repeat(64)}`,
      size: 4_200_000,
      lastPushed: '2026-10-01T12:00:00.000000Z',
      images: [
        { platform: 'linux/amd64', digest: `sha256:${'0'.repeat(64)}`, size: 4_200_000 },
        { platform: 'linux/arm64/v8', digest: `sha256:${'1'.repeat(64)}`, size: 4_200_000 },
      ],
    });
    const last = await engine.client.call('hub:tags', { repository: 'library/busybox', page: 2, pageSize: 25 });
    expect(last).toMatchObject({ hasNext: false });
    expect(last.tags).toHaveLength(5);
  });

  it('says what is not on Hub, and refuses names that are not Hub repositories before asking', async () => {
    await expect(engine.client.call('hub:repository', { repository: 'library/nothing-here' })).rejects.toMatchObject({ code: 'not-found', key: 'hub.notFound' });
    await expect(engine.client.call('hub:repository', { repository: '../../v2/users' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it("turns Hub's 429 into the time to wait", async () => {
    standin.failWith(429, { 'retry-after': '120' });
    try {
      await expect(engine.client.call('hub:search', { query: 'busybox' })).rejects.toMatchObject({ code: 'limit', key: 'hub.rateLimited', params: { seconds: 120 } });
    } finally {
      standin.failWith(undefined);
    }
  });

  it('reads what the registry says is left with a HEAD (which costs no pull), as the stored Hub login', async () => {
    proxy.set(200, 187, 21600);
    const first = await engine.client.call('hub:rateLimit', { repository: 'library/busybox' });
    expect(first).toEqual({ authenticated: true, limit: { count: 200, windowSeconds: 21600 }, remaining: { count: 187, windowSeconds: 21600 } });
    // Asking again does not use a pull: the figure is the registry's, unchanged.
    expect(await engine.client.call('hub:rateLimit', { repository: 'library/busybox' })).toEqual(first);
    proxy.set(100, 42, 3600);
    expect(await engine.client.call('hub:rateLimit', { repository: 'library/busybox' })).toMatchObject({ limit: { count: 100 }, remaining: { count: 42, windowSeconds: 3600 } });
  });

  it('says the figure cannot be read when the registry has no such manifest, rather than "no limit"', async () => {
    await expect(engine.client.call('hub:rateLimit', { repository: 'library/nothing-here' })).rejects.toMatchObject({ code: 'not-found', key: 'hub.notFound', params: { what: 'library/nothing-here:latest' } });
  });

  it('reports a used-up limit (429) with the time to wait', async () => {
    proxy.set(100, 0, 3600);
    try {
      expect(await engine.client.call('hub:rateLimit', { repository: 'library/busybox' })).toEqual({
        authenticated: true,
        limit: { count: 100, windowSeconds: 3600 },
        remaining: { count: 0, windowSeconds: 3600 },
        exceeded: true,
        retrySeconds: 3600,
      });
    } finally {
      proxy.set(200, 187, 21600);
    }
  });

  it('says Hub is unreachable within seconds instead of waiting', async () => {
    const port = await closedPort();
    const offline = await connectEngineWith({
      env: { DOCKER_HOST: testDockerHost(), DOCKER_CONFIG: home, PATH: process.env.PATH, MINATO_HUB_URL: `http://127.0.0.1:${port}` },
      homeDir: home,
      settingsFile: path.join(home, 'minato-offline', 'settings.json'),
    });
    try {
      const started = Date.now();
      await expect(offline.client.call('hub:search', { query: 'nginx' })).rejects.toMatchObject({ code: 'engine-unavailable', key: 'hub.unreachable' });
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await offline.close();
    }
  });
});
