import { expect, type Locator, type Page } from '@playwright/test';

/** The status bar's tasks button and the panel it opens, found by role and accessible name only. */
export class TasksPanelPage {
  constructor(readonly page: Page) {}

  get statusBar(): Locator {
    return this.page.getByRole('region', { name: 'Status bar' });
  }

  /** "Tasks" when nothing runs, "Tasks: N running" otherwise. */
  get button(): Locator {
    return this.statusBar.getByRole('button', { name: /^Tasks/ });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Tasks', exact: true });
  }

  async open(): Promise<void> {
    if ((await this.button.getAttribute('aria-expanded')) !== 'true') await this.button.click();
    await expect(this.panel).toBeVisible();
  }

  /** One task by its title, e.g. "Pull 127.0.0.1:5000/app:1". */
  task(title: string): Locator {
    return this.panel.getByRole('listitem', { name: title, exact: true });
  }

  progress(title: string): Locator {
    return this.task(title).getByRole('progressbar', { name: `Progress of ${title}` });
  }

  /** The figure the bar shows, 0–100. */
  async percent(title: string): Promise<number> {
    return Number((await this.progress(title).getAttribute('value')) ?? 0);
  }

  async cancel(title: string): Promise<void> {
    await this.task(title).getByRole('button', { name: `Cancel ${title}`, exact: true }).click();
  }

  async openDetails(title: string): Promise<void> {
    await this.task(title).getByRole('button', { name: `Details of ${title}`, exact: true }).click();
  }

  log(title: string): Locator {
    return this.task(title).getByLabel('Log', { exact: true });
  }

  layers(title: string): Locator {
    return this.task(title).getByRole('table', { name: 'Layers' });
  }
}
