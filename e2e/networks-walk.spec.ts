import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { freeTestSubnet, removeRunNetworks } from '../scripts/test-support/test-networks';
import { DetailPage } from './pages/detail-page';
import { NetworksPage } from './pages/networks-page';
import { expect, test } from './support/fixtures';

/** What a new-user walk found on the Networks screens (and the danger button and container Summary they lead to). */

const SHOTS = process.env.MINATO_SHOTS;

test.afterEach(async ({ runId }) => {
  await dockerCli(['rm', '-f', ...(await dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean)]).catch(() => undefined);
  await removeRunNetworks(runId);
});

test('create keeps Create disabled and the command back while the name, subnet or IP range is wrong, each said by its field', async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const networks = new NetworksPage(page);
  await networks.open();
  await page.getByRole('button', { name: 'Create network…' }).click();
  const dialog = networks.createDialog;
  const create = dialog.getByRole('button', { name: 'Create', exact: true });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  const subnetField = dialog.getByRole('textbox', { name: 'Subnet (optional)' });
  const range = dialog.getByRole('textbox', { name: 'IP range (optional)' });
  const waiting = dialog.getByText('The docker command appears here once the name and every field above are valid.');

  await name.fill('Bad Name!');
  await expect(name).toHaveAccessibleDescription('Name the network with letters, digits, _ . and -, starting with a letter or digit.');
  await expect(create).toBeDisabled();
  await expect(waiting).toBeVisible();
  await expect(dialog.locator('code')).toHaveCount(0);

  const good = testName(runId, 'walk');
  await name.fill(good);
  await subnetField.fill('not-a-subnet');
  await expect(subnetField).toHaveAttribute('aria-invalid', 'true');
  await expect(create).toBeDisabled();
  await expect(dialog.getByText('--subnet not-a-subnet')).toHaveCount(0);

  const subnet = freeTestSubnet(runId);
  await subnetField.fill(subnet);
  await range.fill('10.98.0.0/25');
  await expect(range).toHaveAccessibleDescription(`The IP range 10.98.0.0/25 does not lie inside ${subnet}.`);
  await expect(create).toBeDisabled();
  await expect(waiting).toBeVisible();

  await range.fill(subnet.replace('.0/24', '.128/25'));
  await expect(create).toBeEnabled();
  await expect(waiting).toBeHidden();
  await expect(dialog.locator('code')).toHaveText(`docker network create --subnet ${subnet} --ip-range ${subnet.replace('.0/24', '.128/25')} ${good}`);
});

for (const locale of ['en-US', 'ja-JP'] as const) {
  test.describe(`${locale}`, () => {
    test.use({ locale });
    test('Networks has a visible title, and at 1024×700 its buttons share the title row, above the search', async ({ server, page }) => {
      await page.setViewportSize({ width: 1024, height: 700 });
      await page.goto(server.url);
      const title = locale === 'en-US' ? 'Networks' : 'ネットワーク';
      await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click();
      const heading = page.getByRole('heading', { level: 2, name: title, exact: true });
      const headingBox = (await heading.boundingBox())!;
      expect(headingBox.height).toBeGreaterThan(12);
      const create = page.getByRole('button', { name: locale === 'en-US' ? 'Create network…' : 'ネットワークを作成…' });
      const prune = page.getByRole('button', { name: locale === 'en-US' ? 'Prune…' : '不要なものを削除…' });
      const search = page.getByRole('searchbox');
      const [createBox, pruneBox, searchBox] = [(await create.boundingBox())!, (await prune.boundingBox())!, (await search.boundingBox())!];
      // Both buttons on the title's row (centres level with it), not wrapped onto a row of their own under the search.
      for (const box of [createBox, pruneBox]) expect(Math.abs(box.y + box.height / 2 - (headingBox.y + headingBox.height / 2))).toBeLessThan(8);
      expect(createBox.y + createBox.height).toBeLessThanOrEqual(searchBox.y);
      expect(pruneBox.x + pruneBox.width).toBeLessThanOrEqual(1024);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          for (const [width, height] of [
            [1024, 700],
            [1280, 800],
          ] as const) {
            await page.setViewportSize({ width, height });
            await page.screenshot({ path: path.join(SHOTS, `networks-walk-list-${locale.slice(0, 2)}-${colorScheme}-${width}.png`) });
          }
        }
      }
    });
  });
}

for (const colorScheme of ['dark', 'light'] as const) {
  test.describe(colorScheme, () => {
    test.use({ colorScheme });
    test('the danger button of a confirmation (remove a network) passes axe colour contrast', async ({ containers, runId, page }) => {
      await expect(containers.grid).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      const name = testName(runId, 'doomed');
      await dockerCli(['network', 'create', ...testLabels(runId), name]);
      const networks = new NetworksPage(page);
      await networks.open();
      await networks.table.getByRole('button', { name: `Remove network ${name}` }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm.getByRole('button', { name: 'Remove', exact: true })).toHaveClass(/danger/);
      const { violations } = await new AxeBuilder({ page }).include('[role="alertdialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
      if (SHOTS) {
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, `networks-walk-remove-${colorScheme}.png`) });
      }
      await page.keyboard.press('Escape');
    });
  });
}

test("a container's Summary lists its network aliases without the short id Docker 20.10 adds", async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const net = testName(runId, 'alias-net');
  const web = testName(runId, 'alias-web');
  await dockerCli(['network', 'create', ...testLabels(runId), net]);
  const id = await dockerCli(['run', '-d', '--name', web, ...testLabels(runId), '--network', net, '--network-alias', 'db', TEST_IMAGE, 'sleep', '300']);
  // The engine's own answer holds the short id among the aliases on this engine version; the Summary does not.
  const shortId = id.trim().slice(0, 12);
  expect(await dockerCli(['inspect', '--format', `{{json (index .NetworkSettings.Networks "${net}").Aliases}}`, web])).toContain(shortId);
  const detail = new DetailPage(page);
  await detail.openFor(web);
  const networksField = detail.region.locator('dt', { hasText: /^Networks$/ }).locator('xpath=following-sibling::dd[1]');
  await expect(networksField).toContainText(net);
  await expect(networksField).toContainText('db');
  await expect(networksField).not.toContainText(shortId);
});
