import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { ContainersPage } from './pages/containers-page';
import { DetailPage } from './pages/detail-page';
import { JAPANESE, RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

// What a new user's walk through the app found, each checked as that user saw it.

test('after an action on 60 containers the list stays in view under the Done note', async ({ containers, runId, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await ContainersPage.createMany(async (index) => {
    const name = testName(runId, `many-${String(index).padStart(2, '0')}`);
    await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
    return name;
  }, 60);
  await containers.showAll();
  await containers.search(runId);
  await expect(containers.count).toContainText('60');
  await containers.selectAllShown();
  await containers.act('Start');
  const outcome = page.getByRole('region', { name: 'Start' });
  await expect(outcome).toContainText('Done', { timeout: 60_000 });
  // The command names all 60 containers; it scrolls within a few lines instead of pushing the list off the window.
  expect((await outcome.boundingBox())!.height).toBeLessThan(160);
  await expect(containers.grid.getByRole('row', { name: testName(runId, 'many-00'), exact: true })).toBeInViewport({ ratio: 1 });
});

test.describe('in Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('a row’s status tooltip says the status in Japanese, as the row does', async ({ server, runId, page }) => {
    const name = testName(runId, 'status');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
    await page.goto(server.url);
    const status = page.getByRole('row', { name, exact: true }).locator('.status-text');
    await expect(status).toContainText('稼働');
    // Docker's own text ("Up 3 seconds") was the tooltip: English under Japanese, and frozen at the time listed.
    expect(await status.getAttribute('title')).toBe(await status.textContent());
  });

  test('Cancel and 実行 keep their words on one line beside a long problem at 1024×700', async ({ server, page }) => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(server.url);
    await expect(page.getByRole('grid')).toBeVisible();
    const run = RunDialogPage.inLanguage(page, JAPANESE);
    await run.open();
    await run.field('イメージ').fill(TEST_IMAGE);
    await run.dialog.getByRole('button', { name: 'ボリュームを追加' }).click();
    await run.field('ボリューム名またはホストのフォルダー').fill('$(pwd)');
    await run.field('コンテナ内のパス').fill('/app');
    await run.submit();
    await expect(run.dialog.locator('#run-problems')).toContainText('$(pwd)');
    const cancel = run.dialog.getByRole('button', { name: 'キャンセル', exact: true });
    const oneLine = (await run.dialog.getByRole('button', { name: 'ボリュームを追加' }).boundingBox())!.height;
    // Squeezed by the problem's text, キャンセル took three lines and 実行 two.
    for (const button of [cancel, run.runButton]) expect((await button.boundingBox())!.height).toBeLessThan(oneLine * 1.6);
  });
});

test('the Files tab draws its folder icon instead of an emoji that shows as a box without an emoji font', async ({ containers, runId, page }) => {
  const name = testName(runId, 'files');
  await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
  await containers.showAll();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.tab('Files');
  const open = detail.region.getByRole('button', { name: 'Open bin' });
  await expect(open).toBeVisible();
  await expect(open).not.toContainText('📁');
  await expect(open.locator('svg')).toHaveAttribute('aria-hidden', 'true');
});
