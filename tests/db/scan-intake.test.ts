/**
 * Files → pages (issue 13 item 3): what a scanner's "scan to folder", a picked file or a dropped
 * one gives the store, and each way such a file is broken. Real files made by the libraries the
 * intake reads them with; each page's hash is of the bytes the congress keeps.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pagesOfFile } from '../../db/scan/intake.js';
import { grayPage, imageOf, pdfOf, tiffOf } from './scan-files.js';

const hash = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('pagesOfFile', () => {
  it('a 3-page PDF from the feeder gives 3 grayscale PNG pages at 200 dpi, named stack.pdf p.1…p.3, each hashed as stored', async () => {
    const { pages, skipped } = await pagesOfFile(await pdfOf(3), 'stack.pdf');
    expect(skipped).toEqual([]);
    expect(pages.map((p) => p.name)).toEqual(['stack.pdf p.1', 'stack.pdf p.2', 'stack.pdf p.3']);
    for (const p of pages) {
      expect(p.ext).toBe('png');
      expect(p.sha256).toBe(hash(p.bytes));
      const meta = await sharp(p.bytes).metadata();
      expect(meta.format).toBe('png');
      expect(meta.channels).toBe(1);
      // A4 = 595×842 pt at 200/72 px per pt
      expect([meta.width, meta.height]).toEqual([1653, 2339]);
    }
    expect(new Set(pages.map((p) => p.sha256)).size).toBe(3);
  });

  it('a 2-page TIFF gives 2 grayscale PNG pages with the pixels of each IFD', async () => {
    const tiff = tiffOf([grayPage(120, 170, 0), grayPage(120, 170, 128)], 120, 170);
    const { pages, skipped } = await pagesOfFile(tiff, 'feeder.tif');
    expect(skipped).toEqual([]);
    expect(pages.map((p) => p.name)).toEqual(['feeder.tif p.1', 'feeder.tif p.2']);
    const firstPixels = await Promise.all(
      pages.map(async (p) => {
        const meta = await sharp(p.bytes).metadata();
        expect([meta.width, meta.height, meta.channels]).toEqual([120, 170, 1]);
        const data = await sharp(p.bytes).extractChannel(0).raw().toBuffer();
        return [data[0], data[data.length - 1]];
      }),
    );
    expect(firstPixels).toEqual([
      [0, 255],
      [128, 255],
    ]);
  });

  it('a JPEG and a PNG are one page each, kept byte for byte (the hash is the file’s own)', async () => {
    const jpeg = await imageOf('jpeg');
    const png = await imageOf('png');
    const a = await pagesOfFile(jpeg, 'IMG_0001.JPG');
    const b = await pagesOfFile(png, 'scan.png');
    expect(a.pages).toHaveLength(1);
    expect(a.pages[0]?.ext).toBe('jpg');
    expect(a.pages[0]?.bytes.equals(jpeg)).toBe(true);
    expect(a.pages[0]?.sha256).toBe(hash(jpeg));
    expect(a.pages[0]?.name).toBe('IMG_0001.JPG');
    expect(b.pages[0]?.ext).toBe('png');
    expect(b.pages[0]?.bytes.equals(png)).toBe(true);
  });

  it('the same bytes twice give the same sha256 (so the store refuses the second as a duplicate), under another name too', async () => {
    const pdf = await pdfOf(2);
    const first = await pagesOfFile(pdf, 'a.pdf');
    const again = await pagesOfFile(Buffer.from(pdf), 'rescan of a.pdf');
    expect(again.pages.map((p) => p.sha256)).toEqual(first.pages.map((p) => p.sha256));
    const tiff = tiffOf([grayPage(50, 60, 0)], 50, 60);
    expect((await pagesOfFile(tiff, 'x.tif')).pages[0]?.sha256).toBe(
      (await pagesOfFile(tiff, 'y.tif')).pages[0]?.sha256,
    );
  });

  it('a batch with a truncated PDF, a corrupt TIFF and a text file renamed .jpg: each skipped with scan.unreadable_file naming it, no throw, the good files all kept', async () => {
    const pdf = await pdfOf(3);
    const tiff = tiffOf([grayPage(100, 150, 0), grayPage(100, 150, 90)], 100, 150);
    const files: [string, Buffer][] = [
      ['good.pdf', pdf],
      ['cut.pdf', pdf.subarray(0, Math.floor(pdf.length / 2))],
      ['good.tif', tiff],
      // the second page's pixels cut off mid-page: UTIF alone would fill the rest with black
      ['cut.tif', tiff.subarray(0, 4096 + 100 * 150 + 500)],
      ['notes.jpg', Buffer.from('这不是图片 — a text file renamed .jpg\n')],
      ['good.jpg', await imageOf('jpeg')],
    ];
    const results = await Promise.all(files.map(([name, bytes]) => pagesOfFile(bytes, name)));
    const byName = Object.fromEntries(files.map(([name], i) => [name, results[i]]));
    expect(byName['good.pdf']?.pages).toHaveLength(3);
    expect(byName['good.tif']?.pages).toHaveLength(2);
    expect(byName['good.jpg']?.pages).toHaveLength(1);

    const cutPdf = byName['cut.pdf'];
    expect(cutPdf?.skipped.length).toBeGreaterThan(0);
    expect(cutPdf?.skipped[0]).toMatchObject({ code: 'scan.unreadable_file' });
    expect(cutPdf?.skipped[0]?.name).toMatch(/^cut\.pdf/);

    // The first page of the cut TIFF is whole and kept; the second is named in the skip.
    expect(byName['cut.tif']?.pages.map((p) => p.name)).toEqual(['cut.tif p.1']);
    expect(byName['cut.tif']?.skipped).toEqual([
      { name: 'cut.tif p.2', code: 'scan.unreadable_file', params: { name: 'cut.tif p.2', page: 2 } },
    ]);
    expect(byName['notes.jpg']).toEqual({
      pages: [],
      skipped: [{ name: 'notes.jpg', code: 'scan.unreadable_file', params: { name: 'notes.jpg' } }],
    });
  });

  it('a JPEG cut off mid-transfer (header intact, so metadata alone passes) is unreadable, not a page', async () => {
    const jpeg = await imageOf('jpeg', 10, 1200, 1600);
    const cut = jpeg.subarray(0, Math.floor(jpeg.length * 0.6));
    expect((await sharp(cut).metadata()).width).toBe(1200);
    const { pages, skipped } = await pagesOfFile(cut, 'half.jpg');
    expect(pages).toEqual([]);
    expect(skipped).toEqual([{ name: 'half.jpg', code: 'scan.unreadable_file', params: { name: 'half.jpg' } }]);
  });

  it('a TIFF whose IFD chain loops back on itself is skipped at once instead of hanging the store', async () => {
    const tiff = Buffer.from(tiffOf([grayPage(20, 20, 0)], 20, 20));
    // the first IFD (at 8, big-endian, 10 entries) points its "next IFD" back to itself
    const entries = tiff.readUInt16BE(8);
    tiff.writeUInt32BE(8, 8 + 2 + entries * 12);
    const { pages, skipped } = await pagesOfFile(tiff, 'loop.tif');
    expect(pages).toEqual([]);
    expect(skipped[0]?.code).toBe('scan.unreadable_file');
  });

  it('a Word document dropped by mistake is scan.unknown_type, not a broken scan', async () => {
    const docx = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]);
    expect(await pagesOfFile(docx, '名单.docx')).toEqual({
      pages: [],
      skipped: [{ name: '名单.docx', code: 'scan.unknown_type', params: { name: '名单.docx' } }],
    });
  });
});
