/**
 * A ballot paper drawn from its layout with @napi-rs/canvas, for the reader's unit tests (issue 13):
 * the corner and orientation squares, the QR of `paperCodeText` (bwip-js), the mark boxes with a
 * 0.5 mm border inside the layout's box as the printed paper has it, the names, the 另选他人 lines.
 * Marks are drawn in millimetres on the page; the page can then be turned, scaled, put in a
 * camera's perspective and saved as JPEG or PNG — real image bytes for `readPage`.
 */
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import bwipjs from 'bwip-js';
import sharp from 'sharp';
import type { Box, PaperLayout } from '../../core/paper/layout.js';

const CJK_FONT = 'Noto Sans CJK SC';

export type TestMark =
  | { kind: 'circle'; size?: number; width?: number; grey?: number; gap?: number; dx?: number; dy?: number }
  | { kind: 'cross'; size?: number; width?: number; grey?: number; dx?: number; dy?: number }
  | { kind: 'tick'; size?: number; width?: number; grey?: number }
  | { kind: 'both'; size?: number; width?: number }
  | { kind: 'scribble'; width?: number }
  | { kind: 'erased' }
  | { kind: 'dot'; r?: number }
  | { kind: 'name' };

export interface Page {
  /** Grey pixels, one byte each. */
  data: Uint8Array;
  width: number;
  height: number;
}

/** The blank paper at `dpi`, with `marks` drawn (box index → mark; write-in boxes after the candidates). */
export async function renderPaper(
  layout: PaperLayout,
  codeText: string | null,
  dpi: number,
  marks: Record<number, TestMark> = {},
  names: Record<number, boolean> = {},
): Promise<Page> {
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
  if (codeText !== null) {
    // eclevel is bwipp's option, passed through (not in bwip-js's RenderOptions type).
    const options = { bcid: 'qrcode', text: codeText, eclevel: 'M', scale: 6, paddingwidth: 0 };
    const png = await bwipjs.toBuffer(options);
    const { loadImage } = await import('@napi-rs/canvas');
    const q = await loadImage(png);
    const inset = layout.code.w * 0.1;
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(
      q,
      layout.code.x + inset,
      layout.code.y + inset,
      layout.code.w - 2 * inset,
      layout.code.h - 2 * inset,
    );
  }
  ctx.fillStyle = '#000';
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.font = `6px "${CJK_FONT}"`;
  ctx.fillText(
    '中共某某镇第一届委员会委员选举',
    layout.title.x + layout.title.w / 2,
    layout.title.y + 6,
    layout.title.w,
  );
  ctx.font = `3.2px "${CJK_FONT}"`;
  ctx.textAlign = 'left';
  ctx.fillText('同意的在候选人姓名上方的空格内划"○",不同意的划"×"。', layout.instructions.x, layout.instructions.y + 4);
  ctx.textAlign = 'center';
  const boxes = [...layout.candidates.map((c) => c.markBox), ...layout.writeIns.map((w) => w.markBox)];
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 0.5;
  for (const b of boxes) ctx.strokeRect(b.x + 0.25, b.y + 0.25, b.w - 0.5, b.h - 0.5);
  ctx.font = `4.6px "${CJK_FONT}"`;
  for (const c of layout.candidates) ctx.fillText(c.name, c.nameBox.x + c.nameBox.w / 2, c.nameBox.y + c.nameBox.h / 2);
  if (layout.writeInHeading) {
    const h = layout.writeInHeading;
    ctx.fillText('另选他人', h.x + h.w / 2, h.y + h.h / 2);
  }
  ctx.lineWidth = 0.3;
  for (const w of layout.writeIns) {
    const y = w.nameBox.y + w.nameBox.h - 2.5;
    ctx.beginPath();
    ctx.moveTo(w.nameBox.x + 1.5, y);
    ctx.lineTo(w.nameBox.x + w.nameBox.w - 1.5, y);
    ctx.stroke();
  }
  for (const [i, m] of Object.entries(marks)) {
    const b = boxes[Number(i)];
    if (b) drawTestMark(ctx, b, m);
  }
  for (const [i, has] of Object.entries(names)) {
    const w = layout.writeIns[Number(i)];
    if (w && has) drawTestMark(ctx, w.nameBox, { kind: 'name' });
  }
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const data = new Uint8Array(canvas.width * canvas.height);
  for (let i = 0; i < data.length; i++) data[i] = rgba[i * 4]!;
  return { data, width: canvas.width, height: canvas.height };
}

function pen(ctx: SKRSContext2D, width: number, grey: number): void {
  ctx.strokeStyle = `rgb(${grey},${grey},${grey})`;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

/** A mark in `box` (mm), drawn as a hand would but without randomness: each test says its mark. */
export function drawTestMark(ctx: SKRSContext2D, box: Box, m: TestMark): void {
  const cx = box.x + box.w / 2 + ('dx' in m ? (m.dx ?? 0) : 0);
  const cy = box.y + box.h / 2 + ('dy' in m ? (m.dy ?? 0) : 0);
  const size = 'size' in m ? (m.size ?? 0.7) : 0.7;
  const r = (box.w * size) / 2;
  const width = 'width' in m ? (m.width ?? 0.6) : 0.6;
  const grey = 'grey' in m ? (m.grey ?? 20) : 20;
  switch (m.kind) {
    case 'circle': {
      pen(ctx, width, grey);
      const gap = ((m.gap ?? 0) * Math.PI) / 180;
      ctx.beginPath();
      ctx.ellipse(cx, cy, r, r * 0.92, 0.2, -Math.PI / 2 + gap, Math.PI * 1.5 + (gap ? 0 : 0.3));
      ctx.stroke();
      return;
    }
    case 'cross':
      pen(ctx, width, grey);
      ctx.beginPath();
      ctx.moveTo(cx - r * 0.75, cy - r * 0.75);
      ctx.lineTo(cx + r * 0.75, cy + r * 0.7);
      ctx.moveTo(cx + r * 0.72, cy - r * 0.75);
      ctx.lineTo(cx - r * 0.7, cy + r * 0.75);
      ctx.stroke();
      return;
    case 'tick':
      pen(ctx, width, grey);
      ctx.beginPath();
      ctx.moveTo(cx - r * 0.8, cy);
      ctx.lineTo(cx - r * 0.25, cy + r * 0.65);
      ctx.lineTo(cx + r * 0.9, cy - r * 0.85);
      ctx.stroke();
      return;
    case 'both':
      drawTestMark(ctx, box, { kind: 'circle', size, width });
      drawTestMark(ctx, box, { kind: 'cross', size: size * 0.9, width });
      return;
    case 'scribble': {
      pen(ctx, m.width ?? 0.8, 20);
      ctx.beginPath();
      for (let i = 0; i <= 12; i++) {
        const y = box.y + box.h * (0.12 + (0.76 * i) / 12);
        const x = box.x + box.w * (i % 2 === 0 ? 0.12 : 0.88);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.stroke();
      return;
    }
    case 'erased': {
      drawTestMark(ctx, box, { kind: 'cross', size: 0.7, grey: 150 });
      pen(ctx, 2, 205);
      ctx.globalAlpha = 0.5;
      for (let i = 0; i < 4; i++) {
        const y = cy - r + (2 * r * (i + 0.5)) / 4;
        ctx.beginPath();
        ctx.moveTo(cx - r * 1.1, y);
        ctx.lineTo(cx + r * 1.1, y);
        ctx.stroke();
      }
      ctx.globalAlpha = 1;
      return;
    }
    case 'dot':
      pen(ctx, 0.1, 20);
      ctx.beginPath();
      ctx.arc(cx + 1, cy - 1, m.r ?? 0.35, 0, Math.PI * 2);
      ctx.fill();
      return;
    case 'name': {
      pen(ctx, 0.4, 30);
      ctx.beginPath();
      for (const [x0, y0, x1, y1] of [
        [0.2, 0.3, 0.4, 0.3],
        [0.3, 0.2, 0.3, 0.6],
        [0.55, 0.25, 0.8, 0.25],
        [0.6, 0.4, 0.75, 0.6],
      ] as const) {
        ctx.moveTo(box.x + box.w * x0, box.y + box.h * y0);
        ctx.lineTo(box.x + box.w * x1, box.y + box.h * y1);
      }
      ctx.stroke();
    }
  }
}

export interface Scan {
  /** Degrees clockwise (180 and more for upside down). */
  rotate?: number;
  scale?: number;
  /** A camera: each page corner moved by this fraction of the page (TL, TR, BR, BL; x then y), desk around. */
  perspective?: number[];
  /** Light falling off to this fraction of white across the page. */
  shade?: number;
  blur?: number;
  format?: 'jpeg' | 'png';
  quality?: number;
}

/** The page through a scanner or camera, to image bytes. */
export async function scanOf(page: Page, s: Scan = {}): Promise<Buffer> {
  let { data, width, height } = page;
  if (s.shade) {
    data = Uint8Array.from(data);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const f = 1 - (s.shade * (x / width + y / height)) / 2;
        data[y * width + x] = Math.round(data[y * width + x]! * f);
      }
    }
  }
  if (s.perspective) ({ data, width, height } = await perspective({ data, width, height }, s.perspective));
  let img = sharp(data, { raw: { width, height, channels: 1 } });
  if (s.scale && s.scale !== 1) {
    const w = Math.round(width * s.scale);
    const h = Math.round(height * s.scale);
    const scaled = await img.resize(w, h, { kernel: 'linear' }).extractChannel(0).raw().toBuffer();
    img = sharp(scaled, { raw: { width: w, height: h, channels: 1 } });
  }
  const bg = s.perspective ? DESK_GREY : 255;
  if (s.rotate) img = img.rotate(s.rotate, { background: { r: bg, g: bg, b: bg } });
  if (s.blur) img = img.blur(s.blur);
  img = img.toColourspace('b-w');
  return s.format === 'png' ? img.png().toBuffer() : img.jpeg({ quality: s.quality ?? 85 }).toBuffer();
}

type CvLite = {
  Mat: new (rows: number, cols: number, type: number) => { data: Uint8Array; delete(): void };
  matFromArray(r: number, c: number, t: number, d: number[]): { delete(): void };
  getPerspectiveTransform(a: unknown, b: unknown): { delete(): void };
  warpPerspective(a: unknown, b: unknown, m: unknown, s: unknown, f: number, bm: number, v: unknown): void;
  Size: new (w: number, h: number) => unknown;
  Scalar: new (v: number) => unknown;
  CV_8UC1: number;
  CV_32FC2: number;
  INTER_LINEAR: number;
  BORDER_CONSTANT: number;
};

/** The desk around a photographed page: a light grey, not white, as under a document camera. */
export const DESK_GREY = 190;

/**
 * The page as a camera sees it: its corners moved by `p` (fractions of the page's size, TL TR BR BL as
 * x, y pairs), on a light grey desk a margin wide around it.
 */
export async function perspective(page: Page, p: readonly number[]): Promise<Page> {
  const { openCv } = await import('../../db/scan/wasm.js');
  const cv = (await openCv()) as unknown as CvLite;
  const { width, height } = page;
  const margin = Math.round(width * 0.06);
  const W = width + 2 * margin;
  const H = height + 2 * margin;
  const src = new cv.Mat(height, width, cv.CV_8UC1);
  src.data.set(page.data);
  const to = [
    [margin + p[0]! * width, margin + p[1]! * height],
    [margin + width + p[2]! * width, margin + p[3]! * height],
    [margin + width + p[4]! * width, margin + height + p[5]! * height],
    [margin + p[6]! * width, margin + height + p[7]! * height],
  ].flat();
  const a = cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, width, 0, width, height, 0, height]);
  const b = cv.matFromArray(4, 1, cv.CV_32FC2, to);
  const m = cv.getPerspectiveTransform(a, b);
  const dst = new cv.Mat(H, W, cv.CV_8UC1);
  cv.warpPerspective(src, dst, m, new cv.Size(W, H), cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(DESK_GREY));
  const data = Uint8Array.from(dst.data);
  for (const x of [src, a, b, m, dst]) x.delete();
  return { data, width: W, height: H };
}
