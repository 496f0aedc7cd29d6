import { expect, type Locator, type Page } from '@playwright/test';

/** The Volumes section as a person sees it: found by role and accessible name only. */
export class VolumesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Volumes' }).click();
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Volumes' });
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Remove volume ${name}`, exact: true }) });
  }

  async create(name: string, labels: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'New volume' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'New volume' });
    await dialog.getByRole('textbox', { name: /^Name/ }).fill(name);
    await dialog.getByRole('textbox', { name: /^Labels/ }).fill(labels);
    return dialog;
  }

  async openVolume(name: string): Promise<Locator> {
    await this.table.getByRole('button', { name: `Open volume ${name}`, exact: true }).click();
    return this.volumePage(name);
  }

  volumePage(name: string): Locator {
    return this.page.getByRole('region', { name: `Volume ${name}`, exact: true });
  }

  removeDialog(name: string): Locator {
    return this.page.getByRole('alertdialog', { name: `Remove volume ${name}?` });
  }
}
