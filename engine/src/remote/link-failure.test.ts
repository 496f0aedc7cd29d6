import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createKnownHosts } from './known-hosts';
import { LinkFailure } from './link-failure';
import { createPassphrases } from './ssh-auth';
import { openSshLink } from './ssh-link';

// Real failures of Node's net and dns under ssh2, as an SSH engine that cannot be reached meets them.
const homeDir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-link-'));
afterAll(() => rmSync(homeDir, { recursive: true, force: true }));

async function listening(server: net.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return (server.address() as net.AddressInfo).port;
}

async function linkFailure(host: string, port: number, readyTimeoutMs?: number): Promise<LinkFailure> {
  const options = { homeDir, env: {}, localUser: 'minato-test', knownHosts: createKnownHosts(homeDir, path.join(homeDir, 'none')), passphrases: createPassphrases() };
  const error = await openSshLink({ ...options, address: { host, port }, ...(readyTimeoutMs ? { readyTimeoutMs } : {}) }).then(
    (link) => {
      link.close();
      throw new Error(`${host}:${port} was reached`);
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LinkFailure);
  return error as LinkFailure;
}

describe('an SSH host that cannot be reached, diagnosed', () => {
  it('says the host name does not resolve', async () => {
    const failure = await linkFailure('nosuchhost.invalid', 22);
    expect(failure.diagnosis.reason).toBe('host-not-found');
    expect(failure.diagnosis.detail).toMatch(/nosuchhost\.invalid/);
  });

  it('says nothing listens on the port', async () => {
    // A port that was free a moment ago and is closed again: the connection is refused.
    const server = net.createServer();
    const port = await listening(server);
    await new Promise((resolve) => server.close(resolve));
    const failure = await linkFailure('127.0.0.1', port);
    expect(failure.diagnosis.reason).toBe('connection-refused');
    expect(failure.diagnosis.detail).toMatch(/ECONNREFUSED/);
  });

  it('says the host did not answer in time', async () => {
    // Accepts the connection and never speaks SSH.
    const sockets: net.Socket[] = [];
    const server = net.createServer((socket) => sockets.push(socket));
    const port = await listening(server);
    try {
      expect((await linkFailure('127.0.0.1', port, 300)).diagnosis.reason).toBe('connect-timeout');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
