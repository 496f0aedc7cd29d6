import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { DetailPage } from './pages/detail-page';
import { ImagesPage } from './pages/images-page';
import { RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

// Journeys that cross sections or tabs: what a person sees right after doing something, not just that it was done.

test('Run from the Images view lands on the new container’s details', async ({ containers, runId, page }) => {
  const name = testName(runId, 'from-image');
  const images = new ImagesPage(page);
  const detail = new DetailPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    await images.open();
    await images.run(TEST_IMAGE);
    const run = new RunDialogPage(page);
    await run.field('Name').fill(name);
    await run.field('Command').fill('sleep 300');
    await expect(run.dialog.locator('code')).toHaveText(`docker run -d --name ${name} ${TEST_IMAGE} sleep 300`);
    await run.submit();
    await expect(run.dialog).toBeHidden();

    await expect(page).toHaveURL(/#containers$/);
    await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Containers' })).toHaveAttribute('aria-current', 'page');
    await expect(detail.region.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(detail.region.getByRole('tab', { name: 'Summary', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(containers.row(name)).toHaveAttribute('aria-selected', 'true');
    await expect(containers.row(name)).toContainText('running');
  } finally {
    // The form adds no test labels, so this container is removed by the name the test gave it.
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
  }
});

test('docker run -it without -d opens the Terminal tab attached to the container’s shell', async ({ containers, runId, page }) => {
  const name = testName(runId, 'it');
  const detail = new DetailPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    const run = new RunDialogPage(page);
    await run.openWith(TEST_IMAGE, name, 'sh');
    await run.dialog.getByRole('checkbox', { name: 'Keep input open (-i)' }).check();
    await run.dialog.getByRole('checkbox', { name: 'Terminal (-t)' }).check();
    await run.dialog.getByRole('checkbox', { name: 'In the background (-d)' }).uncheck();
    // Exactly what the form says: no -d once it is unticked.
    await expect(run.dialog.locator('code')).toHaveText(`docker run -i -t --name ${name} ${TEST_IMAGE} sh`);
    await expect(run.dialog.getByText(/its Terminal tab opens attached/)).toBeVisible();
    await run.submit();
    await expect(run.dialog).toBeHidden();

    await expect(detail.region.getByRole('heading', { name, exact: true })).toBeVisible();
    await expect(detail.region.getByRole('tab', { name: 'Terminal', exact: true })).toHaveAttribute('aria-selected', 'true');
    await expect(detail.region.getByText(`docker attach ${name}`, { exact: true })).toBeVisible();
    await expect(detail.region.locator('.terminal-status')).not.toContainText(/connecting/i, { timeout: 10_000 });
    await detail.typeInTerminal('echo hi\n');
    // The shell's answer is a line of its own, after the echoed command.
    await expect(detail.terminalText.locator('> div', { hasText: /^hi\s*$/ })).toBeVisible({ timeout: 10_000 });
    // It is the container's main process that answered, not a new exec: it has no other process.
    expect(await dockerCli(['inspect', '-f', '{{.State.Running}} {{.Config.Tty}} {{.Config.OpenStdin}}', name])).toBe('true true true');
  } finally {
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
  }
});

test('docker run without -d or -it opens the Logs tab following the output', async ({ containers, runId, page }) => {
  const name = testName(runId, 'foreground');
  const detail = new DetailPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    const run = new RunDialogPage(page);
    await run.openWith(TEST_IMAGE, name, 'sh -c "sleep 1; echo hello-from-$((6*7)); sleep 300"');
    await run.dialog.getByRole('checkbox', { name: 'In the background (-d)' }).uncheck();
    await expect(run.dialog.locator('code')).toHaveText(`docker run --name ${name} ${TEST_IMAGE} sh -c 'sleep 1; echo hello-from-$((6*7)); sleep 300'`);
    await run.submit();
    await expect(run.dialog).toBeHidden();

    await expect(detail.region.getByRole('tab', { name: 'Logs', exact: true })).toHaveAttribute('aria-selected', 'true');
    // Printed a second after the tab opened: only a followed stream shows it.
    await expect(detail.logLine('hello-from-42')).toBeVisible({ timeout: 10_000 });
  } finally {
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
  }
});

test('a failed action shows a plain sentence, with the engine’s own words under Details', async ({ containers, runId, page }) => {
  const name = testName(runId, 'busy');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '300']);
  await containers.select(name);
  await containers.act('Remove');
  await containers.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();

  const outcome = page.getByRole('region', { name: 'Remove' });
  await expect(outcome).toContainText('1 of 1 failed');
  await expect(outcome.getByText('It is running: stop it first, or tick “Force”.')).toBeVisible();
  const engineWords = outcome.getByText(/cannot remove .*running container/i);
  await expect(engineWords).toBeHidden();
  await outcome.getByText('Details', { exact: true }).click();
  await expect(engineWords).toBeVisible();
  expect(await dockerCli(['inspect', '-f', '{{.State.Status}}', name])).toBe('running');
});
