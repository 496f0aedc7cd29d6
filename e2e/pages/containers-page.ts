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

  /** The row's status text (Up 5 seconds, Exited (0) 2 minutes ago), as shown in the State column. */
  status(name: string): Locator {
    return this.row(name).locator('.status-text');
  }

  /** Rows whose aria-selected is true. */
  get selectedRows(): Locator {
    return this.grid.locator('[role="row"][aria-selected="true"]');
  }

  /** The row's context menu (right click, Shift+F10, the Menu key). */
  get menu(): Locator {
    return this.page.getByRole('menu');
  }

  async selectAllShown(): Promise<void> {
    await this.grid.getByRole('checkbox', { name: 'Select all shown' }).check();
  }

  /** Gives a row keyboard focus the way a click does, without selecting it (focus alone). */
  async focusRow(name: string): Promise<void> {
    await this.row(name).focus();
    await expect(this.row(name)).toBeFocused();
  }

  /** Creates `count` labelled containers with the docker CLI, a few at a time; returns their names. */
  static async createMany(create: (index: number) => Promise<string>, count: number, parallel = 8): Promise<string[]> {
    const names: string[] = [];
    for (let start = 0; start < count; start += parallel) {
      const batch = Array.from({ length: Math.min(parallel, count - start) }, (_, offset) => create(start + offset));
      names.push(...(await Promise.all(batch)));
    }
    return names;
  }
}
