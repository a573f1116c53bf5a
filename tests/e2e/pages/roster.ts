/**
 * The roster screen's import dialog as the secretariat meets it: pick the organisation
 * department's spreadsheet, read the preview (its counts, what it normalised, its rows), import.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from '../fixtures.js';

export class RosterImport {
  constructor(readonly page: Page) {}

  get modal(): Locator {
    return this.page.getByTestId('import-modal');
  }

  /** From anywhere: the roster screen, its import button, the file; waits for the preview. */
  async preview(file: string): Promise<void> {
    await this.page.getByTestId('nav-roster').click();
    await this.page.getByTestId('roster-import').click();
    await this.page.getByTestId('import-file').setInputFiles(file);
    await expect(this.page.getByTestId('import-preview')).toBeVisible();
  }

  /** One of the preview's tabs by its test id (`import-tab-rows`, `import-tab-counts`…). */
  async tab(key: string): Promise<void> {
    await this.page.getByTestId(`import-tab-${key}`).click();
  }

  /** A notice of what the preview normalised, by its reason (`roster.normalised.name_wide_space`). */
  notice(reason: string): Locator {
    return this.page.locator(`[data-testid="import-notice"][data-reason="${reason}"]`);
  }

  async close(): Promise<void> {
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /关闭|Close/ })
      .last()
      .click();
    await expect(this.page.getByTestId('import-modal')).toBeHidden();
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('import-submit').click();
    await expect(this.page.getByTestId('import-done')).toBeVisible();
  }
}
