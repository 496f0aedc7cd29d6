import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { formatIPv4, parseCidr } from '../engine/contract/network-addresses';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { freeTestSubnet, removeRunNetworks } from '../scripts/test-support/test-networks';
import { DetailPage } from './pages/detail-page';
import { NetworksPage } from './pages/networks-page';
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';

const SHOTS = process.env.MINATO_SHOTS;
const host = (subnet: string, n: number) => formatIPv4(parseCidr(subnet)!.base + n);

/** What axe-core finds at serious or critical impact (WCAG 2.1 A/AA), each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.afterEach(async ({ runId }) => {
  // The run's containers go first (the fixture), then its networks; a container still on a network keeps it.
  await dockerCli(['rm', '-f', ...(await dockerCli(['ps', '-aq', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean)]).catch(() => undefined);
  await removeRunNetworks(runId);
});

test('create a network with a subnet, connect a container with an alias and a fixed address, see it, disconnect it, remove the network', async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const web = testName(runId, 'web');
  await dockerCli(['run', '-d', '--name', web, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  const name = testName(runId, 'net');
  const subnet = freeTestSubnet(runId);
  const networks = new NetworksPage(page);
  await networks.open();
  await expect(networks.row('bridge')).toContainText('built-in');
  await expect(networks.table.getByRole('button', { name: 'Remove network bridge' })).toHaveCount(0);

  // Create: each address checked as it is typed, the command following the form.
  await page.getByRole('button', { name: 'Create network…' }).click();
  const dialog = networks.createDialog;
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Subnet (optional)' }).fill(subnet.replace('.0/24', '.7/24'));
  await expect(dialog.getByRole('textbox', { name: 'Subnet (optional)' })).toHaveAccessibleDescription(`${subnet.replace('.0/24', '.7/24')} is not where its block starts: write ${subnet}.`);
  await dialog.getByRole('textbox', { name: 'Subnet (optional)' }).fill(subnet);
  await dialog.getByRole('textbox', { name: 'Gateway (optional)' }).fill('192.0.2.1');
  await expect(dialog.getByRole('textbox', { name: 'Gateway (optional)' })).toHaveAccessibleDescription(`The gateway 192.0.2.1 is not a usable address inside ${subnet}.`);
  await dialog.getByRole('textbox', { name: 'Gateway (optional)' }).fill(host(subnet, 1));
  await dialog.getByRole('textbox', { name: 'Labels' }).fill(`${TEST_LABEL}=1\n${TEST_LABEL}.run=${runId}`);
  await expect(dialog.locator('code')).toHaveText(`docker network create --subnet ${subnet} --gateway ${host(subnet, 1)} --label ${TEST_LABEL}=1 --label ${TEST_LABEL}.run=${runId} ${name}`);
  expect(await axeProblems(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Network ${name} was created.` }).locator('code')).toHaveText(
    `docker network create --subnet ${subnet} --gateway ${host(subnet, 1)} --label ${TEST_LABEL}=1 --label ${TEST_LABEL}.run=${runId} ${name}`,
  );
  await expect(networks.row(name)).toContainText(subnet);
  await expect(networks.row(name)).toContainText('No containers');

  // Connect from the network's page: a fixed address outside the subnet is refused before anything is sent.
  const networkPage = await networks.openNetwork(name);
  const form = networks.connectForm(name);
  await form.getByRole('combobox', { name: 'Container' }).selectOption({ label: web });
  await form.getByRole('textbox', { name: 'Aliases (optional)' }).fill('web-alias');
  await form.getByRole('textbox', { name: 'Fixed IPv4 (optional)' }).fill('192.0.2.10');
  await expect(form.getByRole('textbox', { name: 'Fixed IPv4 (optional)' })).toHaveAccessibleDescription(`192.0.2.10 is not a usable address inside ${subnet}, the subnet of ${name}.`);
  await expect(form.getByRole('button', { name: 'Connect', exact: true })).toBeDisabled();
  const ip = host(subnet, 10);
  await form.getByRole('textbox', { name: 'Fixed IPv4 (optional)' }).fill(ip);
  await expect(form.locator('code')).toHaveText(`docker network connect --alias web-alias --ip ${ip} ${name} ${web}`);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(networkPage.getByRole('status').filter({ hasText: `${web} was connected to ${name}.` })).toBeVisible();
  const member = networks.members(name).getByRole('row').filter({ hasText: web });
  await expect(member).toContainText(ip);
  await expect(member).toContainText('web-alias');
  expect(await axeProblems(page)).toEqual([]);
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'network-page-walk.png') });

  // Disconnect a running container: asked first, with the command.
  await member.getByRole('button', { name: `Disconnect ${web} from ${name}` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Disconnect this running container?' });
  await expect(confirm.locator('code')).toHaveText(`docker network disconnect ${name} ${web}`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(networkPage.getByRole('region', { name: 'Containers on this network' })).toContainText('No containers');

  // The container's own page: its networks, and a connect that names the network.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Containers' }).click();
  const detail = new DetailPage(page);
  await detail.openFor(web);
  const piece = detail.region.getByRole('region', { name: 'Network connections' });
  await expect(piece.getByRole('listitem').filter({ hasText: 'bridge' })).toBeVisible();
  await piece.getByRole('combobox', { name: 'Network' }).selectOption({ label: name });
  await piece.getByRole('textbox', { name: 'Aliases (optional)' }).fill('again');
  await expect(piece.locator('form code')).toHaveText(`docker network connect --alias again ${name} ${web}`);
  await piece.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(piece.getByRole('listitem').filter({ hasText: name })).toContainText('again');
  await piece.getByRole('button', { name: `Disconnect ${web} from ${name}` }).click();
  await page.getByRole('alertdialog', { name: 'Disconnect this running container?' }).getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(piece.getByRole('listitem').filter({ hasText: name })).toHaveCount(0);

  // Remove it from the list, after a confirmation.
  await networks.open();
  await networks.table.getByRole('button', { name: `Remove network ${name}` }).click();
  const remove = page.getByRole('alertdialog', { name: 'Remove this network?' });
  await expect(remove.locator('code')).toHaveText(`docker network rm ${name}`);
  await remove.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(remove).toBeHidden();
  await expect(networks.openButton(name)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Network ${name} was removed.` })).toBeVisible();
});

test('a container with no network of its own is told why it cannot join', async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const isolated = testName(runId, 'isolated');
  await dockerCli(['run', '-d', '--name', isolated, ...testLabels(runId), '--network', 'none', TEST_IMAGE, 'sleep', '300']);
  const detail = new DetailPage(page);
  await detail.openFor(isolated);
  const piece = detail.region.getByRole('region', { name: 'Network connections' });
  await expect(piece.getByRole('note')).toHaveText(`${isolated} runs with no network (--network none), so it cannot join one. Recreate it with a network to connect it.`);
  await expect(piece.getByRole('button', { name: 'Connect', exact: true })).toHaveCount(0);
});

test('prune lists the unused networks its filters take, removes exactly those, and shows labels as text', async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const group = `${TEST_LABEL}.prune=${runId}`;
  const hostile = '<img src=x onerror="window.__networksPwned=1">';
  for (const suffix of ['idle-a', 'idle-b', 'busy']) await dockerCli(['network', 'create', ...testLabels(runId), '--label', group, '--label', `note=${hostile}`, testName(runId, suffix)]);
  await dockerCli(['run', '-d', '--name', testName(runId, 'user'), ...testLabels(runId), '--network', testName(runId, 'busy'), TEST_IMAGE, 'sleep', '300']);
  const networks = new NetworksPage(page);
  await networks.open();

  // A label is engine text: shown as written, never read as HTML.
  const busy = await networks.openNetwork(testName(runId, 'busy'));
  await expect(busy.getByRole('region', { name: 'Settings' })).toContainText(`note=${hostile}`);
  expect(await page.evaluate(() => (window as { __networksPwned?: number }).__networksPwned)).toBeUndefined();
  await page.getByRole('button', { name: '← Networks' }).click();

  await page.getByRole('button', { name: 'Prune…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove unused networks' });
  await dialog.getByRole('textbox', { name: 'Labels (optional)' }).fill(group);
  const preview = dialog.getByRole('region', { name: 'What would be removed' });
  await expect(preview.getByRole('status')).toHaveText('These 2 networks have no container on them and would be removed:');
  await expect(preview.getByRole('listitem')).toHaveText([new RegExp(testName(runId, 'idle-a')), new RegExp(testName(runId, 'idle-b'))]);
  // The command as a person would type it: no until they did not give (Minato's own is said in a note).
  await expect(dialog.locator('code').first()).toContainText(`network prune --filter label=${group} -f`);
  await dialog.getByRole('textbox', { name: 'Created before (optional)' }).fill('24h');
  await expect(dialog.locator('code').first()).toContainText(`network prune --filter label=${group} --filter until=24h -f`);
  await dialog.getByRole('textbox', { name: 'Created before (optional)' }).fill('');
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Remove 2 networks' }).click();
  const result = dialog.getByRole('region', { name: 'What was removed' });
  await expect(result.getByRole('status')).toContainText('2 networks were removed.');
  await expect(result.getByRole('status')).toContainText('Exactly the networks the preview listed.');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(networks.openButton(testName(runId, 'idle-a'))).toHaveCount(0);
  await expect(networks.openButton(testName(runId, 'busy'))).toBeVisible();
});

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['ja-JP', 'light'],
  ['ja-JP', 'dark'],
] as const) {
  test.describe(`screenshots (${locale}, ${colorScheme})`, () => {
    test.use({ locale, colorScheme });
    test('the list, a network page, the create and prune forms at 1280×800 and 1024×700 pass axe (and are shot with MINATO_SHOTS)', async ({ server, runId, page }) => {
      const shoot = async (file: string) => {
        expect(await axeProblems(page), file).toEqual([]);
        if (!SHOTS) return;
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(SHOTS, file) });
      };
      const name = testName(runId, 'shots');
      const subnet = freeTestSubnet(runId, 1);
      await dockerCli(['network', 'create', ...testLabels(runId), '--label', 'com.example.team=web', '--subnet', subnet, '--gateway', host(subnet, 1), '--ip-range', `${host(subnet, 128)}/25`, '--attachable', name]);
      await dockerCli(['network', 'create', ...testLabels(runId), '--internal', testName(runId, 'backend')]);
      await dockerCli(['run', '-d', '--name', testName(runId, 'api'), ...testLabels(runId), '--network', name, '--network-alias', 'api', '--ip', host(subnet, 20), TEST_IMAGE, 'sleep', '300']);
      await dockerCli(['create', '--name', testName(runId, 'worker'), ...testLabels(runId), '--network', name, TEST_IMAGE, 'true']);
      await page.goto(server.url);
      const tag = `${locale.slice(0, 2)}-${colorScheme}`;
      for (const [width, height] of [
        [1280, 800],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.getByRole('navigation').getByRole('link', { name: /^(Networks|ネットワーク)$/ }).click();
        await expect(page.getByRole('table').getByText(name)).toBeVisible();
        await shoot(`networks-list-${tag}-${width}.png`);
        await page.getByRole('table').getByRole('button', { name: new RegExp(name) }).first().click();
        await expect(page.getByRole('region').getByRole('table').getByText(host(subnet, 20))).toBeVisible();
        await shoot(`networks-page-${tag}-${width}.png`);
        await page.getByRole('button', { name: /^← / }).click();
        await page.locator('.networks-tools button').first().click();
        await page.getByRole('dialog').getByRole('textbox').nth(1).fill('10.1.2.3/24');
        await shoot(`networks-create-${tag}-${width}.png`);
        await page.keyboard.press('Escape');
        await page.locator('.networks-tools button').nth(1).click();
        await expect(page.getByRole('dialog').getByRole('status')).toBeVisible();
        await shoot(`networks-prune-${tag}-${width}.png`);
        await page.keyboard.press('Escape');
      }
      // The container page's piece.
      await page.getByRole('navigation').getByRole('link').first().click();
      await page.getByRole('grid').getByRole('row', { name: testName(runId, 'api'), exact: true }).dblclick();
      await expect(page.locator('.container-networks')).toContainText(host(subnet, 20));
      await shoot(`networks-container-${tag}-1024.png`);
    });
  });
}
