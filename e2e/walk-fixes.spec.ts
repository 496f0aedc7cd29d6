import { TEST_LABEL, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** What a new user's walk found in Images, Volumes, Build and the header, measured in Chromium. */

async function removeVolumes(page: Page, runId: string): Promise<void> {
  await page.goto('about:blank');
  const names = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (names.length > 0) await dockerCli(['volume', 'rm', '-f', ...names]);
}

const openSection = async (page: Page, hash: string) => {
  await page.locator(`a[href="#${hash}"]`).click();
};

for (const [width, height] of [
  [1280, 800],
  [1024, 700],
] as const) {
  test.describe(`at ${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test('the Images section has a title and one normal-height pull field', async ({ containers, page }) => {
      await expect(containers.grid).toBeVisible();
      await openSection(page, 'images');
      await expect(page.getByRole('heading', { level: 2, name: 'Images' })).toBeVisible();
      const field = page.getByRole('combobox', { name: 'Image to pull' });
      const box = (await field.boundingBox())!;
      expect(box.height).toBeLessThan(40);
      expect(box.width).toBeGreaterThanOrEqual(200);
      expect(box.width).toBeLessThanOrEqual(430);
      // The Pull button sits on the field's line, not below a tall box.
      const button = (await page.getByRole('button', { name: 'Pull', exact: true }).boundingBox())!;
      expect(Math.abs(button.y + button.height / 2 - (box.y + box.height / 2))).toBeLessThan(6);
    });
  });
}

test('a refused pull reference is said by the field, and an error goes when the field changes', async ({ containers, page }) => {
  await expect(containers.grid).toBeVisible();
  await openSection(page, 'images');
  const field = page.getByRole('combobox', { name: 'Image to pull' });
  const form = page.getByRole('form', { name: 'Pull an image' });

  await field.fill('Not/A:valid-Ref:');
  await field.press('Enter');
  await expect(form.getByText('That is not an image reference Docker accepts', { exact: false })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // Nothing was sent: no pull is starting.
  await expect(form.locator('.pull-status')).toBeEmpty();
  await field.press('Backspace');
  await expect(form.getByText('That is not an image reference Docker accepts', { exact: false })).toBeHidden();

  // A registry nobody listens on fails fast; the failure belongs to that reference only.
  await field.fill('127.0.0.1:9/minato-test/nothing:1');
  await field.press('Enter');
  const failure = form.getByRole('status').locator('.error-text');
  await expect(failure).toBeVisible({ timeout: 30_000 });
  await field.press('End');
  await field.press('Backspace');
  await expect(failure).toBeHidden();
});

test('a volume name taken already is said under Name, focus goes there, Escape still closes, focus returns', async ({ containers, runId, page }) => {
  const name = testName(runId, 'taken');
  try {
    await dockerCli(['volume', 'create', ...testLabels(runId), name]);
    await expect(containers.grid).toBeVisible();
    await openSection(page, 'volumes');
    const opener = page.getByRole('button', { name: 'New volume' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'New volume' });
    const nameField = dialog.getByRole('textbox', { name: 'Name (empty: the engine chooses one)' });
    await nameField.fill(name);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const error = dialog.getByText(`${name}`, { exact: false }).and(dialog.locator('.error-text'));
    await expect(error).toBeVisible();
    await expect(nameField).toBeFocused();
    await expect(nameField).toHaveAttribute('aria-invalid', 'true');
    // Under Name, above Driver.
    const errorBox = (await error.boundingBox())!;
    expect(errorBox.y).toBeGreaterThan((await nameField.boundingBox())!.y);
    expect(errorBox.y).toBeLessThan((await dialog.getByRole('textbox', { name: 'Driver', exact: true }).boundingBox())!.y);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  } finally {
    await removeVolumes(page, runId);
  }
});

test('a dialog keeps focus when its focused button becomes disabled', async ({ containers, runId, page }) => {
  const name = testName(runId, 'pending');
  try {
    await expect(containers.grid).toBeVisible();
    await openSection(page, 'volumes');
    await page.getByRole('button', { name: 'New volume' }).click();
    const dialog = page.getByRole('dialog', { name: 'New volume' });
    await dialog.getByRole('textbox', { name: 'Name (empty: the engine chooses one)' }).fill(name);
    // A click focuses Create; it is disabled while the create runs; the dialog then closes on success.
    const create = dialog.getByRole('button', { name: 'Create' });
    await create.evaluate((button: HTMLButtonElement) => {
      button.focus();
      button.disabled = true;
    });
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  } finally {
    await removeVolumes(page, runId);
  }
});

test.describe('Volumes at 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('volumes named alike can be told apart, their label shows whole, and a volume page measures its size', async ({ containers, runId, page }) => {
    const first = testName(runId, 'alike-application-data-one');
    const second = testName(runId, 'alike-application-data-two');
    try {
      await dockerCli(['volume', 'create', ...testLabels(runId), first]);
      await dockerCli(['volume', 'create', ...testLabels(runId), second]);
      await expect(containers.grid).toBeVisible();
      await openSection(page, 'volumes');
      for (const name of [first, second]) {
        const link = page.getByRole('button', { name: `Open volume ${name}`, exact: true });
        await expect(link).toBeVisible();
        // Nothing of the name is cut: all of it is laid out in the cell.
        expect(await link.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
        const chip = page.getByRole('row').filter({ has: link }).locator('.label-chip');
        expect(await chip.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
      }
      await page.getByRole('button', { name: `Open volume ${first}`, exact: true }).click();
      const volumePage = page.getByRole('region', { name: `Volume ${first}` });
      await expect(volumePage.getByText('Not measured yet.')).toBeVisible();
      await volumePage.getByRole('button', { name: 'Measure', exact: true }).click();
      await expect(volumePage.getByText('Not measured yet.')).toBeHidden({ timeout: 30_000 });
    } finally {
      await removeVolumes(page, runId);
    }
  });
});

test('Build waits while the folder is not there, and its dismiss button says Cancel', async ({ containers, page }) => {
  await expect(containers.grid).toBeVisible();
  await openSection(page, 'images');
  await page.getByRole('button', { name: 'Build…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Build an image' });
  await dialog.getByRole('textbox', { name: 'Folder (build context)' }).fill('/minato-test-no-such-folder');
  await expect(dialog.getByText('There is no folder at this path on the machine Minato runs on.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Build', exact: true })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(dialog).toBeHidden();
});

test.describe('dark, Japanese, 1024×700', () => {
  test.use({ viewport: { width: 1024, height: 700 }, colorScheme: 'dark', locale: 'ja-JP' });

  test('the header label stays on one line and fields follow the dark theme', async ({ page, server }) => {
    await page.goto(server.url);
    const label = page.locator('#engine-switcher-label');
    await expect(label).toHaveText('エンジン');
    const lines = await label.evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    });
    expect(lines).toBe(1);

    await openSection(page, 'images');
    await page.getByRole('button', { name: 'ビルド…' }).click();
    const dialog = page.getByRole('dialog');
    const panel = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.background = 'var(--panel)';
      document.body.append(probe);
      const color = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return color;
    });
    for (const field of await dialog.locator('input[type="text"], textarea, select').all()) {
      expect(await field.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe(panel);
    }
  });
});
