import { expect, type Locator, type Page } from '@playwright/test';

/** The container detail pane and its tabs, found by role and accessible name. */
export class DetailPage {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Container details' });
  }

  async openFor(rowName: string): Promise<void> {
    const row = this.page.getByRole('grid', { name: 'Containers' }).getByRole('row', { name: rowName, exact: true });
    await row.dblclick();
    await expect(this.region).toBeVisible();
  }

  async tab(name: string): Promise<void> {
    await this.region.getByRole('tab', { name, exact: true }).click();
  }

  get log(): Locator {
    return this.region.getByRole('log');
  }

  get terminalText(): Locator {
    return this.region.locator('.terminal-panel:not([hidden]) .xterm-rows');
  }

  /** The shown terminal, by role and name; it exposes its geometry (data-cols, data-rows) for tests. */
  get terminal(): Locator {
    return this.region.locator('.terminal-panel:not([hidden])').getByRole('application', { name: 'Terminal' });
  }

  async terminalSize(): Promise<{ rows: number; cols: number }> {
    const [rows, cols] = await Promise.all([this.terminal.getAttribute('data-rows'), this.terminal.getAttribute('data-cols')]);
    return { rows: Number(rows), cols: Number(cols) };
  }

  /** A log line whose whole text is `text` (timestamps off). */
  logLine(text: string): Locator {
    return this.log.locator('.log-line').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async typeInTerminal(text: string): Promise<void> {
    await this.region.locator('.terminal-panel:not([hidden]) .xterm-helper-textarea').focus();
    await this.page.keyboard.type(text);
  }
}
