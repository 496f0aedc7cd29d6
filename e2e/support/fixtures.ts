import { test as base } from '@playwright/test';
import { newRunId, removeRunContainers, testDockerHost } from '../../scripts/test-support/fixtures';
import { ContainersPage } from '../pages/containers-page';
import { startHeadless, type HeadlessServer } from '../../scripts/test-support/headless';

interface WorkerFixtures {
  server: HeadlessServer;
}

interface TestFixtures {
  runId: string;
  containers: ContainersPage;
}

/** One headless server per worker; each test gets its own run id (for labels) and an open containers page. */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  server: [
    async ({}, use) => {
      const server = await startHeadless(testDockerHost());
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  runId: async ({}, use) => {
    const runId = newRunId();
    await use(runId);
    await removeRunContainers(runId);
  },
  containers: async ({ page, server }, use) => {
    const containers = new ContainersPage(page);
    await containers.open(server.url);
    await use(containers);
  },
});

export { expect } from '@playwright/test';
