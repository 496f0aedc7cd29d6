import { expect, type Locator, type Page } from '@playwright/test';

/** The Networks section as a person sees it: found by role and accessible name only. */
export class NetworksPage {
  constructor(readonly page: Page) {}

  /** From the sidebar, as a person would get there. */
  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Networks' }).click();
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Networks' });
  }

  openButton(name: string): Locator {
    return this.table.getByRole('button', { name: `Open network ${name}`, exact: true });
  }

  row(name: string): Locator {
    // A `has` locator is searched inside each row, so it starts from the page, not from the table.
    return this.table.getByRole('row').filter({ has: this.page.getByRole('button', { name: `Open network ${name}`, exact: true }) });
  }

  get createDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Create a network' });
  }

  networkPage(name: string): Locator {
    return this.page.getByRole('region', { name: `Network ${name}`, exact: true });
  }

  async openNetwork(name: string): Promise<Locator> {
    await this.openButton(name).click();
    const page = this.networkPage(name);
    await expect(page).toBeVisible();
    return page;
  }

  /** The containers on a network, on its page. */
  members(name: string): Locator {
    return this.networkPage(name).getByRole('table', { name: 'Containers on this network' });
  }

  connectForm(name: string): Locator {
    return this.networkPage(name).getByRole('form', { name: `Connect a container to ${name}` });
  }
}
