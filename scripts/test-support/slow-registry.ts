import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testDockerHost, testLabels } from './fixtures';

const run = promisify(execFile);

export interface SlowLink {
  /** host:port of the relay; on loopback, so engines pull from it over plain HTTP as from the registry itself. */
  address: string;
  /** Connections still open that have carried at least `bytes` towards the engine: a layer being downloaded. */
  openTransfers(bytes: number): number;
  /** Bytes carried towards the engine so far, over all connections. */
  carried(): number;
  stop(): Promise<void>;
}

/**
 * A TCP relay in front of a registry that carries the registry's answers at `bytesPerSecond`: a real, slow link,
 * so a pull is still running when a test acts on it, and the test can see when the engine hangs up.
 */
export async function startSlowLink(target: string, bytesPerSecond: number): Promise<SlowLink> {
  const [targetHost, targetPort] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const open = new Map<net.Socket, { carried: number; upstream: net.Socket }>();
  let carried = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    const connection = { carried: 0, upstream };
    open.set(client, connection);
    let due = Date.now();
    upstream.on('data', (chunk: Buffer) => {
      connection.carried += chunk.length;
      carried += chunk.length;
      client.write(chunk);
      // A token bucket: each chunk books its share of time on the link; reading waits until the link is free.
      due = Math.max(due, Date.now()) + (chunk.length / bytesPerSecond) * 1000;
      const wait = due - Date.now();
      if (wait > 1) {
        upstream.pause();
        setTimeout(() => upstream.resume(), wait);
      }
    });
    client.pipe(upstream);
    const close = () => {
      open.delete(client);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    openTransfers: (bytes) => [...open.values()].filter((connection) => connection.carried >= bytes).length,
    carried: () => carried,
    stop: () =>
      new Promise((resolve) => {
        for (const client of open.keys()) client.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Pushes an image of one layer of `megabytes` of random data (it does not compress) to the registry under each of
 * `tags`, then removes it from the engine, so pulling it moves that many bytes. Returns the repository path, without
 * the registry and the tag.
 */
export async function pushRandomImage(registryAddress: string, runId: string, name: string, megabytes: number, tags = ['1']): Promise<string> {
  const repoPath = `minato-test-${runId}/${name}`;
  const refs = tags.map((tag) => `${registryAddress}/${repoPath}:${tag}`);
  const context = mkdtempSync(path.join(os.tmpdir(), 'minato-test-big-'));
  const env = { ...process.env, DOCKER_HOST: testDockerHost(), DOCKER_BUILDKIT: '0' };
  try {
    writeFileSync(path.join(context, 'blob'), randomBytes(megabytes * 1024 * 1024));
    writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY blob /blob\n');
    await run('docker', ['build', '-q', ...testLabels(runId), ...refs.flatMap((ref) => ['-t', ref]), context], { env });
    for (const ref of refs) await run('docker', ['push', ref], { env });
    await run('docker', ['rmi', ...refs], { env });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  return repoPath;
}
