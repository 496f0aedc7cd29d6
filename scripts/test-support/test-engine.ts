import { dockerHostOf, privateDaemonPaths, startPrivateDaemon, stopPrivateDaemon } from './private-daemon';
import { execFileSync } from 'node:child_process';
import { TEST_LABEL } from './fixtures';
import { ensureTestImage } from './test-image';

/** The private engine is ours alone: test containers an interrupted run left behind in its data root go. */
function removeLeftovers(dockerHost: string): void {
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=${TEST_LABEL}`], { env, encoding: 'utf8' }).split('\n').filter(Boolean);
  if (ids.length > 0) execFileSync('docker', ['rm', '-f', '-v', ...ids], { env, stdio: 'ignore' });
}

export interface TestEngine {
  dockerHost: string;
  /** Environment for child processes (tests, the headless server) so they find the same engine. */
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

/** The engine the tests use: the person's choice, or a private dockerd we start (Linux, root). */
export async function startTestEngine(): Promise<TestEngine> {
  const chosen = process.env.MINATO_TEST_DOCKER_HOST;
  if (chosen) {
    console.log(`Using the test engine at ${chosen} (MINATO_TEST_DOCKER_HOST).`);
    ensureTestImage(chosen);
    return { dockerHost: chosen, env: { MINATO_TEST_DOCKER_HOST: chosen }, stop: async () => {} };
  }
  if (process.platform !== 'linux' || process.getuid?.() !== 0) {
    throw new Error(
      'No test engine. Either run as root on Linux (the tests then start a private dockerd of their own), or set ' +
        'MINATO_TEST_DOCKER_HOST=unix:///path/to/docker.sock to a Docker engine the tests may use ' +
        '(they only touch containers labelled minato.test).',
    );
  }
  const paths = privateDaemonPaths();
  await stopPrivateDaemon(paths); // a daemon of ours left behind by an interrupted run
  await startPrivateDaemon(paths);
  const dockerHost = dockerHostOf(paths);
  console.log(`Started a private test engine at ${dockerHost}.`);
  ensureTestImage(dockerHost);
  removeLeftovers(dockerHost);
  return {
    dockerHost,
    env: { MINATO_TEST_DOCKER_HOST: dockerHost, MINATO_TEST_PRIVATE_DAEMON: paths.root },
    stop: () => stopPrivateDaemon(paths),
  };
}

