import AxeBuilder from '@axe-core/playwright';
import { dockerCli } from '../scripts/test-support/fixtures';
import { startTestRegistry, type TestRegistry } from '../scripts/test-support/registry';
import { pushRandomImage, startSlowLink, type SlowLink } from '../scripts/test-support/slow-registry';
import { ImagesPage } from './pages/images-page';
import { TasksPanelPage } from './pages/tasks-panel';
import { expect, test } from './support/fixtures';

const LAYER_MB = 48;
// About 8 s for the layer over the slow link: time to look, reload and cancel half-way.
const LINK_BYTES_PER_SECOND = 6 * 1024 * 1024;

let registry: TestRegistry;
let slow: SlowLink;
let repoPath: string;

test.beforeAll(async () => {
  registry = await startTestRegistry();
  // Tags of one image: each test pulls its own, so the panel (kept for the session) names each task once.
  repoPath = await pushRandomImage(registry.address, `e2e${Date.now().toString(36)}`, 'big', LAYER_MB, ['1', '2', '3']);
  slow = await startSlowLink(registry.address, LINK_BYTES_PER_SECOND);
});

test.afterAll(async () => {
  await slow?.stop();
  await registry?.stop();
});

const imageExists = (ref: string) => dockerCli(['image', 'inspect', ref]).then(() => true, () => false);

test('a pull shows in the tasks panel, and a cancel half-way leaves no image and no download on the engine', async ({ containers, page }) => {
  const ref = `${slow.address}/${repoPath}:1`;
  const title = `Pull ${ref}`;
  const images = new ImagesPage(page);
  const tasks = new TasksPanelPage(page);
  await expect(containers.grid).toBeVisible();
  await expect(tasks.button).toHaveText('Tasks');
  try {
    await images.open();
    await images.pull(ref);
    await expect(tasks.button).toHaveText('Tasks: 1 running');
    await tasks.open();
    await expect(tasks.task(title)).toContainText('Running');
    // Half the layer's bytes are the first half of the download half: 25 % of the whole.
    await expect.poll(() => tasks.percent(title), { timeout: 60_000 }).toBeGreaterThanOrEqual(25);
    await expect(tasks.task(title)).toContainText(/MB of 50\.\dMB/);
    await tasks.cancel(title);
    await expect(tasks.task(title)).toContainText('Cancelled');
    await expect(tasks.button).toHaveText('Tasks');
    await expect(images.pullStatus).toContainText('Pull cancelled.');

    // The engine hung up on the registry and kept nothing.
    await expect.poll(() => slow.openTransfers(1024 * 1024)).toBe(0);
    expect(slow.carried()).toBeLessThan(LAYER_MB * 1024 * 1024);
    expect(await imageExists(ref)).toBe(false);

    // What happened stays readable on demand.
    await tasks.openDetails(title);
    await expect(tasks.log(title)).toContainText('Pulling fs layer');
    await expect(tasks.layers(title)).toContainText('Downloading');
    await expect(tasks.task(title).getByText(`docker pull ${ref}`, { exact: true })).toBeVisible();
    // Every control of the status bar and the panel has a name, roles are used as meant, contrast holds.
    const scan = await new AxeBuilder({ page }).include('.status-bar').analyze();
    expect(scan.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
  } finally {
    await dockerCli(['rmi', ref]).catch(() => undefined);
  }
});

test('a pull goes on when the page that started it goes away, and ends in the panel', async ({ containers, page }) => {
  const ref = `${slow.address}/${repoPath}:2`;
  const title = `Pull ${ref}`;
  const images = new ImagesPage(page);
  const tasks = new TasksPanelPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    await images.open();
    await images.pull(ref);
    await expect(tasks.button).toHaveText('Tasks: 1 running');
    await page.reload();
    await tasks.open();
    await expect(tasks.task(title)).toContainText('Running');
    await expect(tasks.task(title)).toContainText('Done', { timeout: 60_000 });
    await expect(tasks.button).toHaveText('Tasks');
    expect(await imageExists(ref)).toBe(true);
  } finally {
    await dockerCli(['rmi', ref]).catch(() => undefined);
  }
});

test('a long pull that ends while the window is in the background shows a desktop notification', async ({ containers, page, context, server }) => {
  // Slower still, so the pull lasts more than the 10 s that make a task long.
  const slower = await startSlowLink(registry.address, LINK_BYTES_PER_SECOND / 2);
  const ref = `${slower.address}/${repoPath}:3`;
  const images = new ImagesPage(page);
  const tasks = new TasksPanelPage(page);
  await expect(containers.grid).toBeVisible();
  await context.grantPermissions(['notifications'], { origin: new URL(server.url).origin });
  // The real Notification still shows; the page also keeps what it was asked to show, for the test to read.
  await page.addInitScript(() => {
    const shown: string[] = [];
    class Recording extends Notification {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title} | ${options?.body ?? ''}`);
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording });
    Object.defineProperty(window, 'shownNotifications', { value: shown });
  });
  await page.reload();
  try {
    await images.open();
    await images.pull(ref);
    await expect(tasks.button).toHaveText('Tasks: 1 running');
    // Another tab in front, with focus no longer faked for every page: this window is in the background.
    await (await context.newCDPSession(page)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
    const other = await context.newPage();
    await other.bringToFront();
    expect(await page.evaluate(() => document.hasFocus())).toBe(false);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications), { timeout: 60_000 })
      .toEqual([`Pull ${ref} | Done`]);
    await other.close();
  } finally {
    await dockerCli(['rmi', ref]).catch(() => undefined);
    await slower.stop();
  }
});
