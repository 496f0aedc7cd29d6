import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { TEST_IMAGE, buildTestImage, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { ImagesPage } from './pages/images-page';
import { expect, test } from './support/fixtures';

// Downloads take the Blob path in tests: the native save picker cannot be driven headlessly.
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
});

/** Serious or critical WCAG 2.1 A/AA findings, each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 5).join(', ')}`);
}

const idOf = (ref: string) => dockerCli(['image', 'inspect', '--format', '{{.Id}}', ref]);

async function removeRepo(repo: string): Promise<void> {
  const ids = (await dockerCli(['image', 'ls', '-q', '--filter', `reference=${repo}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerCli(['rmi', '-f', ...new Set(ids)]).catch(() => undefined);
}

test('an image page shows layers, tags, config and users; Tag adds a name; Save downloads a docker save archive', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/page`;
  const ref = `${repo}:1`;
  await buildTestImage(runId, ref, `FROM ${TEST_IMAGE}\nENV GREETING=hello API_TOKEN=s3cr3t-value\nRUN head -c 2048 /dev/zero > /blob\nEXPOSE 8080\nCMD ["sh"]\n`);
  const user = testName(runId, 'user');
  await dockerCli(['create', '--name', user, ...testLabels(runId), ref]);
  const images = new ImagesPage(page);
  try {
    await expect(containers.grid).toBeVisible();
    await images.open();
    await expect(images.row(ref)).toContainText('1 container');
    const detail = await images.openImage(ref);
    await expect(detail.getByRole('heading', { name: ref })).toBeFocused();

    const layers = images.section(ref, 'Layers');
    await expect(layers.getByText('RUN head -c 2048 /dev/zero > /blob')).toBeVisible();
    await expect(layers.getByText('2.05kB')).toBeVisible();
    // The metadata steps after the RUN (EXPOSE, CMD, the build's labels) fold into one line.
    await expect(layers.getByText(/steps that add no files/).first()).toBeVisible();
    await expect(images.section(ref, 'Tags and digests')).toContainText(ref);
    await expect(images.section(ref, 'Containers made from it')).toContainText(user);
    const config = images.section(ref, 'Configuration');
    await expect(config).toContainText('GREETING=hello');
    await expect(config).not.toContainText('s3cr3t-value');
    await expect(config).toContainText('8080/tcp');
    await expect(images.section(ref, 'The docker commands')).toContainText(`docker history ${ref}`);
    expect(await axeProblems(page), 'the image page').toEqual([]);

    await images.tag(ref, `${repo}:also`);
    await expect(detail.getByRole('status').filter({ hasText: `Tagged as ${repo}:also.` })).toBeVisible();
    await expect(images.section(ref, 'Tags and digests')).toContainText(`${repo}:also`);
    expect(await idOf(`${repo}:also`)).toBe(await idOf(ref));

    const downloading = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Save as .tar…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`minato-test-${runId}_page_1.tar`);
    const file = await download.path();
    // A `docker save` archive: its manifest names the image's config (its id) and the tag.
    const manifest = JSON.parse(execFileSync('tar', ['-xOf', file, 'manifest.json'], { encoding: 'utf8' })) as Array<{ Config: string; RepoTags: string[] }>;
    expect(manifest[0]?.RepoTags).toEqual([ref]);
    expect(`sha256:${manifest[0]?.Config.replace(/\.json$/, '').replace(/^blobs\/sha256\//, '')}`).toBe(await idOf(ref));
    await expect(detail.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();

    await detail.getByRole('button', { name: '← All images' }).click();
    await expect(images.table).toBeVisible();
    await expect(images.table.getByRole('button', { name: `Open ${ref}`, exact: true })).toBeFocused();
  } finally {
    await dockerCli(['rm', '-f', user]).catch(() => undefined);
    await removeRepo(repo);
  }
});

test('Prune lists what would go with the space, removes exactly that, and says so', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/prune`;
  const make = async (name: string, bytes: number) => {
    const source = testName(runId, name);
    await dockerCli(['run', '--name', source, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', `head -c ${bytes} /dev/urandom > /data`]);
    const id = await dockerCli(['commit', '-c', `LABEL minato.test.run=${runId}`, source, `${repo}:moving`]);
    await dockerCli(['rm', source]);
    return id;
  };
  const dangling = await make('first', 300_000);
  await make('second', 1000);
  const images = new ImagesPage(page);
  try {
    await expect(containers.grid).toBeVisible();
    await images.open();
    await page.getByText('Dangling', { exact: true }).click();
    await expect(images.row(dangling.slice(7, 19))).toBeVisible();

    const dialog = await images.openPrune();
    await expect(dialog.locator('code').first()).toHaveText('docker image prune -f');
    await expect(dialog).toContainText('Minato removes only the images listed below');
    const preview = dialog.getByRole('region', { name: 'What would be removed' });
    await expect(preview).toContainText(dangling.slice(7, 19));
    await expect(preview.getByRole('status')).toContainText(/would be removed, giving back \d/);
    expect(await axeProblems(page), 'the prune preview').toEqual([]);
    await dialog.getByRole('button', { name: /^Remove \d+ images?$/ }).click();
    const result = dialog.getByRole('region', { name: 'What was removed' });
    await expect(result).toContainText(/Removed \d+ images?, .* given back\./, { timeout: 20_000 });
    await expect(result).toContainText('Exactly the images the preview listed.');
    await expect(result).toContainText(dangling.slice(7, 19));
    await expect(dockerCli(['image', 'inspect', dangling])).rejects.toThrow();
    await dialog.getByRole('button', { name: 'Close' }).click();
  } finally {
    await removeRepo(repo);
  }
});

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['ja-JP', 'light'],
  ['ja-JP', 'dark'],
] as const) {
  test.describe(`image page screenshot (${locale}, ${colorScheme})`, () => {
    test.use({ locale, colorScheme });
    test.skip(!process.env.MINATO_SHOTS, 'Screenshots only when MINATO_SHOTS names a folder.');

    test('the image page as a person sees it', async ({ server, runId, page }) => {
      const repo = `minato-test-${runId}/shot`;
      const ref = `${repo}:1`;
      await buildTestImage(runId, ref, `FROM ${TEST_IMAGE}\nENV MODE=production DB_PASSWORD=hunter2\nWORKDIR /app\nRUN head -c 40000 /dev/zero > /app/data\nEXPOSE 8080/tcp\nVOLUME /app/state\nCMD ["httpd", "-f", "-p", "8080"]\n`);
      try {
        await page.goto(server.url);
        await page.getByRole('navigation').getByRole('link').nth(1).click();
        await page.getByRole('button', { name: new RegExp(ref) }).first().click();
        await expect(page.getByRole('region', { name: new RegExp(ref) })).toBeVisible();
        await expect(page.locator('.layer-list').first()).toBeVisible();
        await page.screenshot({ path: `${process.env.MINATO_SHOTS}/image-page-${locale}-${colorScheme}.png` });
        // The list with its new column and filters, and the prune preview, in the same language and theme.
        await page.locator('.image-page-head button').click();
        await expect(page.getByRole('table')).toBeVisible();
        await page.screenshot({ path: `${process.env.MINATO_SHOTS}/images-list-${locale}-${colorScheme}.png` });
        await page.locator('.images-tools button').last().click();
        // "Every image no container was made from": a preview with entries in it (never pruned here).
        await page.getByRole('dialog').getByRole('radio').nth(1).check();
        await expect(page.getByRole('dialog').locator('.prune-list li').first()).toBeVisible();
        await page.screenshot({ path: `${process.env.MINATO_SHOTS}/prune-${locale}-${colorScheme}.png` });
      } finally {
        await removeRepo(repo);
      }
    });
  });
}
