import { expect, type Locator, type Page } from '@playwright/test';

/** The Build dialog, opened from Images: found by role and accessible name only. */
export class BuildDialogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Build…', exact: true }).click();
    await expect(this.dialog).toBeVisible();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Build an image' });
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** The folder typed as a path on the engine's machine (headless mode has no folder dialog). */
  async fill(values: { folder: string; tags?: string; buildArgs?: string; noCache?: boolean }): Promise<void> {
    await this.field('Folder (build context)').fill(values.folder);
    if (values.tags !== undefined) await this.field('Tags').fill(values.tags);
    if (values.buildArgs !== undefined) await this.field('Build arguments').fill(values.buildArgs);
    if (values.noCache !== undefined) await this.field('Do not use the cache (--no-cache)').setChecked(values.noCache);
  }

  get command(): Locator {
    return this.dialog.locator('.command-block code');
  }

  async build(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Build', exact: true }).click();
  }

  /** The running or finished build shown in the dialog. */
  run(subject: string): Locator {
    return this.dialog.getByRole('region', { name: `Build of ${subject}` });
  }

  log(): Locator {
    return this.dialog.getByLabel('Build log', { exact: true });
  }

  async cancel(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Cancel build', exact: true }).click();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(this.dialog).toBeHidden();
  }
}
