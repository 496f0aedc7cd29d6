import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { expect, test } from './support/fixtures';

/** Roles a person operates; each must carry a name a screen reader can say. */
const OPERABLE = new Set(['button', 'checkbox', 'combobox', 'link', 'menuitem', 'radio', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'textbox']);

/** Operable controls in the page's accessibility tree (Chromium's own computation) whose name is empty. */
async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: { ignored: boolean; role?: { value: string }; name?: { value: string }; backendDOMNodeId?: number }[];
    };
    const unnamed: string[] = [];
    for (const node of nodes) {
      const role = node.role?.value ?? '';
      if (node.ignored || !OPERABLE.has(role) || (node.name?.value ?? '').trim() !== '') continue;
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId })) as { object: { objectId?: string } };
      const { result } = (await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }',
        returnByValue: true,
      })) as { result: { value: string } };
      unnamed.push(`${role}: ${result.value}`);
    }
    return unnamed;
  } finally {
    await cdp.detach();
  }
}

test.describe('in Japanese, dark, as the system says', () => {
  test.use({ locale: 'ja-JP', colorScheme: 'dark' });

  test('the UI follows the browser language and the OS theme, and both can be changed', async ({ server, page }) => {
    await page.goto(server.url);
    await expect(page.getByRole('navigation').getByText('コンテナ', { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    await page.getByRole('button', { name: '設定' }).click();
    await page.getByRole('dialog').getByRole('combobox', { name: '言語' }).selectOption('en');
    await expect(page.getByRole('dialog').getByRole('combobox', { name: 'Language' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByRole('dialog').getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByRole('grid', { name: 'Containers' })).toBeVisible();
    // Focus goes back where it was before the dialog opened.
    await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();
  });
});

for (const locale of ['en-US', 'ja-JP']) {
  test.describe(`accessible names (${locale})`, () => {
    test.use({ locale });

    test('every control on the list, the detail pane, its tabs, the Run form and the images has an accessible name', async ({ server, runId, page }) => {
      const name = testName(runId, 'named');
      await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80']);
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      await page.goto(server.url);
      await page.getByRole('searchbox').first().fill(runId);
      const row = page.getByRole('grid').getByRole('row', { name, exact: true });
      await expect(row).toBeVisible();
      expect(await unnamedControls(page)).toEqual([]);

      await row.dblclick();
      const detailTabs = page.getByRole('tablist').first().getByRole('tab');
      await expect(detailTabs.first()).toBeVisible();
      const names = await detailTabs.allTextContents();
      expect(names.length).toBeGreaterThan(3);
      // The terminal tab brings a tablist of its own: keep to the detail pane's.
      const detailTablist = page.getByRole('tablist').filter({ has: page.getByRole('tab', { name: names[0], exact: true }) });
      for (const tab of names) {
        await detailTablist.getByRole('tab', { name: tab, exact: true }).click();
        // Checked once the tab's panel shows and has loaded what it reads.
        const panel = page.getByRole('tabpanel', { name: tab, exact: true });
        await expect(panel).toBeVisible();
        await expect(panel).not.toContainText(/Loading…|読み込んでいます…/);
        expect(pageErrors, `the ${tab} tab`).toEqual([]);
        expect(await unnamedControls(page), `the ${tab} tab`).toEqual([]);
      }

      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: locale === 'ja-JP' ? 'コンテナを実行…' : 'Run a container…', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await unnamedControls(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('navigation').getByText(locale === 'ja-JP' ? 'イメージ' : 'Images', { exact: true }).click();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      expect(await unnamedControls(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
}

/** What axe-core finds at serious or critical impact (WCAG 2.1 A/AA), each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

for (const locale of ['en-US', 'ja-JP']) {
  test.describe(`axe (${locale})`, () => {
    test.use({ locale });

    test('the list, the detail pane, the row menu, the Run form and the images pass axe', async ({ server, runId, page }) => {
      const ja = locale === 'ja-JP';
      const name = testName(runId, 'axe');
      await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'httpd', '-f', '-p', '80']);
      await page.goto(server.url);
      await page.getByRole('searchbox').first().fill(runId);
      const row = page.getByRole('grid').getByRole('row', { name, exact: true });
      await expect(row).toBeVisible();
      await row.click();
      expect(await axeProblems(page), 'the list').toEqual([]);
      if (process.env.MINATO_SHOTS) await page.screenshot({ path: `${process.env.MINATO_SHOTS}/list-${locale}.png` });

      await row.press('Delete');
      await expect(page.getByRole('alertdialog')).toBeVisible();
      expect(await axeProblems(page), 'the remove confirmation').toEqual([]);
      await page.keyboard.press('Escape');
      await row.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await axeProblems(page), 'the keyboard help').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(row).toBeFocused();

      await row.press('Shift+F10');
      await expect(page.getByRole('menu')).toBeVisible();
      expect(await axeProblems(page), 'the row menu').toEqual([]);
      await page.keyboard.press('Escape');

      await row.dblclick();
      const tabs = page.getByRole('tablist').first().getByRole('tab');
      await expect(tabs.first()).toBeVisible();
      expect(await axeProblems(page), 'the detail pane').toEqual([]);
      await page.getByRole('tablist').first().getByRole('tab', { name: ja ? 'ログ' : 'Logs', exact: true }).click();
      expect(await axeProblems(page), 'the logs tab').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: ja ? 'コンテナを実行…' : 'Run a container…', exact: true }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      expect(await axeProblems(page), 'the Run form').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('navigation').getByText(ja ? 'イメージ' : 'Images', { exact: true }).click();
      await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
      expect(await axeProblems(page), 'the images').toEqual([]);
    });
  });
}
