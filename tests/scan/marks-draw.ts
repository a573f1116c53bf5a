/**
 * Marks drawn the way voters draw them, for the scan corpus (issue 13): ○ × √ of varied size,
 * stroke width and pressure, off-centre, across the box border, circles left open; and the
 * doubtful ones the reader must hand to a person (scribbles, erasures, both marks, stray dots,
 * a mark outside the box touching it). Every stroke is a jittered polyline in millimetres on the
 * page, drawn with @napi-rs/canvas on a context already scaled to px per mm, so the same stroke
 * lands on the same paper at any dpi. The random choices come from the caller's seeded `rng`.
 */
import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Box } from '../../core/paper/layout.js';

export type Rng = () => number;

/** A clean mark is one a person reads at a glance; a doubtful one a person must decide. */
export const CLEAN_MARKS = ['circle', 'cross', 'tick', 'none'] as const;
export type CleanMark = (typeof CLEAN_MARKS)[number];
export const DOUBTFUL_MARKS = ['scribble', 'both', 'erased', 'dot', 'outside'] as const;
export type DoubtfulMark = (typeof DOUBTFUL_MARKS)[number];
export type DrawnMark = CleanMark | DoubtfulMark;

/** How one mark is drawn: chosen with the truth (so it is recorded) and drawn exactly so. */
export interface MarkStyle {
  /** Size of the mark as a fraction of the box side (a circle's diameter, a cross's span). */
  size: number;
  /** Centre offset from the box's centre, in mm. */
  dx: number;
  dy: number;
  /** Pen width in mm. */
  width: number;
  /** Ink grey, 0 black … 255 white (a faint pen or a light hand is lighter). */
  grey: number;
  /** Ink opacity 0–1 (pressure). */
  alpha: number;
  /** A circle's open gap in degrees (0 closed), and where it starts. */
  gap: number;
  start: number;
  /** Slant of a cross's strokes / tilt of an ellipse, in degrees. */
  tilt: number;
  /** An ellipse's aspect (1 round). */
  aspect: number;
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

/** A style for a clean mark: size 45–105 % of the box, off-centre up to ±1.6 mm, pens 0.3–1.1 mm. */
export function cleanStyle(rng: Rng, options: { heavy?: boolean; faint?: boolean } = {}): MarkStyle {
  const faint = options.faint ?? rng() < 0.08;
  const heavy = !faint && (options.heavy ?? rng() < 0.1);
  return {
    size: between(rng, 0.45, 1.05),
    dx: between(rng, -1.6, 1.6),
    dy: between(rng, -1.6, 1.6),
    width: heavy ? between(rng, 0.9, 1.4) : between(rng, 0.3, 0.8),
    // A faint clean mark is a light pencil or a pen running dry, still plainly a mark.
    grey: faint ? between(rng, 90, 130) : between(rng, 0, 60),
    alpha: faint ? between(rng, 0.7, 0.9) : between(rng, 0.85, 1),
    gap: rng() < 0.25 ? between(rng, 10, 45) : 0,
    start: between(rng, 0, 360),
    tilt: between(rng, -15, 15),
    aspect: between(rng, 0.8, 1.2),
  };
}

/** Draws `mark` in `box` (mm) on a context whose unit is the millimetre. */
export function drawMark(ctx: SKRSContext2D, box: Box, mark: DrawnMark, style: MarkStyle, rng: Rng): void {
  const cx = box.x + box.w / 2 + style.dx;
  const cy = box.y + box.h / 2 + style.dy;
  const r = (box.w * style.size) / 2;
  switch (mark) {
    case 'none':
      return;
    case 'circle':
      circle(ctx, cx, cy, r, style, rng);
      return;
    case 'cross':
      cross(ctx, cx, cy, r, style, rng);
      return;
    case 'tick':
      tick(ctx, cx, cy, r, style, rng);
      return;
    case 'both':
      circle(ctx, cx, cy, r, style, rng);
      cross(ctx, cx, cy, r * 0.9, { ...style, tilt: -style.tilt }, rng);
      return;
    case 'scribble':
      scribble(ctx, box, style, rng);
      return;
    case 'erased':
      erased(ctx, cx, cy, r, style, rng);
      return;
    case 'dot':
      dots(ctx, box, style, rng);
      return;
    case 'outside':
      outside(ctx, box, style, rng);
      return;
  }
}

function pen(ctx: SKRSContext2D, style: MarkStyle, width = style.width): void {
  const g = Math.round(Math.max(0, Math.min(255, style.grey)));
  ctx.strokeStyle = `rgba(${g},${g},${g},${style.alpha.toFixed(3)})`;
  ctx.fillStyle = ctx.strokeStyle;
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

/** A hand's stroke: a polyline with a little wobble and a width that eases in and out. */
function stroke(ctx: SKRSContext2D, points: [number, number][], style: MarkStyle, rng: Rng): void {
  pen(ctx, style);
  ctx.beginPath();
  let [x0, y0] = points[0]!;
  ctx.moveTo(x0, y0);
  const wobble = style.width * 0.25;
  for (let i = 1; i < points.length; i++) {
    const [x, y] = points[i]!;
    x0 = x + between(rng, -wobble, wobble) * 0.3;
    y0 = y + between(rng, -wobble, wobble) * 0.3;
    ctx.lineTo(x0, y0);
  }
  ctx.stroke();
}

function circle(ctx: SKRSContext2D, cx: number, cy: number, r: number, style: MarkStyle, rng: Rng): void {
  const steps = 48;
  const sweep = 360 - style.gap + (style.gap === 0 ? between(rng, 5, 30) : 0); // a closed one overlaps its start
  const tilt = (style.tilt * Math.PI) / 180;
  const drift = between(rng, -0.06, 0.06);
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = ((style.start + (sweep * i) / steps) * Math.PI) / 180;
    const rr = r * (1 + drift * (i / steps)) * (1 + between(rng, -0.015, 0.015));
    const ex = Math.cos(a) * rr * style.aspect;
    const ey = Math.sin(a) * rr;
    points.push([cx + ex * Math.cos(tilt) - ey * Math.sin(tilt), cy + ex * Math.sin(tilt) + ey * Math.cos(tilt)]);
  }
  stroke(ctx, points, style, rng);
}

function line(x0: number, y0: number, x1: number, y1: number, bow: number, n = 12): [number, number][] {
  const nx = -(y1 - y0);
  const ny = x1 - x0;
  const out: [number, number][] = [];
  for (let i = 0; i <= n; i++) {
    const t = i / n;
    const b = bow * Math.sin(Math.PI * t);
    out.push([x0 + (x1 - x0) * t + nx * b, y0 + (y1 - y0) * t + ny * b]);
  }
  return out;
}

function cross(ctx: SKRSContext2D, cx: number, cy: number, r: number, style: MarkStyle, rng: Rng): void {
  const t = (style.tilt * Math.PI) / 180;
  for (const base of [Math.PI / 4, (3 * Math.PI) / 4]) {
    const a = base + t + between(rng, -0.12, 0.12);
    const len = r * between(rng, 0.85, 1.1);
    const ox = between(rng, -0.4, 0.4);
    const oy = between(rng, -0.4, 0.4);
    const pts = line(
      cx + ox - Math.cos(a) * len,
      cy + oy - Math.sin(a) * len,
      cx + ox + Math.cos(a) * len,
      cy + oy + Math.sin(a) * len,
      between(rng, -0.06, 0.06),
    );
    stroke(ctx, pts, style, rng);
  }
}

function tick(ctx: SKRSContext2D, cx: number, cy: number, r: number, style: MarkStyle, rng: Rng): void {
  const lx = cx - r * 0.8;
  const ly = cy;
  const bx = cx - r * 0.25;
  const by = cy + r * 0.65;
  const tx = cx + r * 0.9;
  const ty = cy - r * 0.85;
  stroke(ctx, [...line(lx, ly, bx, by, 0.03, 6), ...line(bx, by, tx, ty, between(rng, -0.05, 0.05), 12)], style, rng);
}

/** Scribbled over: a dense zigzag across most of the box, as when a voter blacks a box out. */
function scribble(ctx: SKRSContext2D, box: Box, style: MarkStyle, rng: Rng): void {
  const pts: [number, number][] = [];
  const lines = 7 + Math.floor(rng() * 8);
  for (let i = 0; i <= lines; i++) {
    const y = box.y + box.h * (0.12 + (0.76 * i) / lines) + between(rng, -0.5, 0.5);
    const x = i % 2 === 0 ? box.x + box.w * between(rng, 0.08, 0.25) : box.x + box.w * between(rng, 0.75, 0.92);
    pts.push([x, y]);
  }
  stroke(ctx, pts, { ...style, width: Math.max(style.width, 0.6) }, rng);
}

/** A rubbed-out mark: the mark's ghost in light grey, smeared by an eraser's passes. */
function erased(ctx: SKRSContext2D, cx: number, cy: number, r: number, style: MarkStyle, rng: Rng): void {
  const ghost = { ...style, grey: between(rng, 120, 165), alpha: between(rng, 0.7, 0.9) };
  if (rng() < 0.5) circle(ctx, cx, cy, r, ghost, rng);
  else cross(ctx, cx, cy, r, ghost, rng);
  const smear = { ...style, grey: between(rng, 185, 215), alpha: 0.5, width: between(rng, 1.5, 2.5) };
  const passes = 3 + Math.floor(rng() * 3);
  for (let i = 0; i < passes; i++) {
    const y = cy - r + (2 * r * (i + 0.5)) / passes;
    stroke(
      ctx,
      line(cx - r * 1.1, y + between(rng, -0.6, 0.6), cx + r * 1.1, y + between(rng, -0.6, 0.6), 0.02, 6),
      smear,
      rng,
    );
  }
}

/** Stray dots of a pen set down in the box: no mark, yet ink. */
function dots(ctx: SKRSContext2D, box: Box, style: MarkStyle, rng: Rng): void {
  pen(ctx, style);
  const n = 1 + Math.floor(rng() * 3);
  for (let i = 0; i < n; i++) {
    ctx.beginPath();
    ctx.arc(
      box.x + box.w * between(rng, 0.2, 0.8),
      box.y + box.h * between(rng, 0.2, 0.8),
      between(rng, 0.3, 0.8),
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
}

/** A mark drawn mostly beside the box, its stroke touching the box's border. */
function outside(ctx: SKRSContext2D, box: Box, style: MarkStyle, rng: Rng): void {
  const side = Math.floor(rng() * 4);
  const r = box.w * between(rng, 0.3, 0.42);
  const off = box.w / 2 + r * between(rng, 0.55, 0.85);
  const cx = box.x + box.w / 2 + (side === 0 ? off : side === 1 ? -off : between(rng, -1, 1));
  const cy = box.y + box.h / 2 + (side === 2 ? off : side === 3 ? -off : between(rng, -1, 1));
  const s = { ...style, gap: 0 };
  if (rng() < 0.5) circle(ctx, cx, cy, r, s, rng);
  else cross(ctx, cx, cy, r, s, rng);
}

/**
 * A handwritten name in a 另选他人 field: 2–3 characters of jittered strokes (横 竖 撇 捺 点),
 * not a real font, so that no reader could ever "read" it — a person types the name.
 */
export function drawHandName(ctx: SKRSContext2D, box: Box, chars: number, style: MarkStyle, rng: Rng): void {
  const h = box.h * between(rng, 0.5, 0.75);
  const w = Math.min(h, (box.w * 0.9) / chars);
  const x0 = box.x + (box.w - w * chars) / 2 + between(rng, -0.8, 0.8);
  const y0 = box.y + (box.h - h) / 2 + between(rng, -0.8, 0.8);
  for (let c = 0; c < chars; c++) {
    const x = x0 + c * w;
    const strokes = 4 + Math.floor(rng() * 5);
    for (let s = 0; s < strokes; s++) {
      const kind = Math.floor(rng() * 4);
      const px = x + w * between(rng, 0.1, 0.9);
      const py = y0 + h * between(rng, 0.1, 0.9);
      const len = w * between(rng, 0.25, 0.7);
      const [dx, dy] =
        kind === 0 ? [len, 0] : kind === 1 ? [0, len] : kind === 2 ? [-len * 0.6, len * 0.7] : [len * 0.6, len * 0.7];
      const x1 = Math.max(x, Math.min(x + w, px + dx / 2));
      const y1 = Math.max(y0, Math.min(y0 + h, py + dy / 2));
      stroke(ctx, line(px - dx / 2, py - dy / 2, x1, y1, between(rng, -0.05, 0.05), 5), style, rng);
    }
  }
}
