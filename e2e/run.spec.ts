import { TEST_IMAGE, dockerCli, testLabels, testName } from '../scripts/test-support/fixtures';
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
