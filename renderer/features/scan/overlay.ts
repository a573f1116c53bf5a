/**
 * Where the layout's boxes fall on a page image: the reading's `transform` maps millimetres on
 * the paper (core/paper/layout.ts) to pixels of the stored image, and the screen shows that
 * image scaled (`scan.image`'s `scale`). Pure, so the drawing and the crop of a write-in's name
 * are tested without a canvas.
 */
import type { Box } from '../../../core/paper/layout.js';
import type { BoxReading } from '../../../core/paper/reading.js';

export interface Point {
  x: number;
  y: number;
}

/** A row-major 3×3 homography applied to a point (mm → stored-image px), then scaled to the image shown. */
export function project(transform: readonly number[], scale: number, p: Point): Point {
  const [a, b, c, d, e, f, g, h, i] = transform as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const w = g * p.x + h * p.y + i;
  // A point at infinity means a broken transform: it lands nowhere rather than at a wrong place.
  if (Math.abs(w) < 1e-12) return { x: Number.NaN, y: Number.NaN };
  return { x: ((a * p.x + b * p.y + c) / w) * scale, y: ((d * p.x + e * p.y + f) / w) * scale };
}

/** A box's four corners on the image shown, in the box's own order (top-left, top-right, bottom-right, bottom-left on paper). */
export function boxCorners(transform: readonly number[], scale: number, box: Box): [Point, Point, Point, Point] {
  const at = (x: number, y: number) => project(transform, scale, { x, y });
  return [at(box.x, box.y), at(box.x + box.w, box.y), at(box.x + box.w, box.y + box.h), at(box.x, box.y + box.h)];
}

/** The corners as an SVG polygon's `points`. */
export const polygonPoints = (corners: readonly Point[]): string =>
  corners.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');

/**
 * The canvas transform (`setTransform(a, b, c, d, e, f)`) that draws the image so that `box`
 * fills a canvas of `box.w × box.h` mm at `pxPerMm`, upright as the voter wrote it — also on a
 * page scanned upside down or turned. An affine fit through three of the box's projected
 * corners: within a box of a few centimetres the perspective is negligible.
 */
export function cropTransform(
  transform: readonly number[],
  scale: number,
  box: Box,
  pxPerMm: number,
): [number, number, number, number, number, number] {
  const [p0, p1, , p3] = boxCorners(transform, scale, box);
  // canvas (u, v) → image: p0 + u/(w·k)·(p1 − p0) + v/(h·k)·(p3 − p0); invert that affine map.
  const ux = (p1.x - p0.x) / (box.w * pxPerMm);
  const uy = (p1.y - p0.y) / (box.w * pxPerMm);
  const vx = (p3.x - p0.x) / (box.h * pxPerMm);
  const vy = (p3.y - p0.y) / (box.h * pxPerMm);
  const det = ux * vy - vx * uy;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return [1, 0, 0, 1, 0, 0];
  const a = vy / det;
  const b = -uy / det;
  const c = -vx / det;
  const d = ux / det;
  return [a, b, c, d, -(a * p0.x + c * p0.y), -(b * p0.x + d * p0.y)];
}

/** The overlay's colour of a box by what was read (○ green, × red, none grey, doubtful orange). */
export const READ_COLOUR: Record<BoxReading, string> = {
  circle: '#389e0d',
  cross: '#cf1322',
  none: '#8c8c8c',
  tick: '#d46b08',
  uncertain: '#d46b08',
};
