import { expect, type Locator, type Page } from '@playwright/test';

/** The System section as a person sees it: found by role and accessible name only. */
export class SystemPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'System' }).click();
    await expect(this.section).toBeVisible();
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'System', exact: true });
  }

  async tab(name: 'Engine' | 'Disk use' | 'Clean up' | 'Events'): Promise<Locator> {
    await this.section.getByRole('tab', { name, exact: true }).click();
    return this.section.getByRole('tabpanel', { name });
  }

  get diskTable(): Locator {
    return this.section.getByRole('table', { name: 'Disk use by kind' });
  }

  get eventsTable(): Locator {
    return this.section.getByRole('table', { name: 'Events' });
  }
}
