/**
 * The app's frame as an operator meets it (Abacus-style page object): the typed-name dialog of
 * a congress without operators, the start screen's demo and new-congress form, the navigation
 * and the language.
 */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures.js';

export class AppFrame {
  constructor(readonly page: Page) {}

  /** Gives the operator's name in the dialog of a congress without operators. */
  async signIn(operator: string): Promise<void> {
    await this.page.getByTestId('operator-name').fill(operator);
    await this.page.getByTestId('operator-submit').click();
    await expect(this.page.getByTestId('operator-modal')).toBeHidden();
  }

  /** Opens the demo congress from the start screen; the desk shows. */
  async openDemo(): Promise<void> {
    await this.page.getByTestId('open-demo').click();
    await expect(this.page.getByTestId('desk')).toBeVisible();
  }

  /** Makes a new congress from the start screen's form; its name shows in the header. */
  async createCongress(fields: { name: string; date: string; venue: string; path: string }): Promise<void> {
    await this.page.getByTestId('new-name').fill(fields.name);
    await this.page.getByTestId('new-date').fill(fields.date);
    await this.page.getByTestId('new-venue').fill(fields.venue);
    await this.page.getByTestId('new-path').fill(fields.path);
    await this.page.getByTestId('new-submit').click();
    await expect(this.page.getByTestId('congress-name')).toHaveText(fields.name);
  }

  /** A fresh app to a new congress: the operator's name, then the new-congress form. */
  async startCongress(operator: string, fields: Parameters<AppFrame['createCongress']>[0]): Promise<void> {
    await this.signIn(operator);
    await this.createCongress(fields);
  }

  /** Goes to a screen by the navigation (`desk`, `contests`, `settings`, `audit`…). */
  async nav(screen: string): Promise<void> {
    await this.page.getByTestId(`nav-${screen}`).click();
  }

  /** Goes to a route of the app by its hash (`#/count?round=3`) in this window. */
  async goto(host: { url: string }, hash: string): Promise<void> {
    await this.page.goto(`${host.url}${hash}`);
  }

  /** Switches the UI's language by the switch's label (`English`, `中文`). */
  async language(label: string): Promise<void> {
    await this.page.getByTestId('language-switch').getByText(label).click();
  }
}
