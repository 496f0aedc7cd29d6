import { expect, type Locator, type Page } from '@playwright/test';

/** The Explore (Docker Hub) section as a person sees it: found by role and accessible name only. */
export class HubPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Explore' }).click();
    await expect(this.page.getByRole('heading', { name: 'Explore Docker Hub' })).toBeVisible();
  }

  get recommended(): Locator {
    return this.page.getByRole('region', { name: 'Images people start with' });
  }

  async search(query: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: 'Search Docker Hub' }).fill(query);
    await this.page.getByRole('button', { name: 'Search', exact: true }).click();
  }

  get results(): Locator {
    return this.page.getByRole('region', { name: 'Search results' });
  }

  result(name: string): Locator {
    return this.results.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Open ${name}`, exact: true }) });
  }

  get problem(): Locator {
    return this.page.getByRole('alert');
  }

  async openRepository(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 2, exact: true })).toBeVisible();
  }

  get rateLimit(): Locator {
    return this.page.getByRole('region', { name: 'Pull limit' });
  }

  get readme(): Locator {
    return this.page.getByRole('region', { name: 'Overview' });
  }

  get tags(): Locator {
    return this.page.getByRole('region', { name: 'Tags' }).first();
  }

  tagRow(tag: string): Locator {
    return this.tags.getByRole('row', { name: tag, exact: true });
  }

  async nextTagsPage(): Promise<void> {
    await this.tags.getByRole('button', { name: 'Next page' }).click();
  }

  async previousTagsPage(): Promise<void> {
    await this.tags.getByRole('button', { name: 'Previous page' }).click();
  }

  async pull(image: string): Promise<void> {
    await this.page.getByRole('button', { name: `Pull ${image}`, exact: true }).click();
  }

  get pullStatus(): Locator {
    return this.tags.getByRole('status');
  }

  async run(image: string): Promise<void> {
    await this.page.getByRole('button', { name: `Run ${image}`, exact: true }).click();
  }
}
