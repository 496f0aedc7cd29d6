import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { ContainersPage } from './pages/containers-page';
import { expect, test } from './support/fixtures';

const SHOTS = process.env.MINATO_SHOTS;

test.describe('container list against a real engine', () => {
  test('a container started with the docker CLI appears within 1 s, without a reload', async ({ containers, runId }) => {
    const name = testName(runId, 'appear');
    await expect(containers.connection).toHaveText(/Connected/);
    const startedAt = Date.now();
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await expect(containers.row(name)).toBeVisible({ timeout: 1000 });
    expect(Date.now() - startedAt).toBeLessThan(1000 + 2000); // the CLI itself takes a moment; the UI wait above is capped at 1 s
    await expect(containers.row(name)).toContainText('running');
  });

  test('Stop in the UI stops the container in the engine and teaches the command', async ({ containers, runId, page }) => {
    const name = testName(runId, 'stop-me');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.select(name);
    await containers.act('Stop');
    await expect.poll(() => dockerCli(['inspect', '-f', '{{.State.Status}}', name]), { timeout: 15_000 }).toBe('exited');
    await expect(page.getByText(`docker stop ${name}`).first()).toBeVisible();
    await containers.showAll();
    await expect(containers.row(name)).toContainText('exited');
  });

  test('bulk remove asks first, then removes exactly the selected containers', async ({ containers, runId, page }) => {
    const names = ['bulk-a', 'bulk-b', 'bulk-keep'].map((suffix) => testName(runId, suffix));
    for (const name of names) await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
    await containers.showAll();
    await containers.select(names[0]!);
    await containers.select(names[1]!);
    await containers.act('Remove');

    const dialog = containers.confirmDialog;
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(names[0]!);
    await expect(dialog).toContainText(`docker rm ${names[0]} ${names[1]}`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(await dockerCli(['ps', '-aq', '--filter', `name=${names[0]}`])).not.toBe('');

    await containers.act('Remove');
    await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(containers.row(names[0]!)).toBeHidden();
    await expect(containers.row(names[1]!)).toBeHidden();
    await expect(containers.row(names[2]!)).toBeVisible();
    const left = await dockerCli(['ps', '-a', '--format', '{{.Names}}', '--filter', `label=minato.test.run=${runId}`]);
    expect(left.split('\n')).toEqual([names[2]]);
    await expect(page.getByText(/docker rm/).first()).toBeVisible();
  });

  test('engine errors read as plain messages', async ({ containers, runId, page }) => {
    const name = testName(runId, 'busy');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.select(name);
    await containers.act('Remove');
    await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page.getByText('It is running: stop it first, or tick “Force”.')).toBeVisible();
    // The engine's own words are kept, one click away, and never a stack trace.
    await page.getByRole('region', { name: 'Remove' }).getByText('Details', { exact: true }).click();
    await expect(page.getByText(/running container/i).first()).toBeVisible();
    await expect(page.getByText(/at .*\.(ts|js):\d+/)).toHaveCount(0);
    expect(await dockerCli(['inspect', '-f', '{{.State.Status}}', name])).toBe('running');
  });
});

test.describe('times', () => {
  test('Up … and Created … count on between engine events, in the UI language', async ({ containers, runId }) => {
    const name = testName(runId, 'ticking');
    await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
    await containers.search(runId);
    const status = containers.status(name);
    await expect(status).toHaveText(/^Up (less than a second|\d+ seconds?)$/);
    const first = Number((await status.textContent())?.match(/\d+/)?.[0] ?? 0);
    // No event comes for a container that just runs: only the clock can move these.
    await expect(status).toHaveText(new RegExp(`^Up (${first + 2}|${first + 3}|${first + 4}) seconds$`), { timeout: 6000 });
    await expect(containers.row(name).getByRole('gridcell').last()).toHaveText(/seconds? ago|now/);
    await expect(containers.row(name).getByRole('gridcell').last()).not.toHaveText(/^in /);

    await dockerCli(['stop', '-t', '0', name]);
    await containers.showAll();
    await expect(containers.status(name)).toHaveText(/^Exited \(137\) (now|\d+ seconds? ago)$/);
  });
});

test.describe('a confirmation for 200 containers', () => {
  test.setTimeout(180_000);

  test('fits the window at 1280×800 and 1024×700, traps Tab, and Escape gives focus back', async ({ containers, runId, page }) => {
    const names = await ContainersPage.createMany(async (index) => {
      const name = testName(runId, `many-${String(index).padStart(3, '0')}`);
      await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
      return name;
    }, 200);
    await containers.showAll();
    await containers.search(runId);
    await expect(containers.count).toHaveText('200 containers');
    await containers.selectAllShown();
    const removeButton = page.getByRole('toolbar').getByRole('button', { name: 'Remove', exact: true });
    await removeButton.click();

    const dialog = containers.confirmDialog;
    const confirm = dialog.getByRole('button', { name: 'Remove', exact: true });
    const cancel = dialog.getByRole('button', { name: 'Cancel', exact: true });
    for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
      await page.setViewportSize(size);
      await expect(dialog).toBeVisible();
      // The whole dialog, buttons included, is inside the window; the long list scrolls inside it.
      const box = (await dialog.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      await expect(confirm).toBeInViewport({ ratio: 1 });
      await expect(cancel).toBeInViewport({ ratio: 1 });
      await expect(dialog.getByText(names[199]!, { exact: true })).toBeAttached();
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/confirm-200-${size.width}x${size.height}.png` });
    }

    // Focus starts on Cancel; Tab and Shift+Tab go round inside the dialog, never behind it.
    await expect(cancel).toBeFocused();
    const force = dialog.getByRole('checkbox', { name: /Force/ });
    await page.keyboard.press('Tab');
    await expect(confirm).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(force).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(confirm).toBeFocused();
    for (let step = 0; step < 8; step++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    }

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(removeButton).toBeFocused();

    // The same from the keyboard in the list: Escape lands back on the row.
    await containers.row(names[0]!).click();
    await page.keyboard.press('Delete');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(containers.row(names[0]!)).toBeFocused();

    // And the mouse can confirm, at the smaller size too.
    await containers.selectAllShown();
    await removeButton.click();
    await confirm.click();
    await expect(containers.count).toHaveText('0 containers', { timeout: 60_000 });
    expect(await dockerCli(['ps', '-aq', '--filter', `label=minato.test.run=${runId}`])).toBe('');
  });
});

test.describe('the list from the keyboard', () => {
  test('arrows, Space, Home/End, Escape, ←/→ on a Compose project, and the row menu', async ({ containers, runId, page }) => {
    const project = testName(runId, 'proj');
    const solo = ['a', 'b', 'c'].map((suffix) => testName(runId, suffix));
    for (const name of solo) await dockerCli(['create', '--name', name, ...testLabels(runId), TEST_IMAGE, 'true']);
    const members = ['db', 'web'].map((service) => testName(runId, `proj-${service}`));
    for (const [index, name] of members.entries()) {
      await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--label', `com.docker.compose.project=${project}`, '--label', `com.docker.compose.service=${['db', 'web'][index]}`, TEST_IMAGE, 'sleep', '300']);
    }
    await containers.showAll();
    await containers.search(runId);
    const projectRow = containers.grid.getByRole('row', { name: `Compose project ${project}` });
    const rowA = containers.row(solo[0]!);
    const rowB = containers.row(solo[1]!);
    const rowC = containers.row(solo[2]!);

    await rowA.click();
    await page.keyboard.press('ArrowDown');
    await expect(rowB).toBeFocused();
    await expect(rowB).toHaveAttribute('aria-selected', 'true');
    await expect(rowA).toHaveAttribute('aria-selected', 'false');
    // Space on a row the arrows selected keeps it selected; Ctrl+Space takes it away.
    await page.keyboard.press('Space');
    await expect(rowB).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Control+Space');
    await expect(rowB).toHaveAttribute('aria-selected', 'false');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(containers.selectedRows).toHaveCount(2);

    await page.keyboard.press('End');
    await expect(containers.row(members[1]!)).toBeFocused();
    await page.keyboard.press('Home');
    await expect(rowA).toBeFocused();
    await page.keyboard.press('PageDown');
    await expect(containers.row(members[1]!)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(containers.selectedRows).toHaveCount(0);

    // ← on a member goes to its project row; ← folds it, → unfolds it.
    await page.keyboard.press('ArrowLeft');
    await expect(projectRow).toBeFocused();
    await expect(projectRow).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(projectRow).toHaveAttribute('aria-expanded', 'false');
    await expect(containers.row(members[0]!)).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await expect(projectRow).toHaveAttribute('aria-expanded', 'true');
    await expect(containers.row(members[0]!)).toBeVisible();

    // Shift+F10 opens the row's menu, built from the same actions as the toolbar; Escape returns to the row.
    await rowC.click();
    await page.keyboard.press('Shift+F10');
    await expect(containers.menu.getByRole('menuitem', { name: /^Start/ })).toBeFocused();
    await expect(containers.menu.getByRole('menuitem', { name: /^Stop/ })).toHaveAttribute('aria-disabled', 'true');
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/row-menu.png` });
    await page.keyboard.press('Escape');
    await expect(containers.menu).toBeHidden();
    await expect(rowC).toBeFocused();

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help.getByText('Fold / unfold a Compose project')).toBeVisible();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/keyboard-help.png` });
    await page.keyboard.press('Escape');
    await expect(rowC).toBeFocused();

    // A right click on a running row acts on it: Stop from the menu stops it in the engine.
    await containers.row(members[1]!).click({ button: 'right' });
    await containers.menu.getByRole('menuitem', { name: /^Stop/ }).click();
    await expect.poll(() => dockerCli(['inspect', '-f', '{{.State.Status}}', members[1]!]), { timeout: 15_000 }).toBe('exited');
  });
});
