import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
import { startTestRegistry } from '../scripts/test-support/registry';
import { DetailPage } from './pages/detail-page';
import { RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

test('run busybox httpd with a published port from the form, then open the port', async ({ containers, runId, page }) => {
  const name = testName(runId, 'web');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const run = new RunDialogPage(page);
  try {
    await run.open();
    await run.field('Image').fill(TEST_IMAGE);
    await run.field('Name').fill(name);
    await run.field('Command').fill('httpd -f -p 80 -h /var/www');
    await run.dialog.getByRole('button', { name: 'Add a port' }).click();
    await run.field('Host port').fill(String(port));
    await expect(run.dialog.locator('code')).toHaveText(`docker run -d --name ${name} --publish 127.0.0.1:${port}:80 ${TEST_IMAGE} httpd -f -p 80 -h /var/www`);
    await run.submit();
    await expect(run.dialog).toBeHidden();
    await expect(containers.row(name)).toContainText('running');
    const page0 = await dockerCli(['exec', name, 'cat', '/var/www/index.html']);
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/`).then((response) => response.text()).catch(() => '')).trim(), { timeout: 5000 }).toBe(page0);
  } finally {
    // The form adds no test labels, so this container is removed by the name the test gave it.
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
  }
});

test('bad input gets a message next to its field and nothing typed is lost', async ({ runId, page, containers }) => {
  const taken = testName(runId, 'taken');
  await dockerCli(['create', '--name', taken, ...testLabels(runId), TEST_IMAGE, 'true']);
  await containers.showAll();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.field('Name').fill('-bad name');
  await expect(run.dialog.getByText(/start with a letter or digit/)).toBeVisible();
  await expect(run.field('Name')).toHaveAttribute('aria-invalid', 'true');
  await run.field('Memory limit').fill('12qb');
  await expect(run.dialog.getByText('"12qb" is not a size: write 512m or 1g.')).toBeVisible();
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Container port').fill('70000');
  await expect(run.dialog.getByText('Ports go from 1 to 65535.')).toBeVisible();
  await expect(run.dialog.getByText('Fix the marked fields to see the command.')).toBeVisible();

  await run.field('Memory limit').fill('64m');
  await run.field('Container port').fill('80');
  await run.field('Name').fill(taken);
  await run.submit();
  await expect(run.dialog.getByRole('alert')).toContainText(/already in use/);
  await expect(run.field('Name')).toHaveValue(taken);
  await expect(run.field('Memory limit')).toHaveValue('64m');
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a pasted docker run command fills the form and lists what is not supported', async ({ containers, page, runId }) => {
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await page.getByText('Paste a docker run command').click();
  const name = testName(runId, 'pasted');
  await run.dialog.getByLabel('docker run command').fill(`docker run -dit --gpus all -e "GREETING=hello world" -p 8080:80 --name ${name} ${TEST_IMAGE} sh`);
  await run.dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(run.field('Image')).toHaveValue(TEST_IMAGE);
  await expect(run.field('Name')).toHaveValue(name);
  await expect(run.field('Host port')).toHaveValue('8080');
  await expect(run.field('Value')).toHaveValue('hello world');
  await expect(run.dialog.getByRole('list', { name: 'Notes on the pasted command' })).toContainText('--gpus all');
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('edit a container\'s environment: the change is shown first, then visible in docker exec env', async ({ containers, runId, page }) => {
  const name = testName(runId, 'editable');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-e', 'MODE=before', TEST_IMAGE, 'sleep', '600']);
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Edit…' }).click();
  await expect(page.getByRole('dialog', { name: `Edit ${name}` })).toBeVisible();
  const dialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await dialog.getByLabel('Value', { exact: true }).fill('after');
  await dialog.getByRole('button', { name: 'Save…' }).click();
  await expect(dialog.getByRole('region', { name: 'What will change' })).toContainText('MODE');
  await dialog.getByRole('button', { name: 'Recreate' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => dockerCli(['exec', name, 'env']).catch(() => ''), { timeout: 15_000 }).toContain('MODE=after');
  expect(await dockerCli(['inspect', '-f', '{{.State.Running}}', name])).toBe('true');
});

test('rename and run another like this', async ({ containers, runId, page }) => {
  const name = testName(runId, 'original');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Rename…' }).click();
  const renameDialog = page.getByRole('dialog', { name: `Rename ${name}` });
  const renamed = testName(runId, 'renamed');
  await renameDialog.getByLabel('New name').fill('-bad');
  await expect(renameDialog.getByText(/start with a letter or digit/)).toBeVisible();
  await renameDialog.getByLabel('New name').fill(renamed);
  await expect(renameDialog.locator('code')).toHaveText(`docker rename ${name} ${renamed}`);
  await renameDialog.getByRole('button', { name: 'Rename', exact: true }).click();
  await expect(containers.row(renamed)).toBeVisible();

  await containers.row(renamed).dblclick();
  await detail.region.getByRole('button', { name: 'Run another like this' }).click();
  const run = new RunDialogPage(page);
  await expect(run.field('Name')).toHaveValue(`${renamed}-copy`);
  await run.submit();
  await expect(containers.row(`${renamed}-copy`)).toContainText('running');
  // The copy carries the original's labels, this run's among them, so the fixture removes it too.
  expect(await dockerCli(['inspect', '-f', `{{index .Config.Labels "minato.test.run"}}`, `${renamed}-copy`])).toBe(runId);
});

test('the form warns about a taken host port, a doubled mapping, a missing folder and an unknown network', async ({ containers, runId, page }) => {
  const holder = testName(runId, 'holder');
  await dockerCli(['run', '-d', '--name', holder, ...testLabels(runId), '-p', '127.0.0.1::80', TEST_IMAGE, 'sleep', '300']);
  const taken = Number((await dockerCli(['port', holder, '80/tcp'])).split(':').pop());
  await expect(containers.row(holder)).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Host port').fill(String(taken));
  await expect(run.dialog.getByText(`Port ${taken} is already published by ${holder}.`)).toBeVisible();
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.dialog.getByLabel('Host port', { exact: true }).nth(1).fill(String(taken));
  await expect(run.dialog.getByText('The same host port is mapped twice.')).toBeVisible();

  await run.dialog.getByRole('button', { name: 'Add a volume' }).click();
  const folder = `/tmp/minato-test-${runId}-site`;
  await run.field('Volume name or host folder').fill(folder);
  await expect(run.dialog.getByText(`${folder} does not exist.`)).toBeVisible();
  await run.dialog.getByRole('button', { name: 'Create it' }).click();
  await expect(run.dialog.getByText(`${folder} does not exist.`)).toBeHidden();

  await run.dialog.getByLabel('Paste a .env block').fill('GOOD=1\nnot a line');
  await run.dialog.getByRole('button', { name: 'Add these variables' }).click();
  await expect(run.dialog.getByText('Line 2: "not a line" is not KEY=value.')).toBeVisible();
  await expect(run.dialog.getByLabel('Paste a .env block')).toHaveValue('GOOD=1\nnot a line');

  await run.field('Network').fill(`minato-test-${runId}-nowhere`);
  await expect(run.dialog.getByText(new RegExp(`There is no network "minato-test-${runId}-nowhere"`))).toBeVisible();
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
  await import('node:fs').then((fs) => fs.rmSync(folder, { recursive: true, force: true }));
});

test('an image that is not here can be pulled from the form, with progress, then run', async ({ containers, runId, page }) => {
  const registry = await startTestRegistry();
  const remote = `${registry.address}/minato-test/busybox:${runId}`;
  const name = testName(runId, 'pulled');
  try {
    await dockerCli(['tag', TEST_IMAGE, remote]);
    await dockerCli(['push', remote]);
    await dockerCli(['rmi', remote]);
    await expect(containers.grid).toBeVisible();
    const run = new RunDialogPage(page);
    await run.open();
    // An image that exists nowhere: pulling it says so, and the form stays as typed.
    const missing = `${registry.address}/minato-test/never:${runId}`;
    await run.field('Image').fill(missing);
    await run.dialog.getByRole('button', { name: `Pull ${missing}` }).click();
    await expect(run.dialog.getByText(/not found|manifest unknown/i)).toBeVisible({ timeout: 30_000 });
    await expect(run.field('Image')).toHaveValue(missing);

    await run.field('Image').fill(remote);
    await expect(run.dialog.getByText(`${remote} is not on this engine.`)).toBeVisible();
    await run.dialog.getByRole('button', { name: `Pull ${remote}` }).click();
    await expect(run.dialog.getByText(`${remote} is not on this engine.`)).toBeHidden({ timeout: 30_000 });
    await run.field('Name').fill(name);
    await run.field('Command').fill('sleep 300');
    await run.submit();
    await expect(containers.row(name)).toContainText('running');
  } finally {
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
    await dockerCli(['rmi', remote]).catch(() => undefined);
    await registry.stop();
  }
});
