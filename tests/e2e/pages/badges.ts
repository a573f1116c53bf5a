/**
 * The 代表证 and the 签到表 as the secretariat prints them (issue 13 item 2): the print window an
 * entry opens, its PDF and text, and a badge's codes read back from the PDF rasterised at 300 dpi
 * with zxing-wasm (its wasm from node_modules, never the CDN), as a scanner at the desk reads them.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import sharp from 'sharp';
import { prepareZXingModule, type ReadInputBarcodeFormat, readBarcodes } from 'zxing-wasm/reader';
import { BADGE_PARTS, type BadgeBox, badgeBox } from '../../../renderer/features/badges/sheet.js';
import { expect } from '../fixtures.js';

/** Clicks `button` and returns the print window it opens, once its form is ready. */
export async function printWindowOf(context: BrowserContext, button: Locator): Promise<Page> {
  const [popup] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await popup.waitForLoadState();
  await expect(popup.locator('[data-testid="print-page"][data-ready="true"]')).toBeVisible();
  return popup;
}

/** The print window's form to PDF (A4, with its colours) at `file`; its text page by page and its page count. */
export async function printedPdf(page: Page, file: string): Promise<{ text: string; pages: string[]; count: number }> {
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  return { text, pages: text.split('\f').slice(0, count), count };
}

const DPI = 300;
const px = (mm: number): number => Math.round((mm * DPI) / 25.4);

/** One page of the PDF as a 300 dpi grayscale PNG, as a flatbed scanner would give it. */
export function rasterise(pdf: string, pageNo: number): Buffer {
  const prefix = path.join(path.dirname(pdf), `${path.basename(pdf, '.pdf')}-p${pageNo}`);
  execFileSync('pdftoppm', [
    '-r',
    String(DPI),
    '-gray',
    '-png',
    '-singlefile',
    '-f',
    `${pageNo}`,
    '-l',
    `${pageNo}`,
    pdf,
    prefix,
  ]);
  return readFileSync(`${prefix}.png`);
}

/** A box of a badge (mm inside it) cut out of the sheet's raster, with `margin` mm around it. */
export async function cropOfBadge(sheet: Buffer, slot: number, part: BadgeBox, margin = 2): Promise<Buffer> {
  const b = badgeBox(slot);
  return sharp(sheet)
    .extract({
      left: px(b.x + part.x - margin),
      top: px(b.y + part.y - margin),
      width: px(part.width + 2 * margin),
      height: px(part.height + 2 * margin),
    })
    .png()
    .toBuffer();
}

let zxingReady = false;
/** zxing-wasm's reader with its wasm read from node_modules: nothing fetched from its CDN. */
function zxingFromNodeModules(): void {
  if (zxingReady) return;
  const require = createRequire(import.meta.url);
  const wasm = path.join(path.dirname(require.resolve('zxing-wasm/reader')), '..', '..', 'reader', 'zxing_reader.wasm');
  const bytes = readFileSync(wasm);
  prepareZXingModule({
    overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
  });
  zxingReady = true;
}

/** The texts of the codes of `format` zxing reads in a PNG. */
export async function decoded(png: Buffer, format: ReadInputBarcodeFormat): Promise<string[]> {
  zxingFromNodeModules();
  const found = await readBarcodes(new Uint8Array(png), { formats: [format], tryHarder: true });
  return found.filter((r) => r.isValid).map((r) => r.text);
}

/** A badge's Code 128 and QR as read from its sheet's raster. */
export async function badgeCodes(sheet: Buffer, slot: number): Promise<{ bars: string[]; qr: string[] }> {
  return {
    bars: await decoded(await cropOfBadge(sheet, slot, BADGE_PARTS.barcode), 'Code128'),
    qr: await decoded(await cropOfBadge(sheet, slot, BADGE_PARTS.qr), 'QRCode'),
  };
}
