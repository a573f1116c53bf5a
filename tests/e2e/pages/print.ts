/** A printed form as the secretariat reads it: the page printed to PDF and its text. */
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures.js';

/** Waits until the form has its data, prints it to `file` (A4) and returns the PDF's text. */
export async function pdfText(page: Page, file: string): Promise<string> {
  await expect(page.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  await page.pdf({ path: file, format: 'A4', printBackground: true });
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
