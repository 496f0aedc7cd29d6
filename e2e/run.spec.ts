import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_IMAGE, TEST_LABEL, dockerCli, testDocker, testLabels, testName } from '../scripts/test-support/fixtures';
import { startTestRegistry } from '../scripts/test-support/registry';
import { DetailPage } from './pages/detail-page';
import { ENGLISH, JAPANESE, RunDialogPage } from './pages/run-dialog';
import { expect, test } from './support/fixtures';

test('run busybox httpd with a published port from the form, then open the port', async ({ containers, runId, page }) => {
  const name = testName(runId, 'web');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const run = new RunDialogPage(page);
  try {
    await run.openWith(TEST_IMAGE, name, 'httpd -f -p 80 -h /var/www');
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
  await expect(containers.row(taken)).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.field('Name').fill('-bad name');
  await expect(run.field('Name')).toHaveAccessibleDescription(/start with a letter or digit/);
  await expect(run.field('Name')).toHaveAttribute('aria-invalid', 'true');
  await run.field('Memory limit').fill('12qb');
  await expect(run.field('Memory limit')).toHaveAccessibleDescription('"12qb" is not a size: write 512m or 1g.');
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Host port').fill('8o80');
  await expect(run.field('Host port')).toHaveAccessibleDescription('Port must be a whole number from 1 to 65535.');
  await expect(run.field('Host port')).toHaveValue('8o80');
  await run.field('Container port').fill('70000');
  await expect(run.field('Container port')).toHaveAccessibleDescription('Port must be a whole number from 1 to 65535.');
  await expect(run.field('Container port')).toHaveValue('70000');
  await run.field('Host address').fill('localhost');
  await expect(run.field('Host address')).toHaveAccessibleDescription('Use an IPv4 or IPv6 address such as 127.0.0.1 or ::1, or leave it empty.');
  await run.field('CPUs').fill('two');
  await expect(run.field('CPUs')).toHaveAccessibleDescription(/CPUs must be a number above 0/);
  await expect(run.field('CPUs')).toHaveValue('two');
  await expect(run.dialog.getByText('Fix the marked fields to see the command.')).toBeVisible();
  await run.dialog.getByRole('group', { name: 'Basics' }).screenshot({ path: test.info().outputPath('run-form-basics-errors.png') });
  await run.dialog.getByRole('group', { name: 'Ports' }).screenshot({ path: test.info().outputPath('run-form-port-errors.png') });

  // Fixing each field clears its own message; the name of an existing container is caught before anything is made.
  await run.field('Memory limit').fill('64m');
  await run.field('Host port').fill('');
  await run.field('Container port').fill('80');
  await run.field('Host address').fill('::1');
  await expect(run.field('Host address')).toHaveAccessibleDescription('');
  await run.field('CPUs').fill('0.5');
  await run.field('Name').fill(taken);
  await expect(run.field('Name')).toHaveAccessibleDescription(`Another container is already called "${taken}": choose another name.`);
  await run.submit();
  await expect(run.dialog).toBeVisible();
  await expect(run.field('Name')).toHaveValue(taken);
  await expect(run.field('Memory limit')).toHaveValue('64m');
  await run.field('Name').fill(`${taken}-free`);
  await expect(run.field('Name')).toHaveAccessibleDescription('');
  await expect(run.dialog.locator('code')).toContainText('--memory 64m --cpus 0.5');
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('an engine refusal gets a plain sentence, with the engine\'s own words under Details', async ({ containers, runId, page }) => {
  const name = testName(runId, 'refused');
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  try {
    await run.open();
    await run.field('Image').fill(TEST_IMAGE);
    await run.field('Name').fill(name);
    // The form cannot know what is in the image: the engine creates the container, then cannot start it.
    await run.field('Command').fill('minato-no-such-program');
    await run.submit();
    await expect(run.alert).toContainText('The container could not start because its command is not in the image: check Command and Entrypoint.');
    await expect(run.alert).toContainText('nothing is left behind');
    const engineWords = run.alert.getByText(/executable file not found/);
    await expect(engineWords).toBeHidden();
    await run.alert.getByText('Details', { exact: true }).click();
    await expect(engineWords).toBeVisible();
    await expect(run.field('Command')).toHaveValue('minato-no-such-program');
    expect(await dockerCli(['ps', '-aq', '--filter', `name=^/${name}$`])).toBe('');
    // A later try that the form itself stops is not answered by the engine's old refusal.
    await run.field('Memory limit').fill('12qb');
    await run.submit();
    await expect(run.alert).toBeHidden();
    await run.dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await dockerCli(['rm', '-f', name]).catch(() => undefined);
  }
});

test('edit shows the memory limit and does not call the container\'s own port taken', async ({ containers, runId, page }) => {
  const name = testName(runId, 'limited');
  // A fixed host port: a port Docker picked is not part of the container's settings, so the form would show none.
  const port = String(20000 + Math.floor(Math.random() * 20000));
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--memory', '512m', '-p', `127.0.0.1:${port}:80`, TEST_IMAGE, 'sleep', '600']);
  await expect(containers.row(name)).toBeVisible();
  // For a new container the port is taken...
  const run = new RunDialogPage(page);
  await run.open();
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Host port').fill(port);
  await expect(run.dialog.getByText(`Port ${port} is already published by ${name}.`)).toBeVisible();
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();

  // ...but not for the container that holds it (the same check, answered a moment ago, is still at hand).
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Edit…' }).click();
  const edit = RunDialogPage.editing(page, name);
  await expect(edit.field('Memory limit')).toHaveValue('512m');
  await expect(edit.field('Host port')).toHaveValue(port);
  await expect(edit.dialog.getByText(/already published by/)).toBeHidden();
  await edit.dialog.getByRole('button', { name: 'Cancel' }).click();

  await detail.region.getByRole('button', { name: 'Run another like this' }).click();
  const copy = new RunDialogPage(page);
  await expect(copy.field('Memory limit')).toHaveValue('512m');
  await copy.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a container run with --rm cannot be edited, and the form offers to run another like it', async ({ containers, runId, page }) => {
  const name = testName(runId, 'ephemeral');
  await dockerCli(['run', '-d', '--rm', '--name', name, ...testLabels(runId), TEST_IMAGE, 'sleep', '600']);
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Edit…' }).click();
  const edit = RunDialogPage.editing(page, name);
  await expect(edit.dialog.getByRole('note')).toContainText('so it cannot be edited');
  await expect(edit.dialog.getByRole('button', { name: 'Save…' })).toBeDisabled();
  await edit.dialog.getByRole('note').getByRole('button', { name: 'Run another like this' }).click();
  const copy = new RunDialogPage(page);
  await expect(copy.field('Name')).toHaveValue(`${name}-copy`);
  await expect(copy.dialog.getByRole('checkbox', { name: 'Remove when it stops (--rm)' })).toBeChecked();
  await copy.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a pasted docker run command fills the form and lists what is not supported', async ({ containers, page, runId }) => {
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await page.getByText('Paste a docker run command').click();
  const name = testName(runId, 'pasted');
  await run.dialog.getByLabel('docker run command').fill(`docker run -dit --gpus all -m 1073741824 -e "GREETING=hello world" -p 8080:80 --name ${name} ${TEST_IMAGE} sh`);
  await run.dialog.getByRole('button', { name: 'Fill the form' }).click();
  await expect(run.field('Image')).toHaveValue(TEST_IMAGE);
  await expect(run.field('Name')).toHaveValue(name);
  await expect(run.field('Host port')).toHaveValue('8080');
  await expect(run.field('Memory limit')).toHaveValue('1g');
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
  // --init and --ulimit are not in the form: the copy keeps them all the same.
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--init', '--ulimit', 'nofile=1024:2048', TEST_IMAGE, 'sleep', '600']);
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
  expect(await dockerCli(['inspect', '-f', '{{.HostConfig.Init}} {{json .HostConfig.Ulimits}}', `${renamed}-copy`])).toBe(
    'true [{"Name":"nofile","Hard":2048,"Soft":1024}]',
  );
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

test('list fields and the command keep what is typed key by key', async ({ containers, runId, page }) => {
  const network = testName(runId, 'net');
  await dockerCli(['network', 'create', ...testLabels(runId), network]);
  try {
    await expect(containers.grid).toBeVisible();
    const run = new RunDialogPage(page);
    await run.open();
    await run.field('Image').fill(TEST_IMAGE);
    await run.field('Network').fill(network);
    await run.type('Network aliases', 'api backend');
    await expect(run.field('Network aliases')).toHaveValue('api backend');
    await run.type('Labels (KEY=value per line)', 'team=harbour\nrole=web');
    await run.type('DNS servers', '1.1.1.1, 9.9.9.9');
    await run.type('Command', "sh -c 'echo a; sleep 600'");
    await expect(run.field('Command')).toHaveValue("sh -c 'echo a; sleep 600'");
    await expect(run.command).toHaveText(
      `docker run -d --network ${network} --network-alias api --network-alias backend --dns 1.1.1.1 --dns 9.9.9.9 --label team=harbour --label role=web ${TEST_IMAGE} sh -c 'echo a; sleep 600'`,
    );
    await run.dialog.getByRole('group', { name: 'Networking' }).screenshot({ path: test.info().outputPath('run-form-typed-lists.png') });
    await run.dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    await dockerCli(['network', 'rm', network]).catch(() => undefined);
  }
});

test('edit keeps a quoted command word for word', async ({ containers, runId, page }) => {
  const name = testName(runId, 'quoted');
  await dockerCli(['run', '-d', '--name', name, ...testLabels(runId), '--stop-timeout', '1', '-e', 'MODE=before', TEST_IMAGE, 'sh', '-c', 'echo a; sleep 600']);
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Edit…' }).click();
  const edit = RunDialogPage.editing(page, name);
  await expect(edit.field('Command')).toHaveValue("sh -c 'echo a; sleep 600'");
  await edit.field('Value').press('End');
  await edit.field('Value').pressSequentially('-after');
  // What will change is shown by the buttons, in view even in a small window.
  await page.setViewportSize({ width: 1024, height: 700 });
  await edit.dialog.getByRole('button', { name: 'Save…' }).click();
  const changes = edit.dialog.getByRole('region', { name: 'What will change' });
  await expect(changes).toBeInViewport({ ratio: 1 });
  await expect(edit.dialog.getByRole('button', { name: 'Recreate' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('run-edit-1024x700.png') });
  await expect(changes.getByRole('row')).toHaveCount(1);
  await expect(changes.getByRole('row')).toContainText('Environment');
  await expect(changes.getByRole('row')).toContainText('MODE=before-after');
  await changes.screenshot({ path: test.info().outputPath('run-edit-changes.png') });
  await edit.dialog.getByRole('button', { name: 'Recreate' }).click();
  await expect(edit.dialog).toBeHidden();
  await expect.poll(() => dockerCli(['inspect', '-f', '{{json .Config.Env}}', name]).catch(() => ''), { timeout: 15_000 }).toContain('MODE=before-after');
  expect(JSON.parse(await dockerCli(['inspect', '-f', '{{json .Config.Cmd}}', name]))).toEqual(['sh', '-c', 'echo a; sleep 600']);
});

test('secret values stay hidden in the shown command until revealed; Copy takes the real one', async ({ containers, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.dialog.getByRole('button', { name: 'Add a variable' }).click();
  await run.field('Variable').fill('DB_PASSWORD');
  await run.field('Value').fill('hunter2');
  await expect(run.command).toHaveText(`docker run -d --env DB_PASSWORD=•••••• ${TEST_IMAGE}`);
  await run.dialog.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`docker run -d --env DB_PASSWORD=hunter2 ${TEST_IMAGE}`);
  await run.dialog.getByRole('button', { name: 'Reveal' }).click();
  await expect(run.command).toHaveText(`docker run -d --env DB_PASSWORD=hunter2 ${TEST_IMAGE}`);
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('each bad row, a relative folder, an overlapping port and a shared network get their own message', async ({ containers, runId, page }) => {
  const holder = testName(runId, 'netholder');
  await dockerCli(['create', '--name', holder, ...testLabels(runId), TEST_IMAGE, 'true']);
  await containers.showAll();
  await expect(containers.row(holder)).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.field('Name').fill('a');
  await expect(run.field('Name')).toHaveAccessibleDescription(/at least 2 characters/);
  await run.field('Name').fill('ab');
  await run.type('Labels (KEY=value per line)', 'team=harbour\n=orphan');
  await expect(run.field('Labels (KEY=value per line)')).toHaveAccessibleDescription('Line 2: A key is needed.');
  await run.type('Extra hosts (--add-host)', 'db:10.0.0.5 cache');
  await expect(run.field('Extra hosts (--add-host)')).toHaveAccessibleDescription('"cache": Write extra hosts as name:address.');
  await run.dialog.getByRole('button', { name: 'Add a volume' }).click();
  await run.field('Volume name or host folder').fill('./data');
  await expect(run.field('Volume name or host folder')).toHaveAccessibleDescription(/use an absolute path, e.g. \/home\/me\/data/);

  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Host port').fill('18080');
  await run.field('Host address').fill('');
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  const second = run.dialog.getByLabel('Host port', { exact: true }).nth(1);
  await second.fill('18080');
  await expect(second).toHaveAccessibleDescription('Already published on 0.0.0.0:18080, which covers this address.');
  await run.dialog.getByRole('group', { name: 'Ports' }).screenshot({ path: test.info().outputPath('run-form-port-overlap.png') });

  await run.field('Network').fill(`container:${holder}`);
  await expect(run.field('Network')).toHaveAccessibleDescription('');
  await run.field('Network').fill(`container:${holder}-gone`);
  await expect(run.field('Network')).toHaveAccessibleDescription(`There is no container "${holder}-gone" to share a network with (container:NAME takes a container name).`);
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('Run on a form with a problem takes the keyboard to the first one and says it by the button', async ({ containers, page }) => {
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.dialog.getByRole('button', { name: 'Add a port' }).click();
  await run.field('Host port').fill('8o80');
  // A second problem at the bottom of the form, where the person is when they press Run.
  await run.field('Log options (KEY=value per line)').fill('max-size');
  await expect(run.field('Host port')).not.toBeInViewport();
  await expect(run.runButton).toBeInViewport();
  await run.submit();
  await expect(run.field('Host port')).toBeFocused();
  await expect(run.field('Host port')).toBeInViewport();
  await expect(run.runButton).toHaveAccessibleDescription('2 problems: Ports row 1 › Host port: Port must be a whole number from 1 to 65535.');
  // The line follows the fixes, down to the next problem, and is gone with the last one.
  await run.field('Host port').fill('8080');
  await expect(run.runButton).toHaveAccessibleDescription('1 problem: Advanced and security › Log options (KEY=value per line): Line 1: A key is needed.');
  await run.submit();
  await expect(run.field('Log options (KEY=value per line)')).toBeFocused();
  await run.field('Log options (KEY=value per line)').fill('max-size=10m');
  await expect(run.runButton).toHaveAccessibleDescription('');
  await expect(run.command).toContainText('--log-opt max-size=10m');
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a bind that gives root on the host is said so, and Create is never offered for a socket path', async ({ containers, runId, page }) => {
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill(TEST_IMAGE);
  await run.dialog.getByRole('button', { name: 'Add a volume' }).click();
  // A socket path that does not exist here: the form says so, but creating it as a folder is not offered.
  const socket = `/run/minato-test-${runId}/docker.sock`;
  await run.field('Volume name or host folder').fill(socket);
  await run.field('Path in the container').fill('/var/run/docker.sock');
  await expect(run.dialog.getByText(`${socket} does not exist.`)).toBeVisible();
  await expect(run.dialog.getByRole('button', { name: 'Create it' })).toHaveCount(0);
  await expect(run.dialog.getByText(`${socket} is a container engine's socket: this container gets root on the host`)).toBeVisible();
  await expect(run.risks).toHaveText(`This container gets root on the host: ${socket}.`);
  await expect(run.risks).toBeInViewport();

  await run.field('Volume name or host folder').fill('/');
  await run.field('Path in the container').fill('/host');
  await expect(run.dialog.getByText('Binding / gives this container root on the host')).toBeVisible();
  await run.dialog.getByRole('checkbox', { name: 'Privileged' }).check();
  await expect(run.risks).toHaveText('This container gets root on the host: --privileged, /.');
  await expect(run.command).toHaveText(`docker run -d --volume /:/host --privileged ${TEST_IMAGE}`);
  // The form is the app's dialog: Escape closes it and the keyboard goes back to where it was.
  await page.keyboard.press('Escape');
  await expect(run.dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Run a container…' })).toBeFocused();
});

const WORDS = {
  'en-US': { ...ENGLISH, image: 'Image', addPort: 'Add a port', hostPort: 'Host port', last: 'Log options (KEY=value per line)' },
  'ja-JP': { ...JAPANESE, image: 'イメージ', addPort: 'ポートを追加', hostPort: 'ホストのポート', last: 'ログのオプション（1 行に KEY=value）' },
};

for (const locale of ['en-US', 'ja-JP'] as const) {
  test.describe(`the Run form's layout (${locale})`, () => {
    test.use({ locale });

    for (const [width, height] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      test(`at ${width}×${height} the command and Run stay in view, and a problem is shown where it is`, async ({ server, page }) => {
        const words = WORDS[locale];
        await page.setViewportSize({ width, height });
        // The list's own name is in the UI's language: any grid says the app is up.
        await page.goto(server.url);
        await expect(page.getByRole('grid')).toBeVisible();
        const run = RunDialogPage.inLanguage(page, words);
        await run.open();
        await run.field(words.image).fill(TEST_IMAGE);
        await run.dialog.getByRole('button', { name: words.addPort }).click();
        await run.field(words.hostPort).fill('8o80');
        await run.field(words.last).focus();
        // The whole dialog fits the window; only its sections scroll.
        const box = await run.dialog.boundingBox();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height).toBeLessThanOrEqual(height);
        await expect(run.runButton).toBeInViewport({ ratio: 1 });
        await run.submit();
        await expect(run.field(words.hostPort)).toBeFocused();
        await expect(run.field(words.hostPort)).toBeInViewport({ ratio: 1 });
        await expect(run.dialog.locator('#run-problems')).toBeInViewport({ ratio: 1 });
        await expect(run.runButton).toHaveAccessibleDescription(/.+/);
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
          await page.screenshot({ path: test.info().outputPath(`run-problem-${locale}-${width}x${height}-${scheme}.png`) });
        }
        await run.field(words.hostPort).fill('8080');
        await run.field(words.last).focus();
        await expect(run.command).toBeInViewport({ ratio: 1 });
        await expect(run.command).toContainText('--publish 127.0.0.1:8080:80');
        await page.screenshot({ path: test.info().outputPath(`run-command-${locale}-${width}x${height}.png`) });
      });
    }
  });
}

test('an Image that is no image reference is said at the field, before the engine is asked', async ({ containers, page }) => {
  await expect(containers.grid).toBeVisible();
  const run = new RunDialogPage(page);
  await run.open();
  await run.field('Image').fill('.');
  await run.submit();
  await expect(run.field('Image')).toBeFocused();
  await expect(run.dialog.getByText(/^Not an image reference: write \[registry\[:port\]\/\]name\[:tag\]\[@digest\]/)).toBeVisible();
  await expect(run.alert).toBeHidden();
  await run.field('Image').fill(TEST_IMAGE);
  await expect(run.dialog.getByText(/^Not an image reference/)).toBeHidden();
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a bind through a link to / is named as the root bind it is, with where the link leads', async ({ containers, runId, page }) => {
  const home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-links-'));
  try {
    // `ln -s / ~/r`, then `-v ~/r:/host`: the engine mounts the host's /.
    symlinkSync('/', path.join(home, 'r'));
    await expect(containers.grid).toBeVisible();
    const run = new RunDialogPage(page);
    await run.open();
    await run.field('Image').fill(TEST_IMAGE);
    await run.dialog.getByRole('button', { name: 'Add a volume' }).click();
    await run.field('Volume name or host folder').fill(path.join(home, 'r'));
    await run.field('Path in the container').fill('/host');
    await expect(run.dialog.getByText(`${path.join(home, 'r')} is a link to /: binding it gives this container root on the host.`)).toBeVisible();
    // A missing folder behind a link into a system folder is not offered for creating.
    await run.field('Volume name or host folder').fill(path.join(home, 'r', 'etc', `minato-test-${runId}`));
    await expect(run.dialog.getByText(`is a link to /etc/minato-test-${runId}: binding it gives`)).toBeVisible();
    await expect(run.dialog.getByRole('button', { name: 'Create it' })).toHaveCount(0);
    await run.dialog.getByRole('button', { name: 'Cancel' }).click();
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('run another like this notes what it keeps but cannot write as a flag, and drops all it carried once the original is gone', async ({ containers, runId, page }) => {
  const name = testName(runId, 'composed');
  // What Compose makes: a health check in exec form, which no docker run flag writes; --init is carried as a flag.
  const source = await testDocker().createContainer({
    name,
    Image: TEST_IMAGE,
    Cmd: ['sleep', '600'],
    Labels: { [TEST_LABEL]: '1', [`${TEST_LABEL}.run`]: runId },
    Healthcheck: { Test: ['CMD', 'true'], Interval: 30_000_000_000 },
    HostConfig: { Init: true },
  });
  await source.start();
  await expect(containers.row(name)).toBeVisible();
  const detail = new DetailPage(page);
  await detail.openFor(name);
  await detail.region.getByRole('button', { name: 'Run another like this' }).click();
  const run = new RunDialogPage(page);
  await expect(run.command).toContainText('--init');
  const note = run.dialog.getByText('Kept from the original container but not in the command, since no docker run flag can write them: Config.Healthcheck.Test.');
  await expect(note).toBeVisible();
  // The original goes before Run: the create falls back to a plain one, which the engine refuses here (no such
  // program), so the form stays open showing the command it really tried.
  await dockerCli(['rm', '-f', name]);
  await run.field('Command').fill('minato-no-such-program');
  await run.submit();
  await expect(run.alert).toContainText('its command is not in the image');
  await expect(run.command).not.toContainText('--init');
  await expect(note).toBeHidden();
  await run.dialog.getByRole('button', { name: 'Cancel' }).click();
});
