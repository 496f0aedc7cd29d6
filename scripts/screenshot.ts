// npm run screenshot — the README's picture: a few real containers in headless mode, photographed in Chromium.
import { runWithHarness } from './test-support/harness';
import path from 'node:path';
import { TEST_IMAGE, dockerCli, testLabels, testName } from './test-support/fixtures';

const output = process.argv[2] ?? path.resolve(import.meta.dirname, '..', 'assets', 'screenshot.png');
const theme = (process.env.MINATO_SCREENSHOT_THEME ?? 'light') as 'light' | 'dark';
const locale = process.env.MINATO_SCREENSHOT_LOCALE ?? 'en-US';

runWithHarness('screenshot', async ({ server, browser, runId }) => {
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
});
