import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TEST_IMAGE, TEST_LABEL, dockerCli, removeRunContainers, testLabels, testName } from '../scripts/test-support/fixtures';
import type { Page } from '@playwright/test';
import { VolumesPage } from './pages/volumes-page';
import { expect, test } from './support/fixtures';

/** Serious or critical WCAG 2.1 A/AA findings, each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

// Downloads take the Blob path in tests: the native save picker cannot be driven headlessly.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
});

/**
 * The run's containers first (a volume a container still mounts cannot be removed), then its volumes, once the page
 * has gone: the helpers of a page still browsing hold their volumes until its subscriptions end.
 */
async function removeVolumes(page: Page, runId: string, ...unlabelled: string[]): Promise<void> {
  await page.goto('about:blank');
  await removeRunContainers(runId);
  const left = async () => [
    ...(await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean),
    ...(await Promise.all(unlabelled.map((name) => dockerCli(['volume', 'ls', '-q', '--filter', `name=^${name}$`])))).filter(Boolean),
  ];
  await expect
    .poll(async () => {
      const names = await left();
      if (names.length > 0) await dockerCli(['volume', 'rm', ...names]).catch(() => undefined);
      return left();
    })
    .toEqual([]);
}

test('create a volume, see it used by a container, browse and upload into it, remove it with the container after a confirmation naming both', async ({ server, runId, page }) => {
  const volumes = new VolumesPage(page);
  const name = testName(runId, 'vol');
  try {
    await page.goto(server.url);
    await volumes.open();
    const dialog = await volumes.create(name, `${TEST_LABEL}=1\n${TEST_LABEL}.run=${runId}`);
    // The command follows the form.
    await expect(dialog.locator('code')).toHaveText(`docker volume create --label ${TEST_LABEL}=1 --label ${TEST_LABEL}.run=${runId} ${name}`);
    await dialog.getByRole('button', { name: 'Create' }).click();
    const volumePage = volumes.volumePage(name);
    await expect(volumePage).toBeVisible();

    // A container made (never started) with the volume: the page lists it as a user, with no reload.
    const user = testName(runId, 'user');
    await dockerCli(['create', '--name', user, ...testLabels(runId), '-v', `${name}:/data`, TEST_IMAGE, 'true']);
    await expect(volumePage.getByRole('region', { name: 'Used by' }).getByText(user, { exact: true })).toBeVisible();

    // Browse: read-only first (no upload offered), then with changes allowed, upload a file and see it listed.
    await volumePage.getByRole('button', { name: 'Browse files' }).click();
    await expect(volumePage.getByText('This folder is empty.')).toBeVisible();
    await expect(volumePage.getByRole('button', { name: 'Upload files' })).toHaveCount(0);
    await volumePage.getByRole('checkbox', { name: /Allow changes/ }).check();
    await expect(volumePage.getByRole('button', { name: 'Upload files' })).toBeVisible();
    await volumePage.getByLabel('Upload files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('kept in a volume\n') });
    await expect(volumePage.getByRole('cell', { name: 'notes.txt', exact: true })).toBeVisible();
    expect(await axeProblems(page)).toEqual([]);

    // Back to the list: the row says who uses it.
    await volumePage.getByRole('button', { name: '← Volumes' }).click();
    await expect(volumes.row(name)).toContainText(user);
    expect(await axeProblems(page)).toEqual([]);

    // Remove: in use, so the dialog says by whom and Remove waits for consent to remove that container first.
    await volumes.table.getByRole('button', { name: `Remove volume ${name}`, exact: true }).click();
    const confirm = volumes.removeDialog(name);
    await expect(confirm).toContainText(`It is used by ${user}`);
    const submit = confirm.getByRole('button', { name: /^Remove/ });
    await expect(submit).toBeDisabled();
    await confirm.getByRole('checkbox').check();
    await expect(confirm.getByRole('listitem')).toHaveText([`Container ${user}`, `Volume ${name}`]);
    await expect(confirm.locator('code')).toHaveText(`docker rm -f ${user}\ndocker volume rm ${name}`);
    await confirm.getByRole('button', { name: 'Remove the container and the volume' }).click();
    await expect(volumes.row(name)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Volume ${name} was removed.` })).toBeVisible();
    expect(await dockerCli(['ps', '-aq', '--filter', `name=^${user}$`])).toBe('');
  } finally {
    await removeVolumes(page, runId);
  }
});

test('back a volume up to a .tar file and restore it into a new volume', async ({ server, runId, page }) => {
  const volumes = new VolumesPage(page);
  const source = testName(runId, 'saved');
  const restored = testName(runId, 'restored');
  try {
    await dockerCli(['volume', 'create', ...testLabels(runId), source]);
    await page.goto(server.url);
    await volumes.open();
    const volumePage = await volumes.openVolume(source);
    await volumePage.getByRole('button', { name: 'Browse files' }).click();
    await volumePage.getByRole('checkbox', { name: /Allow changes/ }).check();
    await volumePage.getByLabel('Upload files').setInputFiles({ name: 'song.txt', mimeType: 'text/plain', buffer: Buffer.from('la la la\n') });
    await expect(volumePage.getByRole('cell', { name: 'song.txt', exact: true })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await volumePage.getByRole('button', { name: 'Back up to a .tar file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${source}.tar`);
    const tarPath = await download.path();
    expect(execFileSync('tar', ['-tf', tarPath], { encoding: 'utf8' }).split('\n')).toContain('./song.txt');
    await expect(volumePage.getByRole('status').filter({ hasText: `Saved ${source}.tar` })).toBeVisible();

    await volumePage.getByRole('button', { name: '← Volumes' }).click();
    await page.getByRole('button', { name: 'Restore from .tar…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore a .tar into a new volume' });
    await dialog.getByLabel('Backup file (.tar)').setInputFiles({ name: 'backup.tar', mimeType: 'application/x-tar', buffer: readFileSync(tarPath) });
    await dialog.getByRole('textbox', { name: 'New volume’s name' }).fill(restored);
    await expect(dialog.locator('code').first()).toContainText(`docker volume create ${restored}`);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog.getByRole('status')).toHaveText(/Restored into/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const restoredPage = volumes.volumePage(restored);
    await expect(restoredPage).toBeVisible();
    await restoredPage.getByRole('button', { name: 'Browse files' }).click();
    await expect(restoredPage.getByRole('cell', { name: 'song.txt', exact: true })).toBeVisible();
  } finally {
    await removeVolumes(page, runId, restored);
  }
});

for (const [width, height] of [
  [1280, 800],
  [1024, 700],
] as const) {
  for (const [locale, colorScheme] of [
    ['en-US', 'light'],
    ['en-US', 'dark'],
    ['ja-JP', 'light'],
    ['ja-JP', 'dark'],
  ] as const) {
    test.describe(`volumes screenshots (${width}×${height}, ${locale}, ${colorScheme})`, () => {
      test.use({ locale, colorScheme, viewport: { width, height } });
      test.skip(!process.env.MINATO_SHOTS, 'Screenshots only when MINATO_SHOTS names a folder.');

      test('the Volumes section as a person sees it', async ({ server, runId, page }) => {
        const shot = (what: string) => page.screenshot({ path: `${process.env.MINATO_SHOTS}/volumes-${what}-${width}-${locale}-${colorScheme}.png` });
        const name = testName(runId, 'shot-data');
        try {
          await dockerCli(['volume', 'create', ...testLabels(runId), '--label', 'com.example.team=web', name]);
          await dockerCli(['volume', 'create', ...testLabels(runId)]);
          await dockerCli(['create', '--name', testName(runId, 'shot-db'), ...testLabels(runId), '-v', `${name}:/data`, TEST_IMAGE, 'true']);
          await page.goto(server.url);
          await page.locator('a[href="#volumes"]').click();
          await expect(page.locator('.volumes-table')).toBeVisible();
          await expect(page.locator(`[data-volume="${name}"]`)).toBeVisible();
          await shot('list');
          await page.locator(`[data-volume="${name}"]`).click();
          await expect(page.locator('.volume-page')).toBeVisible();
          await page.locator('.volume-section.wide > button').click();
          await expect(page.locator('.files-view')).toBeVisible();
          await shot('page');
          await page.locator('.volume-page-head button').click();
          await page.locator('.volumes-tools button').last().click();
          await expect(page.getByRole('dialog').locator('.prune-list li').first()).toBeVisible();
          await shot('prune');
          await page.keyboard.press('Escape');
          await page.locator('.volumes-tools button').first().click();
          await page.getByRole('dialog').locator('input').first().fill('my-data');
          await shot('create');
        } finally {
          await removeVolumes(page, runId);
        }
      });
    });
  }
}
