import type { Locator } from '@playwright/test';
import type { RunDialogPage } from './run-dialog';

/** The words of the Run form's paste box and .env box, in the UI's language. */
export interface PasteWords {
  pasteTitle: string;
  pasteLabel: string;
  pasteFill: string;
  pasteNotes: string;
  envPaste: string;
  envAdd: string;
}

export const PASTE_JAPANESE: PasteWords = {
  pasteTitle: 'docker run コマンドを貼り付け',
  pasteLabel: 'docker run コマンド',
  pasteFill: 'フォームに反映',
  pasteNotes: '貼り付けたコマンドについて',
  envPaste: '.env の内容を貼り付け',
  envAdd: 'これらの変数を追加',
};

/** "Paste a docker run command" and "Paste a .env block" in an open Run form, by role and accessible name. */
export class PasteCommandPage {
  constructor(
    readonly run: RunDialogPage,
    readonly words: PasteWords,
  ) {}

  /** Fills the form from a pasted command. */
  async paste(command: string): Promise<void> {
    await this.run.dialog.getByText(this.words.pasteTitle, { exact: true }).click();
    await this.run.dialog.getByRole('textbox', { name: this.words.pasteLabel, exact: true }).fill(command);
    await this.run.dialog.getByRole('button', { name: this.words.pasteFill, exact: true }).click();
  }

  /** What the paste left out or could not read. */
  get notes(): Locator {
    return this.run.dialog.getByRole('list', { name: this.words.pasteNotes });
  }

  /** Adds the variables of a pasted .env block. */
  async pasteEnv(block: string): Promise<void> {
    await this.run.dialog.getByRole('textbox', { name: this.words.envPaste, exact: true }).fill(block);
    await this.run.dialog.getByRole('button', { name: this.words.envAdd, exact: true }).click();
  }
}
