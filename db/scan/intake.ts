/**
 * A received file → the pages it holds, each as the exact bytes the congress keeps and hashes
 * (issue 13 item 3). A JPEG or PNG is one page kept byte for byte (the hash is then the
 * scanner's file's own); a PDF is rendered page by page with MuPDF and a TIFF decoded IFD by
 * IFD with UTIF, each page stored as a grayscale PNG. A file that cannot be read is a skip
 * naming the file (and the page), never an exception: one bad file in a stack of fifty must not
 * lose the other forty-nine.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import sharp from 'sharp';
import UTIF from 'utif2';

export interface IntakePage {
  /** The file's name, with `p.N` for a page of a multi-page PDF or TIFF (`stack.pdf p.2`). */
  name: string;
  bytes: Buffer;
  ext: 'jpg' | 'png';
  /** Of `bytes`, the stored image: the same image received twice has the same hash. */
  sha256: string;
}

export interface IntakeSkip {
  name: string;
  code: string;
  params: Record<string, string | number>;
}

export interface IntakeResult {
  pages: IntakePage[];
  skipped: IntakeSkip[];
}

/** A scan is read at about 6 px/mm; 200 dpi (≈ 7.9 px/mm) leaves the reader a margin. */
const PDF_DPI = 200;
/** A3 at 200 dpi is 3307 px high: a page drawn larger (a poster-sized PDF) is scaled down to this. */
const MAX_SIDE_PX = 4200;
/** 30 Mpx: an A3 page at 400 dpi. A TIFF claiming more is not a scan of a ballot. */
const MAX_PIXELS = 30_000_000;

export type FileKind = 'jpg' | 'png' | 'pdf' | 'tiff';

/** The names a scanner or a person gives the files the intake accepts. */
export const KNOWN_EXTENSIONS: Record<string, FileKind> = {
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.png': 'png',
  '.pdf': 'pdf',
  '.tif': 'tiff',
  '.tiff': 'tiff',
};

/** The kind the bytes say (the name can lie: a text file renamed .jpg), or null. */
export function sniff(bytes: Buffer): FileKind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (bytes.length >= 4) {
    const head = bytes.subarray(0, 4).toString('latin1');
    if (head === 'II*\u0000' || head === 'MM\u0000*') return 'tiff';
  }
  // The PDF header may follow a few bytes of junk (some scanners' firmware): PDF 1.7 §7.5.2.
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  return null;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function page(name: string, bytes: Buffer, ext: 'jpg' | 'png'): IntakePage {
  return { name, bytes, ext, sha256: sha256(bytes) };
}

function pageName(name: string, index: number, count: number): string {
  return count > 1 ? `${name} p.${index + 1}` : name;
}

export async function pagesOfFile(bytes: Buffer, name: string): Promise<IntakeResult> {
  const kind = sniff(bytes);
  if (kind === null) {
    // A file named like a scan that is not one is a broken scan; anything else is not a scan at all.
    const claimed = KNOWN_EXTENSIONS[path.extname(name).toLowerCase()];
    return {
      pages: [],
      skipped: [{ name, code: claimed ? 'scan.unreadable_file' : 'scan.unknown_type', params: { name } }],
    };
  }
  try {
    if (kind === 'jpg' || kind === 'png') return await singleImage(bytes, name, kind);
    if (kind === 'pdf') return await pdfPages(bytes, name);
    return await tiffPages(bytes, name);
  } catch {
    return { pages: [], skipped: [unreadable(name)] };
  }
}

/** The message names the page of a multi-page file (`cut.tif p.2`): the rest of the file is received. */
function unreadable(name: string, pageNo?: number): IntakeSkip {
  if (pageNo === undefined) return { name, code: 'scan.unreadable_file', params: { name } };
  const pageName = `${name} p.${pageNo}`;
  return { name: pageName, code: 'scan.unreadable_file', params: { name: pageName, page: pageNo } };
}

/**
 * Kept as received, after a full decode at 1/8 scale (a JPEG decodes that small almost for free):
 * the header alone (sharp's metadata) passes a file cut off by a scanner that lost its connection.
 */
async function singleImage(bytes: Buffer, name: string, ext: 'jpg' | 'png'): Promise<IntakeResult> {
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height || meta.width * meta.height > MAX_PIXELS * 4) throw new Error('size');
  await sharp(bytes, { failOn: 'truncated' })
    .resize({ width: Math.max(1, Math.round(meta.width / 8)) })
    .raw()
    .toBuffer();
  return { pages: [page(name, bytes, ext)], skipped: [] };
}

type MuPDF = typeof import('mupdf');
let mupdfModule: Promise<MuPDF> | undefined;

/**
 * MuPDF is an ES module that awaits its wasm at top level: imported on first use (a store that
 * never sees a PDF never loads 10 MB of wasm), with its console chatter about repaired files
 * silenced (the skip says the file is broken). `MUPDF_WASM_DIR` (set by the Electron build) is where
 * the wasm file lies when the default, beside mupdf.js, is not on disk.
 */
function loadMupdf(): Promise<MuPDF> {
  if (!mupdfModule) {
    const g = globalThis as { $libmupdf_wasm_Module?: Record<string, unknown> };
    const wasmDir = process.env.MUPDF_WASM_DIR;
    g.$libmupdf_wasm_Module = {
      printErr: () => {},
      ...(wasmDir ? { locateFile: (file: string) => path.join(wasmDir, file) } : {}),
    };
    mupdfModule = import('mupdf');
  }
  return mupdfModule;
}

async function pdfPages(bytes: Buffer, name: string): Promise<IntakeResult> {
  const mupdf = await loadMupdf();
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf');
  const out: IntakeResult = { pages: [], skipped: [] };
  try {
    const count = doc.countPages();
    if (count < 1) return { pages: [], skipped: [unreadable(name)] };
    for (let i = 0; i < count; i++) {
      try {
        const pdfPage = doc.loadPage(i);
        const [x0, y0, x1, y1] = pdfPage.getBounds();
        const side = Math.max(x1 - x0, y1 - y0);
        const scale = Math.min(PDF_DPI / 72, MAX_SIDE_PX / Math.max(side, 1));
        const pixmap = pdfPage.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceGray, false);
        const png = Buffer.from(pixmap.asPNG());
        pixmap.destroy();
        pdfPage.destroy();
        out.pages.push(page(pageName(name, i, count), png, 'png'));
      } catch {
        out.skipped.push(unreadable(name, i + 1));
      }
    }
  } finally {
    doc.destroy();
  }
  return out;
}

/**
 * The IFD chain walked before UTIF sees it: UTIF follows a `next IFD` offset that points back
 * (a cycle) or past the end forever, which would hang the store on one damaged file.
 */
function tiffChainIsSound(bytes: Buffer): boolean {
  const le = bytes[0] === 0x49;
  const u16 = (at: number) => (le ? bytes.readUInt16LE(at) : bytes.readUInt16BE(at));
  const u32 = (at: number) => (le ? bytes.readUInt32LE(at) : bytes.readUInt32BE(at));
  if (bytes.length < 8) return false;
  const seen = new Set<number>();
  let at = u32(4);
  while (at !== 0) {
    if (seen.has(at) || seen.size >= 1000 || at + 2 > bytes.length) return false;
    seen.add(at);
    const entries = u16(at);
    if (at + 2 + entries * 12 + 4 > bytes.length) return false;
    at = u32(at + 2 + entries * 12);
  }
  return seen.size > 0;
}

/** Every strip (or tile) of the page lies inside the file: UTIF fills a cut-off page with black. */
function stripsInside(ifd: Record<string, unknown>, length: number): boolean {
  const offsets = (ifd.t273 ?? ifd.t324) as number[] | undefined;
  const counts = (ifd.t279 ?? ifd.t325) as number[] | undefined;
  if (!offsets || !counts || offsets.length === 0 || offsets.length !== counts.length) return false;
  return offsets.every((o, k) => Number.isFinite(o) && o >= 0 && o + (counts[k] ?? Number.NaN) <= length);
}

async function tiffPages(bytes: Buffer, name: string): Promise<IntakeResult> {
  if (!tiffChainIsSound(bytes)) return { pages: [], skipped: [unreadable(name)] };
  const ifds = UTIF.decode(bytes).filter((ifd) => ifd.t256 !== undefined && ifd.t257 !== undefined);
  if (ifds.length === 0) return { pages: [], skipped: [unreadable(name)] };
  const out: IntakeResult = { pages: [], skipped: [] };
  for (const [i, ifd] of ifds.entries()) {
    try {
      const width = Number((ifd.t256 as number[])[0]);
      const height = Number((ifd.t257 as number[])[0]);
      if (!(width > 0 && height > 0 && width * height <= MAX_PIXELS)) throw new Error('size');
      if (!stripsInside(ifd, bytes.length)) throw new Error('cut off');
      UTIF.decodeImage(bytes, ifd);
      const rgba = UTIF.toRGBA8(ifd);
      if (rgba.length !== width * height * 4) throw new Error('short');
      const png = await sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), {
        raw: { width, height, channels: 4 },
      })
        .flatten({ background: '#ffffff' })
        .toColourspace('b-w')
        .png()
        .toBuffer();
      out.pages.push(page(pageName(name, i, ifds.length), png, 'png'));
    } catch {
      out.skipped.push(unreadable(name, i + 1));
    }
  }
  return out;
}
