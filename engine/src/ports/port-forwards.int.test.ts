import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortForwardOpened } from '../../contract';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { startTestSshd, type TestSshd } from '../../../scripts/test-support/sshd';
import { createEngineConnection } from '../engines/engine-connection';
import { createEngineRegistry } from '../engines/engine-registry';
import { createKnownHosts } from '../remote/known-hosts';
import { createPassphrases } from '../remote/ssh-auth';
import { portSubscriptions } from './port-forwards';

const runId = newRunId();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-forward-'));
let sshd: TestSshd;
let hostPort: number;

beforeAll(async () => {
  sshd = await startTestSshd(testDockerHost());
  const name = testName(runId, 'fwd');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'sh', '-c', 'mkdir -p /www && echo through-ssh > /www/index.html && exec httpd -f -p 80 -h /www']);
  hostPort = Number((await dockerCli(['port', name, '80/tcp'])).trim().split(':').at(-1));
});
afterAll(async () => {
  await removeRunContainers(runId);
  await sshd?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

function sshRegistry() {
  const home = path.join(scratch, `home-${Math.random().toString(36).slice(2)}`);
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(home, '.ssh', 'config'), `Host fwd-box\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.keys.plain}\n`);
  writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
  const remote = { homeDir: home, env: {}, knownHosts: createKnownHosts(home, '/nonexistent'), passphrases: createPassphrases(), insecureAllowed: () => false };
  const address = 'ssh://fwd-box';
  const connection = createEngineConnection({ id: 'ssh-fwd', name: 'ssh', kind: 'custom', address, remote, discover: async () => [{ endpoint: address, source: 'settings' }] });
  return { connection, registry: createEngineRegistry([connection]) };
}

const get = (port: number) =>
  new Promise<string>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(body));
    }).on('error', reject);
  });

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const flow = { paused: false, onResume: () => () => {} };

describe('ports:forward over a real sshd', () => {
  it('opens a published port on 127.0.0.1 here and closes it when the subscriber goes', async () => {
    const { connection, registry } = sshRegistry();
    try {
      await connection.ready();
      const opened: PortForwardOpened[] = [];
      const ends: unknown[] = [];
      const dispose = portSubscriptions(registry)['ports:forward']({ engineId: 'ssh-fwd', hostIp: '127.0.0.1', hostPort }, (event) => opened.push(event), (error) => ends.push(error), flow);
      await waitFor(() => opened[0], 10_000, 'the forward');
      expect(opened[0]).toMatchObject({ remoteHost: '127.0.0.1', remotePort: hostPort });
      expect(await get(opened[0]!.localPort)).toContain('through-ssh');
      dispose();
      expect(await refused(opened[0]!.localPort)).toBe(true);
      expect(ends).toEqual([]);
    } finally {
      registry.close();
    }
  });

  it('ends the forward when its engine leaves', async () => {
    const { connection, registry } = sshRegistry();
    try {
      await connection.ready();
      const opened: PortForwardOpened[] = [];
      const ends: unknown[] = [];
      const dispose = portSubscriptions(registry)['ports:forward']({ engineId: 'ssh-fwd', hostPort }, (event) => opened.push(event), (error) => ends.push(error ?? 'ended'), flow);
      await waitFor(() => opened[0], 10_000, 'the forward');
      registry.remove('ssh-fwd');
      expect(ends).toHaveLength(1);
      // The session disposes an ended subscription; the link's close closes its forwards either way.
      dispose();
      expect(await refused(opened[0]!.localPort)).toBe(true);
    } finally {
      registry.close();
    }
  });

  it('refuses an engine whose ports open directly', async () => {
    const local = createEngineConnection({ id: 'local', name: 'Local', discover: async () => [{ endpoint: testDockerHost(), source: 'default' }] });
    const registry = createEngineRegistry([local]);
    try {
      await local.ready();
      const ends: Array<{ code?: string } | undefined> = [];
      portSubscriptions(registry)['ports:forward']({ engineId: 'local', hostPort }, () => {}, (error) => ends.push(error as { code?: string }), flow)();
      expect(ends[0]?.code).toBe('invalid-input');
    } finally {
      registry.close();
    }
  });
});
