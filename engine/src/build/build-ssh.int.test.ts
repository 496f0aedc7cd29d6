import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../../scripts/test-support/engine-client';
import { connectEngineWith, type EngineWithLog } from '../../../scripts/test-support/engine-with-options';
import { dockerCli, newRunId, removeRunContainers, TEST_IMAGE, TEST_LABEL, testDockerHost, testLabels, testName } from '../../../scripts/test-support/fixtures';
import { startTestSshd, type TestSshd } from '../../../scripts/test-support/sshd';
import { buildWithMinato } from './build-test-helpers';

const runId = newRunId();
const scratch = mkdtempSync(path.join(os.tmpdir(), 'minato-test-build-ssh-'));
let sshd: TestSshd;
let engine: EngineWithLog;

beforeAll(async () => {
  sshd = await startTestSshd(testDockerHost());
  // A HOME whose ~/.ssh reaches the test sshd (in front of the test engine) with a trusted host key.
  const home = path.join(scratch, 'home');
  mkdirSync(path.join(home, '.ssh'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(home, '.ssh', 'config'), `Host build-box\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User root\n  IdentityFile ${sshd.keys.plain}\n`);
  writeFileSync(path.join(home, '.ssh', 'known_hosts'), `${sshd.knownHostsLine}\n`);
  engine = await connectEngineWith({ env: { DOCKER_HOST: testDockerHost() }, homeDir: home, settingsFile: path.join(scratch, 'settings.json') });
}, 60_000);

afterAll(async () => {
  await engine?.close();
  await sshd?.stop();
  await removeRunContainers(runId);
  const images = (await dockerCli(['image', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (images.length > 0) await dockerCli(['rmi', '-f', ...new Set(images)]);
  rmSync(scratch, { recursive: true, force: true });
});

describe('build on an SSH engine', () => {
  it('sends a folder of this machine over the SSH connection, as docker build does, and the image is on that engine', async () => {
    const added = await engine.client.call('engines:add', { name: 'build box', address: 'ssh://build-box' });
    await waitFor(async () => (await engine.client.call('engines:list', {})).find((info) => info.id === added.id && info.state === 'connected'), 20_000, 'the SSH engine to connect');
    const context = path.join(scratch, 'context');
    mkdirSync(context);
    writeFileSync(path.join(context, 'Dockerfile'), `FROM ${TEST_IMAGE}\nCOPY message /message\nLABEL ${TEST_LABEL}=1 ${TEST_LABEL}.run=${runId}\n`);
    writeFileSync(path.join(context, 'message'), `sent over ssh ${runId}\n`);
    expect(await engine.client.call('build:checkContext', { engineId: added.id, contextPath: context, dockerfile: 'Dockerfile' })).toMatchObject({ folder: 'ok', dockerfile: 'ok' });
    const tag = testName(runId, 'over-ssh');
    const task = await buildWithMinato(engine.client, { contextPath: context, tags: [tag] }, 120_000, added.id);
    expect(task.error?.message ?? task.state).toBe('succeeded');
    expect(task.command).toContain('docker -H ssh://build-box build');
    const images = await engine.client.call('images:list', { engineId: added.id });
    expect(images.some((image) => image.repoTags.includes(`${tag}:latest`))).toBe(true);
    expect(await dockerCli(['run', '--rm', ...testLabels(runId), `${tag}:latest`, 'cat', '/message'])).toBe(`sent over ssh ${runId}`);
  }, 180_000);
});
