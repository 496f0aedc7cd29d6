import { type Locator, type Page } from '@playwright/test';

/** The Run dialog, by role and accessible name. */
export class RunDialogPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run a container…' }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Run a container' });
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Run', exact: true }).click();
  }
}
