import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEngine, type ConnectedEngine } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';

const runId = newRunId();
let connected: ConnectedEngine;
const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-host-path-'));

beforeAll(async () => {
  connected = await connectEngine(testDockerHost());
});

afterAll(async () => {
  await connected?.close();
  await removeRunContainers(runId);
  rmSync(dir, { recursive: true, force: true });
});

describe('images, networks and host checks for the Run form', () => {
  it('says whether an image is here, with its EXPOSE and VOLUME as suggestions', async () => {
    const tag = `minato-test/suggest:${runId}`;
    const built = await dockerCli(['commit', '-c', 'EXPOSE 8080/tcp', '-c', 'EXPOSE 53/udp', '-c', 'VOLUME /data', await dockerCli(['create', '--name', testName(runId, 'base'), ...testLabels(runId), TEST_IMAGE, 'true']), tag]);
    try {
      const facts = await connected.client.call('images:inspect', { engineId: 'local', ref: tag });
      expect(facts.exists).toBe(true);
      expect(facts.id).toBe(built);
      expect(facts.exposedPorts).toEqual(expect.arrayContaining([{ containerPort: 8080, protocol: 'tcp' }, { containerPort: 53, protocol: 'udp' }]));
      expect(facts.volumes).toEqual(['/data']);
      expect(await connected.client.call('images:inspect', { engineId: 'local', ref: `minato-test/absent:${runId}` })).toEqual({ exists: false, exposedPorts: [], volumes: [] });
    } finally {
      await dockerCli(['rmi', tag]);
    }
  });

  it('lists networks and checks a host port before creating', async () => {
    const networks = await connected.client.call('networks:list', { engineId: 'local' });
    expect(networks.map((network) => network.name)).toEqual(expect.arrayContaining(['bridge', 'host', 'none']));

    const name = testName(runId, 'holder');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'sleep', '300']);
    const published = Number((await dockerCli(['port', name, '80/tcp'])).split(':').pop());
    expect(await connected.client.call('host:checkPort', { engineId: 'local', hostIp: '127.0.0.1', hostPort: published })).toEqual({ inUse: true, by: name });

    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const held = (blocker.address() as net.AddressInfo).port;
    expect((await connected.client.call('host:checkPort', { engineId: 'local', hostIp: '127.0.0.1', hostPort: held })).inUse).toBe(true);
    await new Promise((resolve) => blocker.close(resolve));
    expect(await connected.client.call('host:checkPort', { engineId: 'local', hostIp: '127.0.0.1', hostPort: held })).toEqual({ inUse: false });
  });

  it('names the volumes a person can pick, and says no folder dialog exists in headless mode', async () => {
    const volume = testName(runId, 'pickable');
    await dockerCli(['volume', 'create', volume]);
    try {
      expect(await connected.client.call('volumes:names', { engineId: 'local' })).toContain(volume);
    } finally {
      await dockerCli(['volume', 'rm', volume]);
    }
    expect(await connected.client.call('host:canPickFolder', {})).toEqual({ available: false });
  });

  it('tells whether a bind folder exists and creates it when asked', async () => {
    const folder = path.join(dir, 'site', 'public');
    const resolved = path.join(realpathSync(dir), 'site', 'public');
    expect(await connected.client.call('host:pathStatus', { engineId: 'local', path: folder })).toEqual({ local: true, exists: false, directory: false, resolved });
    await connected.client.call('host:createFolder', { engineId: 'local', path: folder });
    expect(await connected.client.call('host:pathStatus', { engineId: 'local', path: folder })).toEqual({ local: true, exists: true, directory: true, resolved });
  });

  it('refuses to create a socket path, a file-looking path or a system folder, even when asked directly', async () => {
    for (const refused of [path.join(dir, 'var', 'run', 'docker.sock'), path.join(dir, 'app.conf'), '/etc/minato-test-refused', '/var/run/minato-test-refused']) {
      await expect(connected.client.call('host:createFolder', { engineId: 'local', path: refused })).rejects.toMatchObject({ code: 'invalid-input' });
      expect(await connected.client.call('host:pathStatus', { engineId: 'local', path: refused })).toMatchObject({ exists: false });
    }
  });
});
