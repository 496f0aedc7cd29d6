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

  /** Opens a container's details on the Terminal tab and waits for the shell's prompt. */
  async openTerminal(rowName: string): Promise<void> {
    await this.openFor(rowName);
    await this.tab('Terminal');
    await expect(this.terminalText).toContainText('#', { timeout: 10_000 });
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

  /** The line under the log: counts, notices ("Loaded 1000 older lines"). */
  get logStatus(): Locator {
    return this.region.locator('.logs-status');
  }

  get followBox(): Locator {
    return this.region.getByRole('checkbox', { name: 'Follow' });
  }

  /** Pixels between the log's visible end and its last line. */
  async logDistanceToBottom(): Promise<number> {
    return this.log.evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  }

  /**
   * Every line the (virtualised) log holds, in order: scrolls it from top to bottom, reading the rows drawn at each
   * step by their index. Turn following off first, or the view would jump back to the end.
   */
  async allLogLines(): Promise<string[]> {
    return this.log.evaluate(async (element) => {
      const rows = new Map<number, string>();
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (let top = 0; ; top += element.clientHeight / 2) {
        element.scrollTop = top;
        await frame();
        for (const row of element.querySelectorAll<HTMLElement>('.log-row[data-index]')) {
          rows.set(Number(row.dataset.index), row.querySelector('.log-text')?.textContent ?? '');
        }
        if (top >= element.scrollHeight) break;
      }
      return [...rows.entries()].sort((a, b) => a[0] - b[0]).map((entry) => entry[1]);
    });
  }

  async clipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /**
   * Whether a line is whole on screen and nothing lies over it: its box is inside the window, and at its top and
   * bottom edge the element the browser finds is the line itself (not the window's edge, a banner, or the log's own
   * clipping).
   */
  async isWhollyVisible(line: Locator): Promise<boolean> {
    return line.evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.top < 0 || box.left < 0 || box.bottom > window.innerHeight || box.right > window.innerWidth) return false;
      const x = box.left + Math.min(8, box.width / 2);
      return [box.top + 1, box.bottom - 1].every((y) => {
        const hit = document.elementFromPoint(x, y);
        return hit !== null && (hit === element || element.contains(hit));
      });
    });
  }

  /** The close button of terminal N (counted from 1, as the tab names it). */
  closeTerminal(index: number): Locator {
    return this.region.getByRole('button', { name: `Close terminal ${index}` });
  }

  get terminalStatus(): Locator {
    return this.region.locator('.terminal-panel:not([hidden]) .terminal-status');
  }

  async typeInTerminal(text: string): Promise<void> {
    await this.region.locator('.terminal-panel:not([hidden]) .xterm-helper-textarea').focus();
    await this.page.keyboard.type(text);
  }
}
