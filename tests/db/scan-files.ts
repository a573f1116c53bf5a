/**
 * Scanner-like files for the intake and pool tests, made with the libraries the app reads them
 * with: a multi-page PDF written by MuPDF, a multi-page grayscale TIFF laid out for UTIF, JPEG and
 * PNG pages from sharp. Each page differs (a dark square moves), so each has its own hash.
 */
import sharp from 'sharp';
import UTIF from 'utif2';

/** A PDF of `count` A4 pages, page k with a black square k×20 pt further right. */
export async function pdfOf(count: number): Promise<Buffer> {
  const mupdf = await import('mupdf');
  const buffer = new mupdf.Buffer();
  const writer = new mupdf.DocumentWriter(buffer, 'pdf', '');
  for (let k = 0; k < count; k++) {
    const device = writer.beginPage([0, 0, 595, 842]);
    const square = new mupdf.Path();
    square.rect(40 + k * 20, 40, 60, 60);
    device.fillPath(square, false, mupdf.Matrix.identity, mupdf.ColorSpace.DeviceRGB, [0, 0, 0], 1);
    device.close();
    writer.endPage();
  }
  writer.close();
  return Buffer.from(buffer.asUint8Array());
}

/** An uncompressed 8-bit grayscale TIFF, one IFD per page, the pixels after a 4 KB header. */
export function tiffOf(pages: Uint8Array[], width: number, height: number): Buffer {
  const HEAD = 4096;
  const size = width * height;
  const ifds = pages.map((_, k) => ({
    t256: [width],
    t257: [height],
    t258: [8],
    t259: [1],
    t262: [1],
    t273: [HEAD + k * size],
    t277: [1],
    t278: [height],
    t279: [size],
    t284: [1],
  }));
  const head = new Uint8Array(UTIF.encode(ifds as unknown as UTIF.IFD[]));
  const out = Buffer.alloc(HEAD + pages.length * size);
  out.set(head, 0);
  for (const [k, p] of pages.entries()) out.set(p, HEAD + k * size);
  return out;
}

/** A gray page of `width`×`height` with a black square at `x`, as JPEG or PNG. */
export async function imageOf(format: 'jpeg' | 'png', x = 10, width = 400, height = 560): Promise<Buffer> {
  const square = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const base = sharp({ create: { width, height, channels: 3, background: '#f4f4f4' } }).composite([
    { input: square, left: x, top: 10 },
  ]);
  return format === 'jpeg' ? base.jpeg({ quality: 80 }).toBuffer() : base.png().toBuffer();
}

export function grayPage(width: number, height: number, value: number): Uint8Array {
  const page = new Uint8Array(width * height).fill(255);
  // a dark band whose height says which page it is
  page.fill(value, 0, width * Math.max(1, Math.round(height / 10)));
  return page;
}
