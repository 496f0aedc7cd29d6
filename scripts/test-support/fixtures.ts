import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';

const run = promisify(execFile);

export const TEST_LABEL = 'minato.test';
export const TEST_PREFIX = 'minato-test-';
export const TEST_IMAGE = 'minato-test/busybox:1';

/** The engine tests talk to; the test runner sets it (a private dockerd, or one the person chose). */
export function testDockerHost(): string {
  const host = process.env.MINATO_TEST_DOCKER_HOST;
  if (!host) {
    throw new Error(
      'MINATO_TEST_DOCKER_HOST is not set. Run the tests with `npm test` (it starts a private engine), ' +
        'or set MINATO_TEST_DOCKER_HOST=unix:///path/to/docker.sock to use an engine of your choice.',
    );
  }
  return host;
}

export function testDocker(): Docker {
  return new Docker({ socketPath: testDockerHost().replace(/^unix:\/\//, '') });
}

/** Runs the real docker CLI against the test engine. */
export async function dockerCli(args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, {
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout.trim();
}

/** Builds a labelled test image from a Dockerfile text; the classic builder builds FROM a local image offline. */
export async function buildTestImage(runId: string, tag: string, dockerfile: string): Promise<void> {
  const context = mkdtempSync(path.join(os.tmpdir(), 'minato-test-image-'));
  try {
    writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
    await run('docker', ['build', '-q', ...testLabels(runId), '-t', tag, context], {
      env: { ...process.env, DOCKER_HOST: testDockerHost(), DOCKER_BUILDKIT: '0' },
    });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** `docker logs` as the CLI splits it: the container's stdout on its stdout, the container's stderr on its stderr. */
export async function dockerLogStreams(container: string): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await run('docker', ['logs', container], {
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { stdout, stderr };
}

/** `docker logs` with stdout and stderr both captured, as the CLI prints them to a terminal. */
export async function dockerLogs(container: string): Promise<string> {
  const { stdout, stderr } = await run('docker', ['logs', container], {
    env: { ...process.env, DOCKER_HOST: testDockerHost() },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout + stderr;
}

/** A run id ties every resource a test file makes to that file, so cleanup removes those and nothing else. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

export function testName(runId: string, name: string): string {
  return `${TEST_PREFIX}${runId}-${name}`;
}

export function testLabels(runId: string): string[] {
  return ['--label', `${TEST_LABEL}=1`, '--label', `${TEST_LABEL}.run=${runId}`];
}

/** Removes the containers this run made (by its label), and only those. */
export async function removeRunContainers(runId: string): Promise<void> {
  const ids = (await dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerCli(['rm', '-f', '-v', ...ids]);
}
