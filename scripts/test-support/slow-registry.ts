import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { testDockerHost, testLabels } from './fixtures';
import { startThrottledRelay } from './throttled-relay';

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

/** A relay that carries the registry's answers at `bytesPerSecond`: a layer download that is still running when a test acts. */
export async function startSlowLink(target: string, bytesPerSecond: number): Promise<SlowLink> {
  const relay = await startThrottledRelay(target, bytesPerSecond, 'download');
  return {
    address: relay.address,
    openTransfers: (bytes) => relay.openConnections().filter((carried) => carried >= bytes).length,
    carried: relay.carried,
    stop: relay.stop,
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
