import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { startTestRegistry } from '../scripts/test-support/registry';
import { DetailPage } from './pages/detail-page';
import { ImagesPage } from './pages/images-page';
import { RegistriesPage } from './pages/registries-page';
import { RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

const tagsOf = async (repo: string) => (await dockerCli(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', '--filter', `reference=${repo}`])).split('\n').filter(Boolean);

/** Only tags go: an image id is never force-removed here, since a tag of the shared test image shares its id. */
async function untagAll(repo: string): Promise<void> {
  const tags = await tagsOf(repo);
  if (tags.length > 0) await dockerCli(['rmi', ...tags]).catch(() => undefined);
}

test('a tagged image appears without reload, and Run opens the form with it', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/img`;
  const images = new ImagesPage(page);
  await expect(containers.grid).toBeVisible();
  await images.open();
  await expect(page.getByText('docker image ls', { exact: true })).toBeVisible();
  try {
    await dockerCli(['tag', TEST_IMAGE, `${repo}:1`]);
    await expect(images.row(`${repo}:1`)).toBeVisible();
    await expect(images.row(`${repo}:1`)).toContainText((await dockerCli(['image', 'inspect', '--format', '{{.Id}}', TEST_IMAGE])).slice(7, 19));

    await images.search(`${runId}/img`);
    await expect(images.table.getByRole('row')).toHaveCount(2);
    await images.search('no-such-image-anywhere');
    await expect(page.getByText('No image matches.')).toBeVisible();
    await images.search('');

    await images.run(`${repo}:1`);
    const run = new RunDialogPage(page);
    await expect(run.dialog).toBeVisible();
    await expect(run.field('Image')).toHaveValue(`${repo}:1`);
    await expect(run.dialog.locator('code').first()).toContainText(`docker run -d ${repo}:1`);
    await run.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(run.dialog).toBeHidden();
  } finally {
    await untagAll(repo);
  }
});

test('Remove asks first, shows docker rmi, then the tag is gone', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/img`;
  const ref = `${repo}:doomed`;
  const images = new ImagesPage(page);
  await expect(containers.grid).toBeVisible();
  await dockerCli(['tag', TEST_IMAGE, ref]);
  try {
    await images.open();
    await images.removeButton(ref).click();
    await expect(images.confirmDialog).toBeVisible();
    await expect(images.confirmDialog.locator('code')).toHaveText(`docker rmi ${ref}`);
    await expect(images.confirmDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(images.confirmDialog).toBeHidden();
    await expect(images.removeButton(ref)).toBeFocused();
    expect(await tagsOf(repo)).toEqual([ref]);

    await images.removeButton(ref).click();
    await images.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(images.confirmDialog).toBeHidden();
    await expect(images.row(ref)).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Removed ${ref}.` })).toBeVisible();
    expect(await tagsOf(repo)).toEqual([]);
    // The shared test image lost nothing but the extra tag.
    expect(await tagsOf('minato-test/busybox')).toEqual([TEST_IMAGE]);
  } finally {
    await untagAll(repo);
  }
});

test('removing an image a container uses says what to do, and force removes it', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/img`;
  const ref = `${repo}:used`;
  const images = new ImagesPage(page);
  await expect(containers.grid).toBeVisible();
  // An image of the test's own (a commit), so its only tag is this one and the engine refuses to drop it.
  const source = await dockerCli(['create', '--name', testName(runId, 'source'), ...testLabels(runId), TEST_IMAGE, 'true']);
  const id = await dockerCli(['commit', source, ref]);
  const user = await dockerCli(['create', '--name', testName(runId, 'user'), ...testLabels(runId), ref, 'true']);
  try {
    await images.open();
    await images.removeButton(ref).click();
    await images.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(images.confirmDialog.getByRole('alert')).toHaveText(new RegExp(`Container ${user.slice(0, 12)} was made from this image. Remove that container first, or tick “Force”`));
    const force = images.confirmDialog.getByRole('checkbox', { name: /Force/ });
    await force.check();
    await expect(images.confirmDialog.locator('code')).toHaveText(`docker rmi -f ${ref}`);
    await images.confirmDialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(images.confirmDialog).toBeHidden();
    await expect(images.row(ref)).toHaveCount(0);
    expect(await tagsOf(repo)).toEqual([]);
    // Forced, the engine deletes the image outright; the stopped container keeps its layers and names it by id.
    await expect(images.removeButton(id.slice(7, 19))).toHaveCount(0);
    expect(await dockerCli(['inspect', '--format', '{{.Image}}', user])).toBe(id);
  } finally {
    await dockerCli(['rm', '-f', user, source]).catch(() => undefined);
    await dockerCli(['rmi', id]).catch(() => undefined);
    await untagAll(repo);
  }
});

test('pulls an image by name with progress, and it joins the list', async ({ containers, runId, page }) => {
  const registry = await startTestRegistry();
  const repo = `${registry.address}/minato-test-${runId}/pulled`;
  const ref = `${repo}:1`;
  const images = new ImagesPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    await dockerCli(['tag', TEST_IMAGE, ref]);
    await dockerCli(['push', ref]);
    await dockerCli(['rmi', ref]);
    await images.open();
    await page.getByRole('combobox', { name: 'Image to pull' }).fill(ref);
    await expect(page.getByText(`docker pull ${ref}`, { exact: true })).toBeVisible();
    await images.pull(ref);
    await expect(images.pullStatus).toContainText(`Pulled ${ref}.`, { timeout: 30_000 });
    await expect(images.row(ref)).toBeVisible();
    expect(await tagsOf(repo)).toEqual([ref]);
  } finally {
    await untagAll(repo);
    await registry.stop();
  }
});

test('the pull field offers an added registry\'s tags, and pulls the one picked for a platform', async ({ containers, runId, page }) => {
  const registry = await startTestRegistry();
  const repo = `${registry.address}/minato-test-${runId}/tagged`;
  const images = new ImagesPage(page);
  await expect(containers.grid).toBeVisible();
  try {
    for (const tag of ['1', '2']) {
      await dockerCli(['tag', TEST_IMAGE, `${repo}:${tag}`]);
      await dockerCli(['push', `${repo}:${tag}`]);
    }
    await untagAll(repo);
    const registries = new RegistriesPage(page);
    await registries.open();
    await registries.add(registry.address);
    await images.open();
    const field = page.getByRole('combobox', { name: 'Image to pull' });
    await field.fill(repo);
    const offered = page.getByRole('listbox', { name: `Tags of ${repo}` });
    await expect(offered.getByRole('option')).toHaveCount(2);
    // The engine's order (the registry's) is not this test's concern: the keyboard walks to whichever place 2 holds.
    const names = await offered.getByRole('option').allTextContents();
    expect([...names].sort()).toEqual(['1', '2']);
    for (let step = 0; step <= names.indexOf('2'); step += 1) await field.press('ArrowDown');
    await expect(offered.getByRole('option', { name: '2' })).toHaveAttribute('aria-selected', 'true');
    await field.press('Enter');
    await expect(field).toHaveValue(`${repo}:2`);
    await page.getByRole('combobox', { name: 'Platform' }).selectOption('linux/amd64');
    await expect(page.getByText(`docker pull --platform linux/amd64 ${repo}:2`, { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Pull', exact: true }).click();
    await expect(images.pullStatus).toContainText(`Pulled ${repo}:2.`, { timeout: 30_000 });
    await expect(images.row(`${repo}:2`)).toBeVisible();
    expect(await tagsOf(repo)).toEqual([`${repo}:2`]);
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Os}}/{{.Architecture}}', `${repo}:2`])).toBe('linux/amd64');
  } finally {
    await untagAll(repo);
    await registry.stop();
  }
});

test('a container commits to an image from its page, and Load brings a saved image back with its id', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/img`;
  const ref = `${repo}:committed`;
  const name = testName(runId, 'to-commit');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-load-'));
  await dockerCli(['run', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'echo saved > /note']);
  try {
    await containers.showAll();
    await containers.search(runId);
    const detail = new DetailPage(page);
    await detail.openFor(name);
    await detail.region.getByRole('button', { name: 'Commit to image…' }).click();
    const commit = page.getByRole('dialog', { name: `Commit ${name} to an image` });
    await commit.getByRole('textbox', { name: 'Image name (optional)' }).fill(ref);
    await commit.getByRole('textbox', { name: 'Message' }).fill('from the e2e test');
    await commit.getByRole('textbox', { name: /^Changes/ }).fill(`LABEL minato.test.run=${runId}\nCMD ["cat", "/note"]`);
    await expect(commit.locator('code')).toHaveText(`docker commit -m 'from the e2e test' -c 'LABEL minato.test.run=${runId}' -c 'CMD ["cat", "/note"]' ${name} ${ref}`);
    await commit.getByRole('button', { name: 'Commit', exact: true }).click();
    await expect(commit.getByRole('status')).toContainText('Created image');
    await commit.getByRole('button', { name: 'Close' }).click();
    const id = await dockerCli(['image', 'inspect', '--format', '{{.Id}}', ref]);
    expect(await dockerCli(['run', '--rm', ...testLabels(runId), ref])).toBe('saved');

    const file = path.join(dir, 'committed.tar');
    await dockerCli(['save', '-o', file, ref]);
    await dockerCli(['rmi', ref]);
    const images = new ImagesPage(page);
    await images.open();
    await expect(images.row(ref)).toHaveCount(0);
    await page.getByRole('button', { name: 'Load .tar…' }).click();
    const load = page.getByRole('dialog', { name: 'Load images from a .tar file' });
    await load.getByLabel('File', { exact: true }).setInputFiles(file);
    await expect(load.locator('code')).toHaveText('docker load -i committed.tar');
    await load.getByRole('button', { name: 'Load', exact: true }).click();
    await expect(load.getByRole('status')).toContainText(`Loaded ${ref}.`, { timeout: 20_000 });
    await expect(images.row(ref)).toBeVisible();
    expect(await dockerCli(['image', 'inspect', '--format', '{{.Id}}', ref])).toBe(id);
    await load.getByRole('button', { name: 'Close' }).click();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await untagAll(repo);
  }
});

test('Export filesystem downloads a container as a tar, and Import makes an image holding the same file', async ({ containers, runId, page }) => {
  const repo = `minato-test-${runId}/img`;
  const ref = `${repo}:imported`;
  const name = testName(runId, 'to-export');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'minato-test-export-'));
  // Downloads take the Blob path: the native save picker cannot be driven headlessly.
  await page.addInitScript(() => {
    delete (window as unknown as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await dockerCli(['run', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sh', '-c', 'echo exported-$RANDOM > /proof']);
  try {
    await page.reload();
    await expect(containers.grid).toBeVisible();
    await containers.showAll();
    await containers.search(runId);
    const detail = new DetailPage(page);
    await detail.openFor(name);
    const downloading = page.waitForEvent('download');
    await detail.region.getByRole('button', { name: 'Export filesystem…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${name}.tar`);
    await expect(detail.region.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible();
    await expect(detail.region.getByText(`docker export -o ${name}.tar ${name}`)).toBeVisible();
    const file = path.join(dir, `${name}.tar`);
    copyFileSync(await download.path(), file);

    const images = new ImagesPage(page);
    await images.open();
    await page.getByRole('button', { name: 'Import filesystem…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a filesystem as an image' });
    await dialog.getByLabel('File', { exact: true }).setInputFiles(file);
    await dialog.getByRole('textbox', { name: 'Image name (optional)' }).fill(ref);
    await dialog.getByRole('textbox', { name: /^Changes/ }).fill('CMD ["cat", "/proof"]');
    await expect(dialog.locator('code')).toHaveText(`docker import -c 'CMD ["cat", "/proof"]' ${name}.tar ${ref}`);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText('Imported as sha256:', { timeout: 20_000 });
    await expect(images.row(ref)).toBeVisible();
    await dockerCli(['cp', `${name}:/proof`, path.join(dir, 'proof')]);
    const copy = await dockerCli(['run', '--rm', ...testLabels(runId), ref]);
    expect(copy).toMatch(/^exported-\d+$/);
    expect(readFileSync(path.join(dir, 'proof'), 'utf8').trim()).toBe(copy);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await untagAll(repo);
  }
});
