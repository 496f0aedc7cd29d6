import { expect, type Locator, type Page } from '@playwright/test';

/** The Registries section as a person sees it: found by role and accessible name only. */
export class RegistriesPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Registries' }).click();
    await expect(this.list).toBeVisible();
  }

  get list(): Locator {
    return this.page.getByRole('region', { name: 'Registries added' });
  }

  entry(address: string): Locator {
    return this.list.getByRole('listitem', { name: address, exact: true });
  }

  async add(address: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Registry address' }).fill(address);
    await this.page.getByRole('button', { name: 'Add registry' }).click();
    await expect(this.entry(address)).toBeVisible();
  }

  loginDialog(address: string): Locator {
    return this.page.getByRole('dialog', { name: `Log in to ${address}` });
  }

  /** Opens the login dialog from the registry's row and submits it; the dialog stays open when the login fails. */
  async logIn(address: string, user: string, password: string): Promise<Locator> {
    if (!(await this.loginDialog(address).isVisible())) await this.entry(address).getByRole('button', { name: `Log in to ${address}` }).click();
    const dialog = this.loginDialog(address);
    await dialog.getByRole('textbox', { name: 'User name' }).fill(user);
    await dialog.getByLabel('Password or access token').fill(password);
    await dialog.getByRole('button', { name: 'Log in', exact: true }).click();
    return dialog;
  }

  browser(address: string): Locator {
    return this.page.getByRole('region', { name: `Contents of ${address}` });
  }

  repositories(address: string): Locator {
    return this.browser(address).getByRole('region', { name: 'Repositories', exact: true });
  }

  tags(address: string, repository: string): Locator {
    return this.browser(address).getByRole('region', { name: `Tags of ${repository}` });
  }

  manifest(address: string, reference: string): Locator {
    return this.browser(address).getByRole('region', { name: `Manifest of ${reference}` });
  }

  deleteDialog(ref: string): Locator {
    return this.page.getByRole('alertdialog', { name: `Delete ${ref} from the registry?` });
  }
}
