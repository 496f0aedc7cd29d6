import type { Locator, Page } from '@playwright/test';

/** The engine switcher in the header and Settings → Engines, found by role and accessible name only. */
export class EnginesPage {
  constructor(readonly page: Page) {}

  get switcher(): Locator {
    return this.page.getByRole('button', { name: /^Engine / });
  }

  get menu(): Locator {
    return this.page.getByRole('menu', { name: 'Engines' });
  }

  /** Picks an engine (or "All engines") with the keyboard: Enter opens the menu, arrows move, Enter picks. */
  async choose(name: string): Promise<void> {
    await this.switcher.focus();
    await this.page.keyboard.press('Enter');
    const item = this.menu.getByRole('menuitemradio', { name: new RegExp(`^${name}\\b`) });
    await item.waitFor();
    for (let step = 0; step < 10; step++) {
      if (await item.evaluate((element) => element === document.activeElement)) break;
      await this.page.keyboard.press('ArrowDown');
    }
    await this.page.keyboard.press('Enter');
  }

  get settings(): Locator {
    return this.page.getByRole('dialog', { name: 'Settings' });
  }

  async openSettings(): Promise<void> {
    await this.page.getByRole('button', { name: 'Settings', exact: true }).click();
    await this.settings.getByRole('tab', { name: 'Engines' }).click();
  }

  engineItem(name: string): Locator {
    return this.settings.getByRole('list', { name: 'Engines' }).getByRole('listitem', { name, exact: true });
  }

  async addEngine(name: string, address: string): Promise<void> {
    await this.settings.getByRole('button', { name: 'Add an engine…' }).click();
    const form = this.settings.getByRole('form', { name: 'Add an engine' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('textbox', { name: 'Address' }).fill(address);
    await form.getByRole('button', { name: 'Add', exact: true }).click();
  }
}
