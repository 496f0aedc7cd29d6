import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { TEST_IMAGE, dockerCli, newRunId, testName } from '../scripts/test-support/fixtures';
import { startHeadless, type HeadlessServer } from '../scripts/test-support/headless';
import { standinRepositories } from '../scripts/test-support/hub-fixtures';
import { startHubStandin, type HubStandin } from '../scripts/test-support/hub-standin';
import { dockerHostOf, newPrivateDaemonPaths, removePrivateDaemonFiles, startPrivateDaemon, stopPrivateDaemon, type PrivateDaemonPaths } from '../scripts/test-support/private-daemon';
import { startRateLimitProxy, type RateLimitProxy } from '../scripts/test-support/rate-limit-proxy';
import { startTestRegistry, type TestRegistry } from '../scripts/test-support/registry';
import { ContainersPage } from './pages/containers-page';
import { HubPage } from './pages/hub-page';
import { ImagesPage } from './pages/images-page';
import { RunDialogPage } from './pages/run-dialog';

const runId = newRunId();
let registry: TestRegistry;
let proxy: RateLimitProxy;
let standin: HubStandin;
let daemon: PrivateDaemonPaths | undefined;
let server: HeadlessServer;
let home: string;
let pushed: string;

async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The test registry holds library/busybox (the test image), behind a proxy adding Hub's ratelimit-* headers.
  registry = await startTestRegistry();
  pushed = `${registry.address}/library/busybox:latest`;
  await dockerCli(['tag', TEST_IMAGE, pushed]);
  await dockerCli(['push', pushed]);
  proxy = await startRateLimitProxy(registry.address, { limit: 200, remaining: 187, windowSeconds: 21600 });
  // A daemon of this spec's own whose mirror is that proxy: `docker pull busybox` is served locally, never by Hub.
  daemon = newPrivateDaemonPaths();
  await startPrivateDaemon(daemon, ['--registry-mirror', `http://${proxy.address}`]);
  standin = await startHubStandin(standinRepositories());
  home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-e2e-hub-'));
  server = await startHeadless(dockerHostOf(daemon), {
    HOME: home,
    DOCKER_CONFIG: path.join(home, '.docker'),
    MINATO_SETTINGS_FILE: path.join(home, 'settings.json'),
    MINATO_HUB_URL: standin.url,
    MINATO_HUB_REGISTRY_URL: `http://${proxy.address}`,
  });
});

test.afterAll(async () => {
  await server?.stop();
  if (daemon) {
    await stopPrivateDaemon(daemon);
    removePrivateDaemonFiles(daemon);
  }
  await dockerCli(['rmi', pushed]).catch(() => undefined);
  await standin?.stop();
  await proxy?.stop();
  await registry?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

// First: the next test ends by using up the pull limit and stopping the stand-in.
test('the pull field offers Hub tags for a typed name, with the platforms the picked tag lists', async ({ page }) => {
  const images = new ImagesPage(page);
  await new ContainersPage(page).open(server.url);
  await images.open();
  const field = page.getByRole('combobox', { name: 'Image to pull' });
  await field.fill('busybox');
  const offered = page.getByRole('listbox', { name: 'Tags of busybox' });
  await expect(offered.getByRole('option', { name: 'latest', exact: true })).toBeVisible();
  await expect(offered.getByRole('option', { name: '1.35', exact: true })).toBeVisible();
  await offered.getByRole('option', { name: 'latest', exact: true }).click();
  await expect(field).toHaveValue('busybox:latest');
  // The stand-in lists linux/amd64, linux/arm64/v8 and an attestation (unknown/unknown) for every tag.
  const platform = page.getByRole('combobox', { name: 'Platform' });
  await expect(platform.getByRole('option')).toHaveText(['Engine default', 'linux/amd64', 'linux/arm64/v8']);
  await platform.selectOption('linux/amd64');
  await expect(page.getByText('docker pull --platform linux/amd64 busybox:latest', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Pull', exact: true }).click();
  await expect(images.pullStatus).toContainText('Pulled busybox:latest.', { timeout: 60_000 });
  await expect(images.row('busybox:latest')).toBeVisible();
  // The next test starts as if this one had not run: no busybox on the daemon, the proxy's count back where it was.
  await new Docker({ socketPath: daemon!.socket }).getImage('busybox:latest').remove();
  proxy.set(200, 187, 21600);
});

test('the pull field pages through a repository with more tags than one page, and reads on while a typed tag matches few', async ({ page }) => {
  const images = new ImagesPage(page);
  await new ContainersPage(page).open(server.url);
  await images.open();
  const field = page.getByRole('combobox', { name: 'Image to pull' });
  const offered = page.getByRole('listbox', { name: 'Tags of minatotest/many-tags' });
  const tagOptions = offered.getByRole('option').filter({ hasNotText: /tags…/ });
  await field.fill('minatotest/many-tags');
  await expect(tagOptions).toHaveCount(100);
  // The next page on demand, by the list's last option.
  await offered.getByRole('option', { name: 'More tags…' }).click();
  await expect(tagOptions).toHaveCount(200);
  // A typed tag narrows the list; the pages it needs (v240…v249 are on the third) are read by themselves.
  await field.fill('minatotest/many-tags:v24');
  // (v24 itself is what is typed, so it is not offered again.)
  await expect(tagOptions).toHaveText(Array.from({ length: 10 }, (_, index) => `v24${index}`));
  await expect(offered.getByRole('option', { name: 'More tags…' })).toHaveCount(0);
  expect(standin.requests.filter((request) => request.startsWith('/v2/repositories/minatotest/many-tags/tags')).map((request) => new URL(request, standin.url).searchParams.get('page'))).toEqual(['1', '2', '3']);
  await offered.getByRole('option', { name: 'v249', exact: true }).click();
  await expect(field).toHaveValue('minatotest/many-tags:v249');
});

test('Hub search → repository page → tags → Pull → Run, served by the stand-in and the mirror', async ({ page }) => {
  const hub = new HubPage(page);
  await new ContainersPage(page).open(server.url);
  await hub.open();
  // A first visit shows the official images people start with.
  for (const name of ['nginx', 'postgres', 'redis', 'node', 'python', 'alpine', 'ubuntu', 'busybox']) {
    await expect(hub.recommended.getByRole('button', { name: `Open ${name}`, exact: true })).toBeVisible();
  }

  // Hub refusing (429) is a message with the time to wait and a Retry, not a spinner.
  standin.failWith(429, { 'retry-after': '120' });
  await hub.search('busybox');
  await expect(hub.problem).toContainText("Docker Hub's pull limit is used up: try again in 120 s, or log in to Docker Hub to get more pulls.");
  standin.failWith(undefined);
  await hub.problem.getByRole('button', { name: 'Retry' }).click();

  await expect(hub.results).toContainText('2 repositories on Docker Hub');
  await expect(hub.result('busybox')).toContainText('Docker Official Image');
  await expect(hub.result('busybox')).toContainText('Busybox base image.');
  await expect(hub.result('busybox')).toContainText('3.4K stars');
  await expect(hub.result('busybox')).toContainText('7B pulls');
  await expect(hub.result('minatotest/busybox-tools')).not.toContainText('Docker Official Image');
  expect(await axeProblems(page)).toEqual([]);

  await hub.openRepository('busybox');
  // The README rendered from Markdown: its heading under the page's, its code as code.
  await expect(hub.readme.getByRole('heading', { name: 'Quick reference', level: 4 })).toBeVisible();
  await expect(hub.readme.locator('pre code')).toHaveText('$ docker run -it --rm busybox');
  // Nothing of the README runs or links anywhere but http(s); its remote image waits for consent.
  await expect(hub.readme.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', 'https://busybox.net/');
  await expect(hub.readme.getByRole('link', { name: 'Click me' })).toHaveCount(0);
  await expect(hub.readme).toContainText('Click me and the docs');
  expect(await page.evaluate(() => (window as { readmeRan?: boolean }).readmeRan)).toBeUndefined();
  await expect(hub.readme.locator('script, img')).toHaveCount(0);
  await expect(hub.readme).toContainText('This README shows 1 image from other sites (images.example.invalid).');
  await expect(hub.readme.getByRole('button', { name: 'Show images' })).toBeVisible();
  await expect(hub.readme).toContainText('Image not shown: logo');
  // The registry's own figures, read with a HEAD (which counts no pull).
  await expect(hub.rateLimit).toContainText('187 of 200 pulls left per 6 hours');
  await expect(hub.rateLimit).toContainText('Log in to Docker Hub (Registries) to get more pulls.');

  // Tags: digest, architectures, size, last pushed; 30 of them over two pages.
  await expect(hub.tags).toContainText('30 tags');
  await expect(hub.tagRow('latest')).toContainText('000000000000');
  await expect(hub.tagRow('latest')).toContainText('amd64, arm64/v8');
  await expect(hub.tagRow('latest')).toContainText('4.2MB');
  await expect(hub.tagRow('latest')).toContainText('2026');
  await hub.nextTagsPage();
  await expect(hub.tags.getByRole('row')).toHaveCount(6);
  await hub.previousTagsPage();
  await expect(hub.tagRow('latest')).toBeVisible();
  expect(await axeProblems(page)).toEqual([]);

  // Pull is a task on the engine; the mirror serves the Hub name.
  await hub.pull('busybox:latest');
  await expect(hub.pullStatus).toContainText('docker pull busybox:latest');
  await expect(hub.pullStatus).toContainText('busybox:latest was pulled.', { timeout: 60_000 });
  const engine = new Docker({ socketPath: daemon!.socket });
  expect((await engine.getImage('busybox:latest').inspect()).RepoDigests.length).toBeGreaterThan(0);

  // Run opens the Run form with the image filled in.
  await hub.run('busybox:latest');
  const run = new RunDialogPage(page);
  await expect(run.field('Image')).toHaveValue('busybox:latest');
  const name = testName(runId, 'hub');
  await run.field('Name').fill(name);
  await run.field('Command').fill('sleep 300');
  await run.submit();
  await expect(run.dialog).toBeHidden({ timeout: 30_000 });
  const created = await engine.getContainer(name).inspect();
  expect(created.Config.Image).toBe('busybox:latest');

  // A used-up limit (the registry answers 429) says how long to wait and that a login gives more.
  proxy.set(200, 0, 21600);
  // Run took the person to the new container; Explore starts again from its first page.
  await hub.open();
  await hub.openRepository('busybox');
  await expect(hub.rateLimit.getByRole('alert')).toHaveText('No pulls left: try again in 6 hours.');
  await expect(hub.rateLimit).toContainText('Log in to Docker Hub (Registries) to get more pulls.');

  // Hub gone: a state that says so, with Retry, instead of a spinner.
  await standin.stop();
  await page.getByRole('button', { name: 'Back to Explore' }).click();
  await hub.search('redis');
  await expect(hub.problem.getByRole('heading', { name: 'Docker Hub cannot be reached' })).toBeVisible({ timeout: 15_000 });
  await expect(hub.problem.getByRole('button', { name: 'Retry' })).toBeVisible();
});
