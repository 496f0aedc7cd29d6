import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAuthRegistry, type AuthRegistry } from '../scripts/test-support/auth-registry';
import { startTlsRegistry } from '../scripts/test-support/tls-registry';
import { TEST_IMAGE, dockerCli, newRunId, testDockerHost } from '../scripts/test-support/fixtures';
import { startHeadless, type HeadlessServer } from '../scripts/test-support/headless';
import { ContainersPage } from './pages/containers-page';
import { ImagesPage } from './pages/images-page';
import { RegistriesPage } from './pages/registries-page';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const runId = newRunId();
let registry: AuthRegistry;
let server: HeadlessServer;
let home: string;
let ref: string;
const repository = `minato-test-${runId}/e2e`;

/** What axe-core finds at serious or critical impact (WCAG 2.1 A/AA), each as rule: the elements it names. */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test.beforeAll(async () => {
  registry = await startAuthRegistry('htpasswd');
  // A docker config folder of this test's own: the person's ~/.docker is never touched.
  home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-e2e-registry-'));
  server = await startHeadless(testDockerHost(), { HOME: home, DOCKER_CONFIG: path.join(home, '.docker'), MINATO_SETTINGS_FILE: path.join(home, 'settings.json') });
  ref = `${registry.address}/${repository}:1`;
  await dockerCli(['tag', TEST_IMAGE, ref]);
});

test.afterAll(async () => {
  await dockerCli(['rmi', ref]).catch(() => undefined);
  await server?.stop();
  await registry?.stop();
  rmSync(home, { recursive: true, force: true });
});

test('add a registry with a login, log in, push a local image, browse to its tag and delete it', async ({ page }) => {
  const registries = new RegistriesPage(page);
  const images = new ImagesPage(page);
  await new ContainersPage(page).open(server.url);
  await registries.open();
  await registries.add(registry.address);
  await expect(registries.entry(registry.address)).toContainText('Not logged in');
  // The catalog needs a login: said so, with the way to give one.
  await expect(registries.repositories(registry.address).getByRole('alert')).toContainText(`${registry.address} needs a login`);

  const wrong = await registries.logIn(registry.address, registry.user, 'not-the-password');
  await expect(wrong.getByRole('alert')).toHaveText(`Wrong user name or password for ${registry.address}.`);
  await expect(wrong.locator('code')).toHaveText(`docker login --username ${registry.user} --password-stdin ${registry.address}`);
  expect(await axeProblems(page)).toEqual([]);
  const dialog = await registries.logIn(registry.address, registry.user, registry.password);
  await expect(dialog).toBeHidden();
  await expect(registries.entry(registry.address)).toContainText(`Logged in as ${registry.user}`);
  // Stored as the docker CLI stores it without a helper.
  const config = JSON.parse(readFileSync(path.join(home, '.docker', 'config.json'), 'utf8')) as { auths: Record<string, { auth: string }> };
  expect(Buffer.from(config.auths[registry.address]!.auth, 'base64').toString()).toBe(`${registry.user}:${registry.password}`);

  // Push from the image's page: the command, then the task to its end.
  await images.open();
  const imagePage = await images.openImage(ref);
  await imagePage.getByRole('button', { name: 'Push', exact: true }).click();
  const push = page.getByRole('dialog', { name: `Push ${ref}` });
  await expect(push.locator('code')).toHaveText(`docker push ${ref}`);
  await push.getByRole('button', { name: 'Push', exact: true }).click();
  await expect(push.getByRole('status')).toContainText(`${ref} was pushed (sha256:`, { timeout: 30_000 });
  await push.getByRole('button', { name: 'Close' }).click();

  // Browse: repository → tag → manifest and config.
  await registries.open();
  await registries.repositories(registry.address).getByRole('button', { name: repository }).click();
  const tags = registries.tags(registry.address, repository);
  await tags.getByRole('button', { name: '1', exact: true }).click();
  const manifest = registries.manifest(registry.address, '1');
  await expect(manifest).toContainText('application/vnd.docker.distribution.manifest.v2+json');
  await expect(manifest.getByRole('group', { name: 'Image configuration' })).toContainText('PATH=/bin');

  // Pull from there: the command shown, the task followed to its end.
  await tags.getByRole('button', { name: `Pull ${ref}` }).click();
  const pulled = tags.getByRole('status');
  await expect(pulled.locator('code')).toHaveText(`docker pull ${ref}`);
  await expect(pulled).toContainText(`${ref} was pulled.`, { timeout: 30_000 });
  expect(await axeProblems(page)).toEqual([]);
  if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, 'registries.png'), fullPage: true });

  // Delete the tag after a confirmation that names it and the request it makes.
  await tags.getByRole('button', { name: `Delete ${ref}` }).click();
  const confirm = registries.deleteDialog(ref);
  await expect(confirm.locator('code')).toHaveText(`DELETE /v2/${repository}/manifests/<digest of 1>`);
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(tags).toContainText('No tags left in this repository.');
  await expect(page.getByText(registry.password)).toHaveCount(0);
});

test('an HTTPS registry signed by a private CA: refused as not trusted, then added with its CA file and browsed', async ({ page }) => {
  const tls = await startTlsRegistry();
  const tlsRepository = `minato-test-${runId}/private-ca`;
  const tlsRef = `${tls.address}/${tlsRepository}:1`;
  try {
    await dockerCli(['tag', TEST_IMAGE, tlsRef]);
    await dockerCli(['push', tlsRef]);
    await dockerCli(['rmi', tlsRef]);
    const registries = new RegistriesPage(page);
    await new ContainersPage(page).open(server.url);
    await registries.open();
    const form = page.getByRole('form', { name: 'Add a registry' });
    await form.getByRole('textbox', { name: 'Registry address' }).fill(`https://${tls.address}`);
    await form.getByRole('button', { name: 'Add registry' }).click();
    await expect(form.getByRole('alert')).toContainText(`${tls.address}'s certificate is not trusted`);
    await expect(form.getByRole('alert')).toContainText(`~/.docker/certs.d/${tls.address}/ca.crt`);
    // The CA field opened by itself; the file picked fills it.
    await form.getByLabel('CA certificate file').setInputFiles(tls.ca.ca);
    await expect(form.getByRole('textbox', { name: 'CA certificate (PEM)' })).toHaveValue(/-----BEGIN CERTIFICATE-----/);
    expect(await axeProblems(page)).toEqual([]);
    if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, 'registries-private-ca.png') });
    await form.getByRole('button', { name: 'Add registry' }).click();
    await expect(registries.entry(tls.address)).toContainText('CA minato-test-ca');
    await registries.entry(tls.address).getByRole('button', { name: tls.address, exact: true }).click();
    await expect(registries.repositories(tls.address).getByRole('button', { name: tlsRepository })).toBeVisible();
  } finally {
    await tls.stop();
  }
});
