import { type Locator, type Page } from '@playwright/test';

/** The words the page object finds the form by, in the UI's language. */
export interface RunDialogWords {
  title: string;
  open: string;
  submit: string;
}

export const ENGLISH: RunDialogWords = { title: 'Run a container', open: 'Run a container…', submit: 'Run' };
export const JAPANESE: RunDialogWords = { title: 'コンテナを実行', open: 'コンテナを実行…', submit: '実行' };

/** The Run dialog (or its Edit form), by role and accessible name. */
export class RunDialogPage {
  private readonly words: RunDialogWords;

  constructor(
    readonly page: Page,
    title = 'Run a container',
    words: RunDialogWords = ENGLISH,
  ) {
    this.words = { ...words, title };
  }

  /** The same form in another language. */
  static inLanguage(page: Page, words: RunDialogWords): RunDialogPage {
    return new RunDialogPage(page, words.title, words);
  }

  /** The same form opened with Edit… on a container. */
  static editing(page: Page, name: string): RunDialogPage {
    return new RunDialogPage(page, `Edit ${name}`);
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: this.words.open }).click();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.words.title });
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

  /** Run (Save… or Recreate when editing): its description says what stops it, after a try the form stopped. */
  get runButton(): Locator {
    return this.dialog.getByRole('button', { name: this.words.submit, exact: true });
  }

  async submit(): Promise<void> {
    await this.runButton.click();
  }

  /** The line by the buttons naming what gives this container root on the host. */
  get risks(): Locator {
    return this.dialog.locator('.run-risks');
  }
}
