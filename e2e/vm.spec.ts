import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { testDockerHost } from '../scripts/test-support/fixtures';
import { startHeadless, type HeadlessServer } from '../scripts/test-support/headless';

/**
 * The Linux VM page of a machine with QEMU but no VM yet (no image either: booting one takes minutes under tcg and
 * is covered by engine/src/vm/vm.int.test.ts). Each server has a settings folder of its own, so the VM's folder is
 * the test's.
 */
async function axeProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

class VmPage {
  constructor(private readonly page: Page) {}

  open(url: string) {
    return this.page.goto(`${url}#vm`);
  }

  get view() {
    return this.page.locator('section.vm-view');
  }

  createForm(name: string) {
    return this.page.getByRole('form', { name });
  }
}

let home: string;

test.beforeAll(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'minato-test-e2e-vm-'));
});

test.afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

async function serverIn(folder: string, dockerHost: string): Promise<HeadlessServer> {
  return startHeadless(dockerHost, { HOME: folder, MINATO_SETTINGS_FILE: path.join(folder, 'settings.json'), MINATO_VM_IMAGE_DIR: '' });
}

test('no VM yet: the create form starts from the defaults, waits for an image and says why beside its button', async ({ page }) => {
  const folder = mkdtempSync(path.join(home, 'en-'));
  const server = await serverIn(folder, testDockerHost());
  try {
    const vm = new VmPage(page);
    await vm.open(server.url);
    await expect(vm.view.getByRole('heading', { name: 'Linux VM', level: 2 })).toBeVisible();
    await expect(vm.view.getByRole('status').first()).toHaveText('Not created');
    const form = vm.createForm('Create Minato’s Linux VM');
    const cpus = Number(await form.getByRole('spinbutton', { name: 'CPUs' }).inputValue());
    expect(cpus).toBe(Math.max(1, Math.min(4, Math.floor(os.cpus().length / 2))));
    await expect(form.getByRole('spinbutton', { name: 'Disk size (GiB)' })).toHaveValue('60');
    const memory = Number(await form.getByRole('spinbutton', { name: 'Memory (MiB)' }).inputValue());
    expect(memory).toBeGreaterThanOrEqual(2048);
    expect(memory).toBeLessThanOrEqual(4096);
    // No image yet: the button waits, and the way forward is written next to it, once.
    const create = form.getByRole('button', { name: 'Create and start' });
    await expect(create).toBeDisabled();
    await expect(create).toHaveAccessibleDescription('Download or import the VM image above first.');
    await expect(vm.view.getByText('download or import one first')).toHaveCount(0);
    expect(await axeProblems(page)).toEqual([]);
    for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, `vm-create-${width}.png`) });
    }
  } finally {
    await server.stop();
  }
});

test('the size fields say in Minato’s words what they accept, bounded by this computer', async ({ page }) => {
  const folder = mkdtempSync(path.join(home, 'en-sizes-'));
  const server = await serverIn(folder, testDockerHost());
  try {
    const vm = new VmPage(page);
    await vm.open(server.url);
    const form = vm.createForm('Create Minato’s Linux VM');
    const hostMiB = Math.floor(os.totalmem() / 2 ** 20);
    const memory = form.getByRole('spinbutton', { name: 'Memory (MiB)' });
    await memory.fill('999999');
    await expect(memory).toHaveAttribute('aria-invalid', 'true');
    await expect(memory).toHaveAccessibleDescription(new RegExp(`^At most \\d+ MiB: this computer has ${hostMiB} MiB and keeps some for itself\\.$`));
    const cpus = form.getByRole('spinbutton', { name: 'CPUs' });
    await cpus.fill('0');
    await expect(cpus).toHaveAccessibleDescription('At least 1.');
    await cpus.fill(String(os.cpus().length + 1));
    await expect(cpus).toHaveAccessibleDescription(`At most ${os.cpus().length}: this computer has ${os.cpus().length} CPUs.`);
    const disk = form.getByRole('spinbutton', { name: 'Disk size (GiB)' });
    await disk.fill('');
    await expect(disk).toHaveAccessibleDescription('Enter a whole number. The disk grows as it fills, up to this size.');
    await disk.fill('100000');
    await expect(disk).toHaveAccessibleDescription('At most 2048 GiB. The disk grows as it fills, up to this size.');
    // Pressing Enter is refused by the form itself: no browser bubble, the messages stay.
    await disk.press('Enter');
    await expect(memory).toHaveAccessibleDescription(/^At most/);

    const importField = vm.view.getByRole('textbox', { name: 'Or import an image folder from this computer' });
    const missing = path.join(folder, 'nope');
    await importField.fill(missing);
    await vm.view.getByRole('button', { name: 'Import' }).click();
    await expect(importField).toHaveAccessibleDescription(`There is no folder at ${missing}.`);
    expect(await axeProblems(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
        await page.setViewportSize({ width, height });
        if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, `vm-sizes-${scheme}-${width}.png`), fullPage: true });
      }
    }
  } finally {
    await server.stop();
  }
});

test.describe('in Japanese, dark', () => {
  test.use({ locale: 'ja-JP', colorScheme: 'dark' });

  test('the VM page and its form read in Japanese', async ({ page }) => {
    const folder = mkdtempSync(path.join(home, 'ja-'));
    const server = await serverIn(folder, testDockerHost());
    try {
      await new VmPage(page).open(server.url);
      const form = new VmPage(page).createForm('Minato の Linux VM を作成');
      await expect(form.getByRole('spinbutton', { name: 'CPU 数' })).toBeVisible();
      await expect(form.getByRole('button', { name: '作成して起動' })).toHaveAccessibleDescription('先に上の VM イメージをダウンロードするかインポートしてください。');
      const memory = form.getByRole('spinbutton', { name: 'メモリ（MiB）' });
      await memory.fill('999999');
      await expect(memory).toHaveAccessibleDescription(new RegExp(`^\\d+ MiB 以下にしてください（このコンピューターのメモリは ${Math.floor(os.totalmem() / 2 ** 20)} MiB`));
      const importField = page.getByRole('textbox', { name: 'または、このコンピューターのイメージフォルダーをインポート' });
      await importField.fill(path.join(folder, 'nope'));
      await page.getByRole('button', { name: 'インポート' }).click();
      await expect(importField).toHaveAccessibleDescription(`${path.join(folder, 'nope')} にフォルダーはありません。`);
      expect(await axeProblems(page)).toEqual([]);
      for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
        await page.setViewportSize({ width, height });
        if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, `vm-create-ja-dark-${width}.png`), fullPage: true });
      }
    } finally {
      await server.stop();
    }
  });
});

test('with no engine at all, onboarding offers the VM and its link opens the VM page', async ({ page }) => {
  const folder = mkdtempSync(path.join(home, 'none-'));
  const server = await serverIn(folder, `unix://${path.join(folder, 'no-docker.sock')}`);
  try {
    await page.goto(server.url);
    const offer = page.getByRole('link', { name: 'Create Minato’s Linux VM' });
    await expect(offer).toBeVisible({ timeout: 30_000 });
    await offer.click();
    await expect(new VmPage(page).createForm('Create Minato’s Linux VM')).toBeVisible();
  } finally {
    await server.stop();
  }
});
