/**
 * The scan corpus (issue 13, "Figures"): a round's ballot paper as printed — the app's own PDF
 * rasterised by pdftoppm, or, where no app is at hand, the same layout drawn here — marked the
 * way voters mark it (tests/scan/marks-draw.ts) and put through a scanner's or a camera's
 * effects (tests/scan/effects.ts), each `<n>.jpg` with its truth `<n>.json` beside it: per box
 * the mark drawn, its style, whether it is clean or doubtful and which readings are right.
 *
 * Deterministic for a seed (same bytes: fixed PRNG, Skia drawing, libvips encoding), and cached
 * on disk under a key of seed + size + generator version + paper, so a second bench run only
 * reads. `markPaper` and `truthFor` are what the whole-day Playwright spec uses to mark the
 * papers it printed.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from '@napi-rs/canvas';
import bwipjs from 'bwip-js';
import type { Box, PaperLayout } from '../../core/paper/layout.js';
import type { BoxReading, PageOutcome } from '../../core/paper/reading.js';
import { prng } from '../../db/congress/demo.js';
import { applyEffects, chooseEffects, type Effects, scannerEffects } from './effects.js';
import {
  type CleanMark,
  cleanStyle,
  type DoubtfulMark,
  type DrawnMark,
  drawHandName,
  drawMark,
  type MarkStyle,
  type Rng,
} from './marks-draw.js';

export type { Effects } from './effects.js';
export type { Rng } from './marks-draw.js';
export { prng };

/** Bump when anything drawn changes: the cache key holds it, so a stale corpus is never reused. */
export const CORPUS_VERSION = 1;

export interface BoxTruth {
  /** The box on the paper, mm from the page's top-left. */
  box: Box;
  drawn: DrawnMark;
  /** A clean mark a person reads at a glance; a doubtful one (scribble, erasure …) a person must decide. */
  clean: boolean;
  /** What the reader should say: the mark for a clean box, `uncertain` for a doubtful one. */
  expect: BoxReading;
  /**
   * The definite readings (circle, cross, none) that are not an error: the mark for a clean box;
   * for stray dots in an empty box, `none` (no mark was made); nothing for the other doubtful ones.
   */
  accept: BoxReading[];
  style: MarkStyle;
}

export interface WriteInTruth {
  mark: BoxTruth;
  /** The name field's box, and the characters written there (0: left empty). */
  nameBox: Box;
  nameChars: number;
  nameStyle: MarkStyle | null;
}

export interface PaperTruth {
  version: number;
  /** The page in mm (the layout's). */
  page: { width: number; height: number };
  marks: BoxTruth[];
  writeIns: WriteInTruth[];
  effects: Effects;
}

export interface TruthOptions {
  /** Chance that a candidate box holds a doubtful mark (default 0.02). */
  doubtful?: number;
  /** Chance of a √ in a box (default 0.01). */
  tick?: number;
  /** Chance that a paper has a name written in a 另选他人 line, with ○ (default 0.08). */
  writeIn?: number;
  /** Force the candidates' marks (paper order); doubtful and √ are then not drawn. */
  marks?: readonly CleanMark[];
  /** Force the write-in lines: the index of each line with a name (and ○). */
  writeInLines?: readonly number[];
  /** Effects: chosen at random when absent; `'scanner'` for mild ones (the e2e spec). */
  effects?: Effects | 'scanner';
}

const DOUBTFUL: readonly DoubtfulMark[] = ['scribble', 'both', 'erased', 'dot', 'outside'];

function cleanBox(box: Box, drawn: CleanMark, rng: Rng): BoxTruth {
  return { box, drawn, clean: true, expect: drawn, accept: drawn === 'tick' ? [] : [drawn], style: cleanStyle(rng) };
}

/** The truth of one paper: what is drawn in each of the layout's boxes, and the effects. */
export function truthFor(layout: PaperLayout, rng: Rng, options: TruthOptions = {}): PaperTruth {
  const pDoubt = options.doubtful ?? 0.02;
  const pTick = options.tick ?? 0.01;
  const marks = layout.candidates.map((c, i): BoxTruth => {
    const forced = options.marks?.[i];
    if (forced) return cleanBox(c.markBox, forced, rng);
    const u = rng();
    if (u < pDoubt) {
      const drawn = DOUBTFUL[Math.floor(rng() * DOUBTFUL.length)]!;
      const style = { ...cleanStyle(rng, { faint: false }), gap: 0 };
      return {
        box: c.markBox,
        drawn,
        clean: false,
        expect: 'uncertain',
        accept: drawn === 'dot' ? ['none'] : [],
        style,
      };
    }
    if (u < pDoubt + pTick) return cleanBox(c.markBox, 'tick', rng);
    const v = rng();
    return cleanBox(c.markBox, v < 0.6 ? 'circle' : v < 0.85 ? 'cross' : 'none', rng);
  });
  const named = new Set<number>(
    options.writeInLines ??
      (layout.writeIns.length > 0 && rng() < (options.writeIn ?? 0.08)
        ? [Math.floor(rng() * layout.writeIns.length)]
        : []),
  );
  const writeIns = layout.writeIns.map((w): WriteInTruth => {
    const has = named.has(w.index);
    return {
      mark: cleanBox(w.markBox, has ? 'circle' : 'none', rng),
      nameBox: w.nameBox,
      nameChars: has ? 2 + Math.floor(rng() * 2) : 0,
      nameStyle: has ? { ...cleanStyle(rng, { faint: false, heavy: false }), width: 0.3 + rng() * 0.3 } : null,
    };
  });
  const effects = options.effects === 'scanner' ? scannerEffects(rng) : (options.effects ?? chooseEffects(rng));
  return { version: CORPUS_VERSION, page: { width: layout.width, height: layout.height }, marks, writeIns, effects };
}

/**
 * Marks a printed paper: `rasterPng` is the blank page (the app's PDF rasterised, any dpi: the
 * scale is its width over the page's), the marks of `truth` drawn on it, then the truth's
 * effects (the resolution too: a 300 dpi raster becomes a 150 dpi scan). Returns JPEG bytes.
 */
export async function markPaper(rasterPng: Buffer, truth: PaperTruth, rng: Rng): Promise<Buffer> {
  const image = await loadImage(rasterPng);
  const { width, height } = image;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(image, 0, 0);
  const pxPerMm = width / truth.page.width;
  ctx.save();
  ctx.scale(pxPerMm, pxPerMm);
  drawTruth(ctx, truth, rng);
  ctx.restore();
  const gray = toGray(ctx.getImageData(0, 0, width, height).data, width * height);
  const rasterDpi = pxPerMm * 25.4;
  const effects = { ...truth.effects, scale: truth.effects.scale * (truth.effects.dpi / rasterDpi) };
  return applyEffects(gray, width, height, effects, rng);
}

function drawTruth(ctx: SKRSContext2D, truth: PaperTruth, rng: Rng): void {
  for (const m of truth.marks) drawMark(ctx, m.box, m.drawn, m.style, rng);
  for (const w of truth.writeIns) {
    drawMark(ctx, w.mark.box, w.mark.drawn, w.mark.style, rng);
    if (w.nameChars > 0 && w.nameStyle) drawHandName(ctx, w.nameBox, w.nameChars, w.nameStyle, rng);
  }
}

function toGray(rgba: Uint8ClampedArray, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    out[i] = (rgba[j]! * 77 + rgba[j + 1]! * 150 + rgba[j + 2]! * 29) >> 8;
  }
  return out;
}

/** Page `page` (1-based) of a PDF as a grey PNG at `dpi`, rasterised by poppler's pdftoppm. */
export function rasterisePdf(pdf: string, dpi: number, page = 1): Buffer {
  return execFileSync(
    'pdftoppm',
    ['-gray', '-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf],
    { maxBuffer: 256 * 1024 * 1024 },
  );
}

const CJK_FONT = GlobalFonts.families.some((f) => f.family === 'Noto Sans CJK SC')
  ? 'Noto Sans CJK SC'
  : 'Noto Sans CJK JP';

/**
 * A stand-in for the printed paper, drawn from the layout (corners, orientation square, QR of
 * `codeText`, boxes, names), for where no printed PDF is at hand. The figures say which was used.
 */
export async function drawnPaper(layout: PaperLayout, codeText: string, dpi: number, title = '选票'): Promise<Buffer> {
  const k = dpi / 25.4;
  const canvas = createCanvas(Math.round(layout.width * k), Math.round(layout.height * k));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(k, k);
  ctx.fillStyle = '#000';
  for (const c of layout.corners) ctx.fillRect(c.x, c.y, c.w, c.h);
  const o = layout.orientation;
  ctx.fillRect(o.x, o.y, o.w, o.h);
  // Error correction M, as the printed paper's (design: M or higher).
  const qr: Buffer = await bwipjs.toBuffer({ bcid: 'qrcode', text: codeText, eclevel: 'M', scale: 8 } as Parameters<
    typeof bwipjs.toBuffer
  >[0]);
  const q = await loadImage(qr);
  // Quiet zone inside the box: the symbol in its middle 80 %.
  const inset = layout.code.w * 0.1;
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(q, layout.code.x + inset, layout.code.y + inset, layout.code.w - 2 * inset, layout.code.h - 2 * inset);
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = `6px "${CJK_FONT}"`;
  text(ctx, title, layout.title);
  ctx.font = `4px "${CJK_FONT}"`;
  text(ctx, '第 1 轮', layout.subtitle);
  ctx.font = `3.2px "${CJK_FONT}"`;
  ctx.textAlign = 'left';
  ctx.fillText('同意的在候选人姓名上方的空格内划"○",不同意的划"×"。', layout.instructions.x, layout.instructions.y + 4);
  ctx.textAlign = 'center';
  ctx.lineWidth = 0.3;
  ctx.strokeStyle = '#000';
  for (const c of layout.candidates) {
    ctx.strokeRect(c.markBox.x, c.markBox.y, c.markBox.w, c.markBox.h);
    ctx.strokeRect(c.nameBox.x, c.nameBox.y, c.nameBox.w, c.nameBox.h);
    ctx.font = `4px "${CJK_FONT}"`;
    text(ctx, c.name, c.nameBox);
  }
  if (layout.writeInHeading) {
    ctx.font = `4px "${CJK_FONT}"`;
    text(ctx, '另选他人', layout.writeInHeading);
  }
  for (const w of layout.writeIns) {
    ctx.strokeRect(w.markBox.x, w.markBox.y, w.markBox.w, w.markBox.h);
    ctx.strokeRect(w.nameBox.x, w.nameBox.y, w.nameBox.w, w.nameBox.h);
  }
  const gray = toGray(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width * canvas.height);
  const { default: sharp } = await import('sharp');
  return sharp(gray, { raw: { width: canvas.width, height: canvas.height, channels: 1 } })
    .png()
    .toBuffer();
}

function text(ctx: SKRSContext2D, s: string, box: Box): void {
  ctx.fillText(s, box.x + box.w / 2, box.y + box.h / 2, box.w);
}

export interface CorpusOptions {
  seed: number;
  papers: number;
  layout: PaperLayout;
  /** The blank paper: the app's printed PDF (page 1 rasterised at each dpi), else drawn from the layout with `codeText`. */
  pdf?: string;
  codeText: string;
  /** The folder; by default one in the temp folder keyed by seed, size, version and paper. */
  dir?: string;
  truth?: Omit<TruthOptions, 'marks' | 'writeInLines'>;
  onProgress?: (done: number, total: number) => void;
}

export interface CorpusEntry {
  n: number;
  jpg: string;
  truth: PaperTruth;
}

export interface Corpus {
  dir: string;
  entries: CorpusEntry[];
  /** 'printed' when made from the app's PDF, 'drawn' from the stand-in. */
  source: 'printed' | 'drawn';
  /** True when read from the cache. */
  cached: boolean;
}

/** The corpus's key: anything that changes a byte of it. */
function corpusKey(o: CorpusOptions): string {
  const h = createHash('sha256');
  h.update(
    JSON.stringify({
      v: CORPUS_VERSION,
      seed: o.seed,
      papers: o.papers,
      layout: o.layout,
      code: o.codeText,
      truth: o.truth ?? null,
    }),
  );
  if (o.pdf) h.update(readFileSync(o.pdf));
  return h.digest('hex').slice(0, 16);
}

/** Generates (or reads back from its cache) `papers` marked, scanned papers. */
export async function generateCorpus(o: CorpusOptions): Promise<Corpus> {
  const key = corpusKey(o);
  const dir = o.dir ?? path.join(tmpdir(), `congress-scan-corpus-v${CORPUS_VERSION}-s${o.seed}-n${o.papers}-${key}`);
  const source = o.pdf ? 'printed' : 'drawn';
  const done = path.join(dir, 'corpus.json');
  if (existsSync(done)) {
    const meta = JSON.parse(readFileSync(done, 'utf8')) as { key: string; papers: number };
    if (meta.key === key) {
      const entries = Array.from({ length: meta.papers }, (_, i) => ({
        n: i + 1,
        jpg: path.join(dir, `${i + 1}.jpg`),
        truth: JSON.parse(readFileSync(path.join(dir, `${i + 1}.json`), 'utf8')) as PaperTruth,
      }));
      return { dir, entries, source, cached: true };
    }
  }
  mkdirSync(dir, { recursive: true });
  const blanks = new Map<number, Buffer>();
  const blank = async (dpi: number) => {
    let b = blanks.get(dpi);
    if (!b) {
      b = o.pdf ? rasterisePdf(o.pdf, dpi) : await drawnPaper(o.layout, o.codeText, dpi);
      blanks.set(dpi, b);
    }
    return b;
  };
  const entries: CorpusEntry[] = [];
  for (let n = 1; n <= o.papers; n++) {
    // One stream per paper, so paper n is the same whatever the corpus's size.
    const rng = prng((o.seed * 1_000_003 + n) >>> 0);
    const truth = truthFor(o.layout, rng, o.truth);
    const jpg = await markPaper(await blank(truth.effects.dpi), truth, rng);
    const file = path.join(dir, `${n}.jpg`);
    writeFileSync(file, jpg);
    writeFileSync(path.join(dir, `${n}.json`), `${JSON.stringify(truth, null, 1)}\n`);
    entries.push({ n, jpg: file, truth });
    o.onProgress?.(n, o.papers);
  }
  const tmp = `${done}.tmp`;
  writeFileSync(tmp, JSON.stringify({ key, papers: o.papers, seed: o.seed, version: CORPUS_VERSION, source }));
  renameSync(tmp, done);
  return { dir, entries, source, cached: false };
}

/** How one reading compares with the truth, box by box. */
export interface Score {
  boxes: number;
  /** Boxes read circle/cross/none (not sent to a person). */
  unflagged: number;
  correct: number;
  /** Read definite and wrong: a clean mark misread, or a doubtful one read as a mark it is not. */
  silent: { box: string; drawn: DrawnMark; read: BoxReading }[];
  /** Clean ○ × none boxes, and those of them sent to a person. */
  clean: number;
  cleanFlagged: number;
  doubtful: number;
  doubtfulFlagged: number;
  /** A written name the reader saw no ink in (a silent error: the name would be lost). */
  namesMissed: number;
  /** An empty name field read as having ink (a person looks for nothing). */
  namesFalse: number;
  /** The page was refused (a good page: must never happen). */
  refused: string | null;
}

const FLAGGED: readonly BoxReading[] = ['uncertain', 'tick'];

export function scoreReading(truth: PaperTruth, outcome: PageOutcome): Score {
  const s: Score = {
    boxes: 0,
    unflagged: 0,
    correct: 0,
    silent: [],
    clean: 0,
    cleanFlagged: 0,
    doubtful: 0,
    doubtfulFlagged: 0,
    namesMissed: 0,
    namesFalse: 0,
    refused: outcome.ok ? null : outcome.refusal,
  };
  if (!outcome.ok) return s;
  const one = (name: string, t: BoxTruth, read: BoxReading) => {
    s.boxes++;
    const flagged = FLAGGED.includes(read);
    if (t.clean && t.drawn !== 'tick') {
      s.clean++;
      if (flagged) s.cleanFlagged++;
    }
    if (!t.clean) {
      s.doubtful++;
      if (flagged) s.doubtfulFlagged++;
    }
    if (flagged) return;
    s.unflagged++;
    if (t.accept.includes(read)) s.correct++;
    else s.silent.push({ box: name, drawn: t.drawn, read });
  };
  const r = outcome.reading;
  truth.marks.forEach((t, i) => {
    one(`mark${i}`, t, r.marks[i]?.read ?? 'uncertain');
  });
  truth.writeIns.forEach((t, i) => {
    const w = r.writeIns[i];
    one(`writeInMark${i}`, t.mark, w?.mark.read ?? 'uncertain');
    if (t.nameChars > 0 && !w?.nameInk) s.namesMissed++;
    if (t.nameChars === 0 && w?.nameInk) s.namesFalse++;
  });
  return s;
}
