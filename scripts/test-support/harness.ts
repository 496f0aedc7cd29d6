import type { Browser } from '@playwright/test';
import { newRunId, removeRunContainers } from './fixtures';
import { launchChromium } from './chromium';
import { startHeadless, type HeadlessServer } from './headless';
import { startTestEngine, type TestEngine } from './test-engine';

export interface Harness {
  engine: TestEngine;
  server: HeadlessServer;
  browser: Browser;
  /** Labels what this run creates, so cleanup removes that and nothing else. */
  runId: string;
}

/**
 * What every bench and the screenshot script need: the test engine, headless mode, Chromium — started in order,
 * stopped in reverse, with this run's containers removed, whatever happens. A failure exits non-zero with its reason.
 */
export function runWithHarness(label: string, body: (harness: Harness) => Promise<void>): void {
  const main = async () => {
    const engine = await startTestEngine();
    process.env.MINATO_TEST_DOCKER_HOST = engine.dockerHost;
    const runId = newRunId();
    const server = await startHeadless(engine.dockerHost);
    const browser = await launchChromium();
    try {
      await body({ engine, server, browser, runId });
    } finally {
      await browser.close();
      await server.stop();
      await removeRunContainers(runId);
      await engine.stop();
    }
  };
  main().catch((error: Error) => {
    console.error(`${label} failed to run: ${error.message}`);
    process.exit(1);
  });
}
