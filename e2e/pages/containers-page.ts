import { expect, type Locator, type Page } from '@playwright/test';

/** The container list as a person sees it: found by role and accessible name only. */
export class ContainersPage {
  constructor(readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.grid).toBeVisible();
  }

  get grid(): Locator {
    return this.page.getByRole('grid', { name: 'Containers' });
  }

  row(name: string): Locator {
    return this.grid.getByRole('row', { name, exact: true });
  }

  get connection(): Locator {
    return this.page.getByRole('status').filter({ hasText: /Connected|Connecting|Disconnected/ });
  }

  get count(): Locator {
    return this.page.getByLabel('Container count');
  }

  async showAll(): Promise<void> {
    await this.page.getByRole('radio', { name: 'All' }).check();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: /Search/ }).fill(text);
  }

  async select(name: string): Promise<void> {
    await this.grid.getByRole('checkbox', { name: `Select ${name}`, exact: true }).check();
  }

  async act(action: string): Promise<void> {
    await this.page.getByRole('toolbar').getByRole('button', { name: action, exact: true }).click();
  }

  get confirmDialog(): Locator {
    return this.page.getByRole('alertdialog');
  }
}
