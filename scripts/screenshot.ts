// npm run screenshot — the README's picture: a few real containers in headless mode, photographed in Chromium.
import path from 'node:path';
import { chromium } from '@playwright/test';
import { TEST_IMAGE, dockerCli, newRunId, removeRunContainers, testLabels, testName } from './test-support/fixtures';
import { startHeadless } from './test-support/headless';
import { startTestEngine } from './test-support/test-engine';

const output = process.argv[2] ?? path.resolve(import.meta.dirname, '..', 'assets', 'screenshot.png');
const theme = (process.env.MINATO_SCREENSHOT_THEME ?? 'light') as 'light' | 'dark';
const locale = process.env.MINATO_SCREENSHOT_LOCALE ?? 'en-US';

async function main(): Promise<void> {
  const engine = await startTestEngine();
  process.env.MINATO_TEST_DOCKER_HOST = engine.dockerHost;
  const runId = newRunId();
  const server = await startHeadless(engine.dockerHost);
  const browser = await chromium.launch({
    executablePath: process.env.MINATO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const run = (name: string, ...args: string[]) => dockerCli(['run', '-d', '--name', testName(runId, name), ...testLabels(runId), ...args]);
    const compose = (project: string, service: string) => ['--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${service}`];
    await run('web', '-p', '127.0.0.1:8080:80', ...compose('shop', 'web'), TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/var/www');
    await run('worker', ...compose('shop', 'worker'), TEST_IMAGE, 'sleep', '3600');
    await run('cache', ...compose('shop', 'cache'), TEST_IMAGE, 'sleep', '3600');
    await run('docs', '-p', '127.0.0.1:8081:80', TEST_IMAGE, 'httpd', '-f', '-p', '80', '-h', '/var/www');
    const job = await run('nightly-job', TEST_IMAGE, 'sh', '-c', 'exit 0');
    await dockerCli(['wait', job]);
    await run('paused-tool', TEST_IMAGE, 'sleep', '3600');
    await dockerCli(['pause', testName(runId, 'paused-tool')]);

    const context = await browser.newContext({ viewport: { width: 1280, height: 760 }, colorScheme: theme, locale });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('grid').waitFor();
    await page.getByRole('radio', { name: /All|すべて/ }).check();
    await page.getByRole('grid').getByRole('row', { name: testName(runId, 'docs') }).click();
    await page.waitForTimeout(500);
    await page.screenshot({ path: output });
    console.log(`Saved ${output}`);
  } finally {
    await browser.close();
    await server.stop();
    await removeRunContainers(runId);
    await engine.stop();
  }
}

main().catch((error: Error) => {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
});
