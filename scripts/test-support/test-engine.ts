import { dockerHostOf, newPrivateDaemonPaths, removePrivateDaemonFiles, startPrivateDaemon, stopPrivateDaemon, sweepAbandonedRuns } from './private-daemon';
import { ensureTestImage } from './test-image';

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
  // Each run has its own daemon, folders and bridge: two runs on one machine never stop each other's engine.
  sweepAbandonedRuns();
  const paths = newPrivateDaemonPaths();
  await startPrivateDaemon(paths);
  const dockerHost = dockerHostOf(paths);
  console.log(`Started a private test engine at ${dockerHost}.`);
  ensureTestImage(dockerHost);
  return {
    dockerHost,
    env: { MINATO_TEST_DOCKER_HOST: dockerHost, MINATO_TEST_PRIVATE_DAEMON: paths.root },
    stop: async () => {
      await stopPrivateDaemon(paths);
      removePrivateDaemonFiles(paths);
    },
  };
}

