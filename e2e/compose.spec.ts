import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dockerCli, TEST_IMAGE, TEST_LABEL, testDockerHost, testName } from '../scripts/test-support/fixtures';
import { startHeadless } from '../scripts/test-support/headless';
import { ComposePage } from './pages/compose-page';
import { expect, test } from './support/fixtures';

const SHOTS = process.env.MINATO_SHOTS;

/** A project folder named as the project: a web server and a worker on a volume, every resource labelled for cleanup. */
function projectFolder(runId: string, name: string): string {
  const folder = path.join(os.tmpdir(), `minato-test-e2e-compose-${runId}`, name);
  mkdirSync(folder, { recursive: true });
  const labels = `{ ${TEST_LABEL}: "1", ${TEST_LABEL}.run: "${runId}" }`;
  writeFileSync(
    path.join(folder, 'compose.yaml'),
    [
      'version: "3.8"',
      'services:',
      '  web:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["httpd", "-f", "-v", "-p", "80", "-h", "/var/www"]',
      '    ports: ["127.0.0.1::80"]',
      `    labels: ${labels}`,
      '  worker:',
      `    image: ${TEST_IMAGE}`,
      '    command: ["sh", "-c", "echo worker ready; while true; do sleep 1; done"]',
      '    volumes: ["jobs:/jobs"]',
      `    environment: { APP_PASSWORD: "s3cret-${runId}" }`,
      `    labels: ${labels}`,
      'volumes:',
      '  jobs:',
      `    labels: ${labels}`,
      '',
    ].join('\n'),
  );
  return folder;
}

async function cleanUp(runId: string, name: string, compose: ComposePage): Promise<void> {
  const ids = (await dockerCli(['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`])).split('\n').filter(Boolean);
  if (ids.length > 0) await dockerCli(['rm', '-f', ...ids]);
  const volumes = (await dockerCli(['volume', 'ls', '-q', '--filter', `label=${TEST_LABEL}.run=${runId}`])).split('\n').filter(Boolean);
  if (volumes.length > 0) await dockerCli(['volume', 'rm', '-f', ...volumes]);
  const networks = (await dockerCli(['network', 'ls', '-q', '--filter', `label=com.docker.compose.project=${name}`])).split('\n').filter(Boolean);
  if (networks.length > 0) await dockerCli(['network', 'rm', ...networks]);
  // The project is remembered beside the settings: forget it through the page when it is still listed.
  const forget = compose.page.getByRole('button', { name: new RegExp(`^(Forget project ${name} |プロジェクト ${name} を一覧から外す)`) });
  if (await forget.isVisible().catch(() => false)) await forget.click();
  rmSync(path.join(os.tmpdir(), `minato-test-e2e-compose-${runId}`), { recursive: true, force: true });
}

test('opens a project from a file path, brings it up, sees its services running and takes it down with its volume', async ({ containers, runId, page }) => {
  // Each Compose run starts Debian's Python docker-compose: seconds apiece on a busy machine.
  test.slow();
  const name = testName(runId, 'shop');
  const folder = projectFolder(runId, name);
  const compose = new ComposePage(page);
  try {
    await expect(containers.grid).toBeVisible();
    await compose.open();
    // Finding the CLI asks its version: Debian's v1 is a Python program, seconds to start on a busy machine.
    await expect(compose.list.getByText(/^Runs docker-compose 1\.29\.2$/)).toBeVisible({ timeout: 30_000 });

    // A path with no compose file is said as typed; the folder of one names its file and project.
    await compose.pathField.fill(path.dirname(folder));
    await expect(compose.list.getByRole('status')).toHaveText('This folder has no compose.yaml, compose.yml, docker-compose.yml or docker-compose.yaml.');
    await expect(compose.list.getByRole('button', { name: 'Open project' })).toBeDisabled();
    await compose.pathField.fill(folder);
    await expect(compose.list.getByRole('status')).toHaveText(`Found ${path.join(folder, 'compose.yaml')}: project “${name}”.`);
    // The path field has the whole width of its row, so a typed path shows more than its tail.
    const fieldWidth = (await compose.pathField.boundingBox())!.width;
    const rowWidth = await compose.pathField.evaluate((field) => field.parentElement!.clientWidth);
    expect(fieldWidth).toBeGreaterThanOrEqual(rowWidth - 1);
    await compose.list.getByRole('button', { name: 'Open project' }).click();

    // Services are listed from the file before any container exists.
    await expect(compose.service(name, 'web')).toContainText(TEST_IMAGE, { timeout: 30_000 });
    await expect(compose.service(name, 'web')).toContainText('127.0.0.1::80');
    await expect(compose.service(name, 'worker')).toContainText('jobs:/jobs');
    await expect(compose.service(name, 'worker')).toContainText('no container yet');
    const file = path.join(folder, 'compose.yaml');
    await expect(compose.project(name).getByText(`docker-compose -p ${name} -f ${file} up -d`, { exact: true })).toBeVisible();
    await compose.project(name).getByRole('checkbox', { name: 'Recreate containers' }).check();
    await expect(compose.project(name).getByText(`docker-compose -p ${name} -f ${file} up -d --force-recreate`, { exact: true })).toBeVisible();

    // The resolved config, its secret hidden until revealed.
    await compose.project(name).getByRole('button', { name: 'Show resolved config' }).click();
    const config = compose.project(name).getByLabel('Resolved config');
    await expect(config).toContainText('APP_PASSWORD: ••••••', { timeout: 30_000 });
    await expect(config).not.toContainText(`s3cret-${runId}`);
    await compose.project(name).getByRole('button', { name: 'Reveal secrets' }).click();
    await expect(config).toContainText(`APP_PASSWORD: s3cret-${runId}`);
    await compose.project(name).getByRole('button', { name: 'Hide resolved config' }).click();

    await compose.action(name, 'Up').click();
    await expect(compose.run(name).getByText('Done.')).toBeVisible({ timeout: 60_000 });
    await expect(compose.run(name).getByLabel('Compose output')).toContainText(`Creating ${name}_web_1`);
    await expect(compose.service(name, 'web').getByText('running')).toBeVisible();
    await expect(compose.service(name, 'worker').getByText('running')).toBeVisible();
    // The merged logs of the project's containers.
    await expect(compose.project(name).getByRole('log')).toContainText('worker ready', { timeout: 15_000 });
    // The logs' command is in the form of the CLI found here (v1: docker-compose), like every other command.
    await expect(compose.project(name).getByText(`docker-compose -p ${name} logs -f --tail 200`, { exact: true })).toBeVisible();
    await expect(compose.project(name).getByText(/^docker compose /)).toHaveCount(0);
    // At 1024 px the services table fits its box: the scale control needs no sideways scroll.
    await page.setViewportSize({ width: 1024, height: 700 });
    const table = compose.services(name);
    await expect.poll(() => table.evaluate((element) => element.parentElement!.scrollWidth - element.parentElement!.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(compose.list.getByRole('listitem').filter({ hasText: name })).toContainText('2 of 2 running');

    // The container list's project row leads to the project's page.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Containers' }).click();
    await page.getByRole('button', { name: `Open ${name} in the Compose section` }).click();
    await expect(compose.service(name, 'web').getByText('running')).toBeVisible();

    // Down names what goes; with the volume ticked it names the volume and the command follows.
    await compose.action(name, 'Down…').click();
    const dialog = compose.downDialog(name);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('listitem').filter({ hasText: `Volume ${name}_jobs` })).toHaveCount(0);
    await dialog.getByRole('checkbox', { name: 'Also remove its named volumes, with their data' }).check();
    await expect(dialog.getByRole('listitem').filter({ hasText: `Volume ${name}_jobs` })).toHaveCount(1);
    await expect(dialog.getByRole('listitem').filter({ hasText: `Container ${name}_web_1` })).toHaveCount(1);
    await expect(dialog.getByText(`docker-compose -p ${name} -f ${file} down --volumes`, { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Down', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(compose.run(name).getByText('Done.')).toBeVisible({ timeout: 60_000 });
    await expect(compose.service(name, 'worker')).toContainText('no container yet', { timeout: 15_000 });
    await expect.poll(() => dockerCli(['volume', 'ls', '-q', '--filter', `name=${name}_jobs`])).toBe('');
    expect(await dockerCli(['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`])).toBe('');
  } finally {
    await cleanUp(runId, name, compose);
  }
});

test('a YAML error in the file is shown with its line', async ({ containers, runId, page }) => {
  const name = testName(runId, 'broken');
  const folder = path.join(os.tmpdir(), `minato-test-e2e-compose-${runId}`, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'docker-compose.yml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n   ports: ["80"]\n`);
  const compose = new ComposePage(page);
  try {
    await expect(containers.grid).toBeVisible();
    await compose.open();
    await compose.add(folder);
    const problems = compose.project(name).getByRole('region', { name: 'Problems in the file' });
    await expect(problems.getByText(/^Line 4, column 4/)).toBeVisible({ timeout: 30_000 });
    await expect(problems).toContainText('expected <block end>');

    // Compose reads the file before every action: none can run, and the page says why and what to do.
    await expect(compose.project(name)).toContainText('Fix the file, then read it again', { timeout: 30_000 });
    for (const action of ['Up', 'Start', 'Stop', 'Restart', 'Pull', 'Down…']) await expect(compose.action(name, action)).toBeDisabled();
    await expect(compose.project(name).getByRole('region', { name: 'Services' })).toContainText('The file could not be read');
    await expect(compose.project(name)).not.toContainText('The file lists no services.');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      for (const [width, height] of [
        [1280, 800],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.screenshot({ path: path.join(SHOTS, `compose-unreadable-en-light-${width}.png`) });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }

    // Opening the same file again only selects its project, after another project was chosen.
    const other = testName(runId, 'other');
    const otherFolder = path.join(os.tmpdir(), `minato-test-e2e-compose-${runId}`, other);
    mkdirSync(otherFolder, { recursive: true });
    writeFileSync(path.join(otherFolder, 'compose.yaml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n`);
    await compose.add(otherFolder);
    await expect(compose.project(other)).toBeVisible({ timeout: 15_000 });
    await compose.add(folder);
    await expect(compose.project(name)).toBeVisible({ timeout: 15_000 });
    await expect(compose.list.getByText('This project name is taken by')).toHaveCount(0);
    // Another file under the same project name is refused, naming the file that holds the name.
    const twin = path.join(os.tmpdir(), `minato-test-e2e-compose-${runId}`, 'twin', name);
    mkdirSync(twin, { recursive: true });
    writeFileSync(path.join(twin, 'compose.yaml'), `services:\n  web:\n    image: ${TEST_IMAGE}\n`);
    await compose.add(twin);
    await expect(compose.list.getByText(`This project name is taken by ${path.join(folder, 'docker-compose.yml')}: forget that project first`)).toBeVisible();
    await compose.project(name).getByRole('button', { name: `Forget project ${name} (its containers stay)` }).click();
    await compose.project(other).getByRole('button', { name: `Forget project ${other} (its containers stay)` }).click();
  } finally {
    await cleanUp(runId, name, compose);
  }
});

test('without a Compose CLI, the section says how to install one', async ({ page }) => {
  // A server whose PATH holds no docker-compose (and no plugin folder has one): as on a machine without Compose.
  const bare = await startHeadless(testDockerHost(), { PATH: path.join(os.tmpdir(), 'minato-test-no-compose') });
  try {
    await page.goto(bare.url);
    const compose = new ComposePage(page);
    await compose.open();
    const advice = compose.list.getByRole('region', { name: 'No Compose CLI on this machine' });
    await expect(advice).toBeVisible({ timeout: 30_000 });
    await expect(advice).toContainText('sudo apt-get install docker-compose-plugin');
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: path.join(SHOTS, 'compose-no-cli-en-light-1280.png') });
    }
  } finally {
    await bare.stop();
  }
});

for (const [locale, colorScheme] of [
  ['en-US', 'light'],
  ['en-US', 'dark'],
  ['ja-JP', 'light'],
  ['ja-JP', 'dark'],
] as const) {
  test.describe(`screenshots (${locale}, ${colorScheme})`, () => {
    test.use({ locale, colorScheme });
    test('a running project and its down confirmation at 1280×800 and 1024×700', async ({ server, runId, page }) => {
      test.skip(!SHOTS, 'MINATO_SHOTS names the folder for screenshots');
      test.slow();
      mkdirSync(SHOTS!, { recursive: true });
      const name = testName(runId, 'shots');
      const folder = projectFolder(runId, name);
      const compose = new ComposePage(page);
      try {
        await page.goto(server.url);
        await page.getByRole('navigation').getByRole('link', { name: 'Compose' }).click();
        await page.getByRole('textbox').first().fill(folder);
        await page.locator('.compose-add button[type=submit]').click();
        await page.locator('.compose-up > button').click();
        await expect(page.locator('.compose-table .state-running')).toHaveCount(2, { timeout: 90_000 });
        const tag = `${locale.slice(0, 2)}-${colorScheme}`;
        for (const [width, height] of [
          [1280, 800],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width, height });
          await page.locator('.compose-view').evaluate((element) => element.scrollTo(0, 0));
          await page.screenshot({ path: path.join(SHOTS!, `compose-project-${tag}-${width}.png`) });
          await page.locator('.compose-project').evaluate((element) => element.scrollIntoView({ block: 'end' }));
          await page.screenshot({ path: path.join(SHOTS!, `compose-project-end-${tag}-${width}.png`) });
          await page.locator('.compose-actions > .compose-action > button.danger').click();
          await page.getByRole('alertdialog').getByRole('checkbox').check();
          await page.screenshot({ path: path.join(SHOTS!, `compose-down-${tag}-${width}.png`) });
          await page.keyboard.press('Escape');
        }
      } finally {
        await cleanUp(runId, name, compose);
      }
    });
  });
}
