import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { SystemPage } from './pages/system-page';
import { expect, test } from './support/fixtures';

const SHOTS = process.env.MINATO_SHOTS;

/** Serious or critical WCAG 2.1 A/AA findings inside the System section, each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include('.system-view').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

/** Lines of a command box that its bottom edge cuts through (text boxes straddling it): 0 when it shows whole lines. */
async function cutLines(code: Locator): Promise<number> {
  return code.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const bottom = box.top + element.clientTop + element.clientHeight;
    const range = document.createRange();
    range.selectNodeContents(element);
    return [...range.getClientRects()].filter((line) => line.top < bottom - 0.5 && line.bottom > bottom + 0.5).length;
  });
}

async function cleanUp(runId: string): Promise<void> {
  const label = `label=${TEST_LABEL}.run=${runId}`;
  const volumes = (await dockerCli(['volume', 'ls', '-q', '--filter', label])).split('\n').filter(Boolean);
  if (volumes.length > 0) await dockerCli(['volume', 'rm', '-f', ...volumes]).catch(() => undefined);
  const networks = (await dockerCli(['network', 'ls', '-q', '--filter', label])).split('\n').filter(Boolean);
  if (networks.length > 0) await dockerCli(['network', 'rm', ...networks]).catch(() => undefined);
}

test('System: engine facts as docker info says, disk use on demand, a clean-up kept to its preview, and the events log filtered', async ({ containers, runId, page }) => {
  const runLabel = `${TEST_LABEL}.run=${runId}`;
  const stopped = testName(runId, 'stopped');
  const volume = testName(runId, 'unused-volume');
  // Long, so the events table at 1024 px must wrap it rather than cut it.
  const network = testName(runId, 'unused-network-whose-name-is-longer-than-its-column');
  // Container events carry the container's labels: one of them is markup, which must stay text.
  await dockerCli(['create', '--name', stopped, ...testLabels(runId), '--label', 'com.example.note=<img src=x onerror=alert(1)>', TEST_IMAGE, 'true']);
  await dockerCli(['volume', 'create', ...testLabels(runId), volume]);
  await dockerCli(['network', 'create', ...testLabels(runId), network]);
  const system = new SystemPage(page);
  try {
    await expect(containers.grid).toBeVisible();
    await system.open();

    // Engine: the same facts `docker info` gives for this engine.
    const info = await system.tab('Engine');
    const driver = await dockerCli(['info', '--format', '{{.Driver}}']);
    const api = await dockerCli(['version', '--format', '{{.Server.APIVersion}}']);
    await expect(info.locator('dt:text-is("Storage driver") + dd')).toContainText(driver);
    await expect(info.locator('dt:text-is("API version") + dd')).toHaveText(api);
    await expect(info.locator('dt:text-is("CPUs") + dd')).toHaveText(await dockerCli(['info', '--format', '{{.NCPU}}']));
    await expect(info.getByText('docker info', { exact: true })).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);

    // Disk use: nothing until asked; then the table, with our volume among the largest.
    const disk = await system.tab('Disk use');
    await disk.getByRole('button', { name: /Measure/ }).click();
    await expect(system.diskTable).toBeVisible({ timeout: 30_000 });
    await expect(system.diskTable.getByRole('row', { name: /Volumes/ })).toBeVisible();
    await expect(disk.getByText(/Measured at/)).toBeVisible();

    // Clean up: label filter on, preview, confirm naming counts, report as previewed.
    await page.setViewportSize({ width: 1024, height: 700 });
    const prune = await system.tab('Clean up');
    await prune.getByRole('checkbox', { name: 'Unused volumes' }).check();
    await prune.getByRole('textbox', { name: 'Only resources with this label' }).fill(runLabel);
    await expect(prune.getByText(`Label filter on: only resources labelled ${runLabel} are considered.`)).toBeVisible();
    await expect(prune.getByRole('checkbox', { name: 'Build cache', exact: true })).toBeDisabled();
    await prune.getByRole('button', { name: 'Preview' }).click();
    const preview = prune.getByRole('region', { name: 'Would remove' });
    await expect(preview.getByText(stopped, { exact: true })).toBeVisible();
    await expect(preview.getByText(volume, { exact: true })).toBeVisible();
    await expect(preview.getByText(network, { exact: true })).toBeVisible();
    await expect(preview.getByText(`This engine (API ${api}) removes unused named volumes too, not only anonymous ones.`)).toBeVisible();
    // The command as a person would type it for these choices (dangling images too, though none is listed), no until.
    const sameAs = prune.locator('.command-block code');
    await expect(sameAs).toHaveText(
      [`container prune --filter label=${runLabel} -f`, `network prune --filter label=${runLabel} -f`, `volume prune --filter label=${runLabel} -f`, `image prune --filter label=${runLabel} -f`].map(
        (line) => `docker ${line}`,
      ).join('\n'),
    );
    await expect(prune.getByText(/Minato also keeps each prune to exactly what the preview listed/)).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);
    await prune.getByRole('button', { name: 'Remove…' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Remove these?' });
    await expect(confirm).toContainText('This removes 1 stopped container, 1 network, and 1 volume.');
    await expect(confirm).toContainText(`docker container prune --filter label=${runLabel} -f`);
    await expect(confirm).not.toContainText('until=');
    // At 1024 px the commands wrap; the box shows whole lines, none cut in half by its height.
    expect(await cutLines(confirm.locator('.command-block code'))).toBe(0);
    await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
    const report = prune.getByRole('region', { name: 'Removed' });
    await expect(report.getByText('Exactly what the preview listed.')).toBeVisible({ timeout: 30_000 });
    await expect(report.getByText(volume, { exact: true })).toBeVisible();
    expect(await dockerCli(['ps', '-aq', '--filter', `name=${stopped}`])).toBe('');
    expect(await dockerCli(['volume', 'ls', '-q', '--filter', `name=${volume}`])).toBe('');

    // Events: the log has what just happened; filters narrow it; event text stays text.
    const events = await system.tab('Events');
    await expect(events.getByText(/the last 5,000 are kept/)).toBeVisible();
    await events.getByRole('textbox', { name: 'Name' }).fill(runId);
    await events.getByRole('combobox', { name: 'Type' }).selectOption('network');
    await events.getByRole('textbox', { name: 'Action' }).fill('destroy');
    const rows = system.eventsTable.getByRole('row');
    await expect(rows.filter({ hasText: network })).toHaveCount(1);
    await expect(rows.filter({ hasText: 'create' })).toHaveCount(0);
    // The long name wraps whole in its cell at 1024 px, and its title names it too.
    const nameCell = rows.filter({ hasText: network }).getByRole('cell', { name: network });
    await expect(nameCell).toHaveAttribute('title', new RegExp(`^${network} `));
    expect(await nameCell.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
    await events.getByRole('combobox', { name: 'Type' }).selectOption('container');
    await events.getByRole('textbox', { name: 'Action' }).fill('');
    await events.getByRole('textbox', { name: 'Label' }).fill('com.example.note');
    await expect(rows.filter({ hasText: stopped })).toHaveCount(2);
    await expect(rows.filter({ hasText: network })).toHaveCount(0);
    await expect(rows.filter({ hasText: '<img src=x onerror=alert(1)>' }).first()).toBeVisible();
    await expect(system.eventsTable.locator('img')).toHaveCount(0);
    expect(await axeProblems(page)).toEqual([]);
    await events.getByRole('searchbox', { name: 'Search events' }).fill('no-such-event-anywhere');
    await expect(events.getByText('No events match.')).toBeVisible();
  } finally {
    await cleanUp(runId);
  }
});

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['ja-JP', 'light'],
  ['ja-JP', 'dark'],
] as const) {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
    test.describe(`System screenshots (${locale}, ${colorScheme}, ${viewport.width}×${viewport.height})`, () => {
      test.use({ locale, colorScheme, viewport });
      test.skip(!SHOTS, 'Screenshots only when MINATO_SHOTS names a folder.');

      test('each tab as a person sees it', async ({ server, runId, page }) => {
        const at = `${locale}-${colorScheme}-${viewport.width}`;
        await dockerCli(['create', '--name', testName(runId, 'shot-stopped'), ...testLabels(runId), TEST_IMAGE, 'true']);
        await dockerCli(['volume', 'create', ...testLabels(runId), testName(runId, 'shot-volume')]);
        try {
          await page.goto(server.url);
          await expect(page.getByRole('grid')).toBeVisible();
          await page.getByRole('navigation').getByRole('link').filter({ hasText: /System|システム/ }).click();
          const tabs = page.getByRole('tab');
          await tabs.nth(0).click();
          await expect(page.locator('.system-facts').first()).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/system-info-${at}.png` });
          await tabs.nth(1).click();
          await page.locator('.system-disk button.primary').click();
          await expect(page.locator('.system-table')).toBeVisible({ timeout: 30_000 });
          await page.locator('.system-details summary').nth(2).click();
          await page.screenshot({ path: `${SHOTS}/system-disk-${at}.png` });
          await tabs.nth(2).click();
          await page.locator('.system-label-field input').fill(`${TEST_LABEL}.run=${runId}`);
          await page.locator('.system-choices input[type=checkbox]').nth(2).check();
          await page.locator('.system-prune .system-actions button.primary').click();
          await expect(page.locator('.system-preview .system-items li').first()).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/system-prune-${at}.png` });
          expect(await axeProblems(page)).toEqual([]);
          await page.locator('.system-prune .system-actions button.danger').click();
          await expect(page.getByRole('alertdialog')).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/system-confirm-${at}.png` });
          await page.keyboard.press('Escape');
          await expect(page.getByRole('alertdialog')).toBeHidden();
          await tabs.nth(3).click();
          await expect(page.locator('.system-events-table tbody tr').first()).toBeVisible();
          await page.screenshot({ path: `${SHOTS}/system-events-${at}.png` });
          expect(await axeProblems(page)).toEqual([]);
        } finally {
          await cleanUp(runId);
        }
      });
    });
  }
}
