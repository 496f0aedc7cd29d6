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

test('no VM yet: the create form starts from the defaults, and Create says an image is needed first', async ({ page }) => {
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
    expect(await axeProblems(page)).toEqual([]);
    for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
      await page.setViewportSize({ width, height });
      if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, `vm-create-${width}.png`) });
    }
    await form.getByRole('button', { name: 'Create and start' }).click();
    await expect(vm.view.getByRole('alert').first()).toContainText('There is no VM image yet');
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
      await expect(form.getByRole('button', { name: '作成して起動' })).toBeVisible();
      expect(await axeProblems(page)).toEqual([]);
      for (const [width, height] of [[1280, 800], [1024, 700]] as const) {
        await page.setViewportSize({ width, height });
        if (process.env.MINATO_SHOTS) await page.screenshot({ path: path.join(process.env.MINATO_SHOTS, `vm-create-ja-dark-${width}.png`) });
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
