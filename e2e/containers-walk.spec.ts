import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { DetailPage } from './pages/detail-page';
import { RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

// Found on a new user's walk through the Containers section.
const SHOTS = process.env.MINATO_SHOTS;

test.describe('containers: what a new user met', () => {
  test('? opens the keyboard help anywhere in the section, but types a ? in a text field', async ({ containers, page }) => {
    await expect(containers.connection).toHaveText(/Connected/);
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

    const search = page.getByRole('searchbox', { name: /Search/ });
    await search.click();
    await page.keyboard.press('?');
    await expect(search).toHaveValue('?');
    await expect(help).toBeHidden();
    await search.fill('');

    // From the sidebar button that names the key, and from the page itself (nothing focused).
    const button = page.getByRole('button', { name: /Keyboard shortcuts/ });
    await button.focus();
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('?');
    await expect(help).toBeVisible();
    await page.keyboard.press('Escape');
  });

  test('a bulk Stop counts the stopped rows as they go; after a bulk Remove focus moves to the next row', async ({ containers, runId, page }) => {
    // Each waits its own stop timeout (sleep ignores SIGTERM as PID 1), so the rows stop one after another.
    const names = await Promise.all(
      [1, 2, 3, 4, 5, 6].map(async (seconds) => {
        const name = testName(runId, `slow-stop-${seconds}`);
        await dockerCli(['run', '-d', '--name', name, '--stop-timeout', String(seconds), ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
        return name;
      }),
    );
    const after = testName(runId, 'slow-stop-z-after');
    await dockerCli(['create', '--name', after, ...testLabels(runId), TEST_IMAGE, 'true']);
    await containers.showAll();
    await containers.search(testName(runId, 'slow-stop'));
    await expect(containers.grid.getByRole('row')).toHaveCount(names.length + 2);
    for (const name of names) await containers.select(name);
    await containers.act('Stop');

    const progress = page.getByRole('toolbar').getByRole('status');
    await expect(progress).toHaveText(/^Stopping… [0-2] of 6$/);
    await expect(progress).toHaveText(/^Stopping… [3-5] of 6$/, { timeout: 15_000 });
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/bulk-stop-progress.png` });
    await expect(progress).toHaveText('', { timeout: 15_000 });
    for (const name of names) await expect(containers.row(name)).toContainText('exited');

    await containers.act('Remove');
    await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    for (const name of names) await expect(containers.row(name)).toBeHidden();
    await expect(containers.row(after)).toBeFocused();
  });

  test('an empty log says why it is empty instead of a blank box', async ({ containers, runId, page }) => {
    const quiet = testName(runId, 'quiet');
    const silent = testName(runId, 'silent');
    await dockerCli(['run', '-d', '--name', quiet, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await dockerCli(['run', '--name', silent, ...testLabels(runId), TEST_IMAGE, 'true']);
    await containers.showAll();
    const detail = new DetailPage(page);
    await detail.openFor(quiet);
    await detail.tab('Logs');
    await expect(detail.log).toHaveText('No output yet');
    await detail.openFor(silent);
    await detail.tab('Logs');
    await expect(detail.log).toHaveText('This container has written no logs');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/empty-log.png` });
  });

  test('a stopped container’s Terminal tab says so once, with a Start button that brings the terminal', async ({ containers, runId, page }) => {
    const name = testName(runId, 'stopped-shell');
    await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.showAll();
    const detail = new DetailPage(page);
    await detail.openFor(name);
    await detail.tab('Terminal');
    const status = detail.region.locator('.terminal-status');
    await expect(status).toContainText('The container is not running: start it to open a terminal.');
    await expect(status).not.toContainText('reconnects when it runs again');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/terminal-stopped.png` });
    await status.getByRole('button', { name: 'Start' }).click();
    await expect.poll(() => dockerCli(['inspect', '-f', '{{.State.Status}}', name]), { timeout: 15_000 }).toBe('running');
    await expect(status).not.toContainText('not running', { timeout: 15_000 });
  });

  test('the Edit form of a --rm container explains why instead of showing a stop/rm/run command', async ({ containers, runId, page }) => {
    const name = testName(runId, 'auto-remove');
    await dockerCli(['run', '-d', '--rm', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await expect(containers.row(name)).toBeVisible();
    const detail = new DetailPage(page);
    await detail.openFor(name);
    await detail.region.getByRole('button', { name: 'Edit…' }).click();
    const edit = RunDialogPage.editing(page, name);
    await expect(edit.dialog.locator('.run-command')).toContainText('it cannot be edited');
    await expect(edit.dialog.locator('.run-command')).not.toContainText('docker stop');
    await expect(edit.dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/edit-rm.png` });
  });

  test('at 1280×800 the State column shows a whole exit status and a running row’s memory figure', async ({ containers, runId, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const exited = testName(runId, 'killed');
    const running = testName(runId, 'busy-row');
    await dockerCli(['run', '-d', '--name', exited, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await dockerCli(['kill', exited]);
    await dockerCli(['run', '-d', '--name', running, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.showAll();
    await expect(containers.status(exited)).toContainText(/Exited \(137\)/);
    // The row's figures come with the first stats sample.
    const figures = containers.row(running).locator('.row-stats');
    await expect(figures).toContainText(/B$/);
    // Whether the element's text ends inside its cell, measured in one task so no re-render comes between.
    const fits = (locator: typeof figures, text?: string) =>
      locator.evaluate((element, worst) => {
        if (worst !== undefined) element.textContent = worst;
        const cell = element.closest('[role="gridcell"]')!.getBoundingClientRect();
        return element.getBoundingClientRect().right <= cell.right + 0.5;
      }, text);
    // "Exited (137) 42 seconds ago": as long as a status gets for the first minutes.
    expect(await fits(containers.status(exited), 'Exited (137) 42 seconds ago')).toBe(true);
    expect(await fits(figures)).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/columns-1280.png` });
  });

  test('the details pane keeps one width across its tabs, so the tab row stays under the pointer', async ({ containers, runId, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const name = testName(runId, 'pane-width');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await expect(containers.row(name)).toBeVisible();
    const detail = new DetailPage(page);
    await detail.openFor(name);
    const logsTab = detail.region.getByRole('tab', { name: 'Logs' });
    const boxes: Array<{ x: number; width: number } | null> = [];
    for (const tab of ['Summary', 'Logs', 'Stats', 'Summary']) {
      await detail.tab(tab);
      boxes.push(await logsTab.boundingBox());
    }
    expect(new Set(boxes.map((box) => `${box?.x},${box?.width}`)).size).toBe(1);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/pane-summary-width.png` });
  });
});
