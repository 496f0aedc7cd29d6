import { expect, type Locator, type Page } from '@playwright/test';

/** The Images section as a person sees it: found by role and accessible name only. */
export class ImagesPage {
  constructor(readonly page: Page) {}

  /** From the sidebar, as a person would get there. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Images' }).click();
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Images' });
  }

  /** The row of one `repo:tag` (or short id, for a dangling image). */
  row(ref: string): Locator {
    // A `has` locator is searched inside each row, so it starts from the page, not from the table.
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Remove ${ref}`, exact: true }) });
  }

  removeButton(ref: string): Locator {
    return this.table.getByRole('button', { name: `Remove ${ref}`, exact: true });
  }

  async run(ref: string): Promise<void> {
    await this.table.getByRole('button', { name: `Run a container from ${ref}`, exact: true }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search images' }).fill(text);
  }

  async pull(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Image to pull' }).fill(name);
    await this.page.getByRole('button', { name: 'Pull', exact: true }).click();
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Remove this image?' });
  }

  get pullStatus(): Locator {
    return this.page.getByRole('form', { name: 'Pull an image' }).getByRole('status');
  }
}
