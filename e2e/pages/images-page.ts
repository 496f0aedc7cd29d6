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
    await this.page.getByRole('combobox', { name: 'Image to pull' }).fill(name);
    await this.page.getByRole('button', { name: 'Pull', exact: true }).click();
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Remove this image?' });
  }

  /** Opens an image's page from its row, by the repository name's button. */
  async openImage(ref: string): Promise<Locator> {
    await this.table.getByRole('button', { name: `Open ${ref}`, exact: true }).click();
    const page = this.imagePage(ref);
    await expect(page).toBeVisible();
    return page;
  }

  imagePage(ref: string): Locator {
    return this.page.getByRole('region', { name: `Image ${ref}`, exact: true });
  }

  /** A section of an image's page (Layers, Tags and digests, Configuration…). */
  section(ref: string, name: string): Locator {
    return this.imagePage(ref).getByRole('region', { name, exact: true });
  }

  async tag(ref: string, target: string): Promise<void> {
    await this.imagePage(ref).getByRole('button', { name: 'Tag…' }).click();
    const dialog = this.page.getByRole('dialog', { name: `Tag ${ref}` });
    await dialog.getByRole('textbox', { name: 'New name' }).fill(target);
    await expect(dialog.locator('code')).toHaveText(`docker tag ${ref} ${target}`);
    await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  get pruneDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Remove unused images' });
  }

  async openPrune(): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Prune…' }).click();
    await expect(this.pruneDialog).toBeVisible();
    return this.pruneDialog;
  }

  get pullStatus(): Locator {
    return this.page.getByRole('form', { name: 'Pull an image' }).getByRole('status');
  }
}
