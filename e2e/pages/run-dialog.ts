import { type Locator, type Page } from '@playwright/test';

/** The Run dialog (or its Edit form), by role and accessible name. */
export class RunDialogPage {
  constructor(
    readonly page: Page,
    private readonly title = 'Run a container',
  ) {}

  /** The same form opened with Edit… on a container. */
  static editing(page: Page, name: string): RunDialogPage {
    return new RunDialogPage(page, `Edit ${name}`);
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run a container…' }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.title });
  }

  /** Opens the form and fills the basics a run needs. */
  async openWith(image: string, name: string, command: string): Promise<void> {
    await this.open();
    await this.field('Image').fill(image);
    await this.field('Name').fill(name);
    await this.field('Command').fill(command);
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** Types key by key as a person does (fill() would enter the whole text at once and hide a field that eats keys). */
  async type(label: string, text: string): Promise<void> {
    await this.field(label).click();
    await this.field(label).pressSequentially(text);
  }

  /** The docker run command the form shows. */
  get command(): Locator {
    return this.dialog.locator('code');
  }

  get alert(): Locator {
    return this.dialog.getByRole('alert');
  }

  async submit(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Run', exact: true }).click();
  }
}
