import { expect, type Locator, type Page, type WebSocket } from '@playwright/test';
import type { DetailPage } from './detail-page';

/** A transfer's progress bar as a screen reader meets it: its name and the text it announces. */
export interface ProgressSeen {
  label: string;
  text: string;
}

/** The Files and Stats tabs of the detail pane, found by role and accessible name. */
export class InsightPage {
  constructor(readonly detail: DetailPage) {}

  get page(): Page {
    return this.detail.page;
  }

  get region(): Locator {
    return this.detail.region;
  }

  async openFolder(path: string): Promise<void> {
    await this.region.getByRole('textbox', { name: 'Path' }).fill(path);
    await this.region.getByRole('button', { name: 'Go', exact: true }).click();
  }

  /** The note under the Files toolbar saying how the folder was read (which command ran, or the archive API). */
  get howListed(): Locator {
    return this.region.locator('.files-via');
  }

  /** The folder picker (input webkitdirectory): Playwright hands it a whole folder from disk. */
  async uploadFolder(folder: string): Promise<void> {
    await this.region.getByLabel('Upload a folder').setInputFiles(folder);
  }

  /**
   * A real OS drag of a folder: Chromium's own drag path (Input.dispatchDragEvent with file paths) registers the
   * folder as a dropped file system, so the page walks real FileSystemDirectoryEntry objects, as after a person's drop.
   */
  async dropFolder(folder: string, onto: Locator): Promise<void> {
    const session = await this.page.context().newCDPSession(this.page);
    const data = { items: [], files: [folder], dragOperationsMask: 1 };
    const centre = async () => {
      const box = await onto.boundingBox();
      if (!box) throw new Error('The drop target is not on screen');
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    try {
      await session.send('Input.dispatchDragEvent', { type: 'dragEnter', ...(await centre()), data });
      await session.send('Input.dispatchDragEvent', { type: 'dragOver', ...(await centre()), data });
      // The drop hint moves the view down as a drag enters; a hand keeps moving, so drag over the target where it is now.
      await expect(this.region.getByText(/^Drop files or folders/)).toBeVisible();
      const at = await centre();
      await session.send('Input.dispatchDragEvent', { type: 'dragOver', ...at, data });
      await session.send('Input.dispatchDragEvent', { type: 'drop', ...at, data });
    } finally {
      await session.detach();
    }
  }

  status(text: string | RegExp): Locator {
    return this.region.getByRole('status').filter({ hasText: text });
  }

  /** Transfers are quick on a local engine; this records every state a progress bar shows, from the page's start. */
  static async recordProgress(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const seen: Array<{ label: string; text: string }> = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[role="progressbar"], progress')) {
          const entry = { label: bar.getAttribute('aria-label') ?? '', text: bar.getAttribute('aria-valuetext') ?? '' };
          const last = seen.at(-1);
          if (!last || last.label !== entry.label || last.text !== entry.text) seen.push(entry);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
  }

  /**
   * Counts the calls of one procedure the page sends over its WebSocket from now on (the carrier's own wire
   * messages). Sockets opened from now on are watched: register before the page (re)loads.
   */
  static async countCalls(page: Page, method: string): Promise<() => number> {
    let count = 0;
    const watch = (socket: WebSocket) =>
      socket.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes(`"method":"${method}"`)) count++;
      });
    page.on('websocket', watch);
    return () => count;
  }

  async progressSeen(): Promise<ProgressSeen[]> {
    return this.page.evaluate(() => (window as unknown as { progressSeen: ProgressSeen[] }).progressSeen);
  }

  chart(name: string): Locator {
    return this.region.getByRole('img', { name, exact: true });
  }

  figure(stat: 'cpu' | 'memory' | 'network' | 'block' | 'pids'): Locator {
    return this.region.locator(`[data-stat="${stat}"]`);
  }

  async expectCharts(names: string[]): Promise<void> {
    for (const name of names) await expect(this.chart(name)).toBeVisible();
  }
}
