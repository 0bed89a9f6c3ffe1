import { expect, type Page } from '@playwright/test';

/** The kiosk as a visitor sees it: locators by role and accessible name, as a person would find them. */
export class KioskPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.heading()).toBeVisible();
  }

  async start(startLabel: string): Promise<void> {
    await this.button(startLabel).click();
  }

  async chooseLanguage(name: string): Promise<void> {
    await this.button(name).click();
  }

  async rate(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label, exact: true }).click();
    await expect(this.page.getByRole('radio', { name: label, exact: true })).toHaveAttribute('aria-checked', 'true');
  }

  /**
   * Types on the on-screen keyboard, one key button per character, found by
   * what is printed on it (a sign's or a code letter's spoken name differs).
   */
  async typeOnScreen(text: string, spaceLabel: string): Promise<void> {
    for (const char of text) {
      const printed = char === ' ' ? spaceLabel : char;
      await this.page
        .getByRole('group')
        .getByRole('button')
        .filter({ hasText: new RegExp(`^${printed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
        .click();
    }
  }

  async confirmationCode(): Promise<string> {
    const code = this.page.getByTestId('confirmation-code');
    await expect(code).toHaveText(/^[0-9A-Z]{6}$/);
    return (await code.textContent()) ?? '';
  }
}
