import { expect, type Locator, type Page } from '@playwright/test';

/** The Compose section as a person sees it: found by role and accessible name only. */
export class ComposePage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Compose' }).click();
    await expect(this.list).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Compose projects' });
  }

  get pathField(): Locator {
    return this.list.getByRole('textbox', { name: 'Compose file or folder' });
  }

  async add(path: string): Promise<void> {
    await this.pathField.fill(path);
    await expect(this.list.getByRole('status')).toContainText('Found ', { timeout: 15_000 });
    await this.list.getByRole('button', { name: 'Open project' }).click();
  }

  project(name: string): Locator {
    return this.page.getByRole('region', { name: `Project ${name}`, exact: true });
  }

  services(name: string): Locator {
    return this.project(name).getByRole('table');
  }

  service(name: string, service: string): Locator {
    return this.services(name).getByRole('row', { name: service, exact: true });
  }

  action(name: string, label: string): Locator {
    return this.project(name).getByRole('region', { name: 'Actions' }).getByRole('button', { name: label, exact: true });
  }

  run(name: string): Locator {
    return this.project(name).getByRole('region', { name: /^Latest action: / });
  }

  downDialog(name: string): Locator {
    return this.page.getByRole('alertdialog', { name: `Take down ${name}?` });
  }
}
