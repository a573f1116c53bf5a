import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxCorners, cropTransform, polygonPoints, project } from './overlay.js';

/** 6 px/mm, no turn: what a clean 150 dpi scan of the paper gives. */
const STRAIGHT = [6, 0, 0, 0, 6, 0, 0, 0, 1];
/** The same page upside down on a 1260×1782 image (A4 at 6 px/mm). */
const UPSIDE_DOWN = [-6, 0, 1260, 0, -6, 1782, 0, 0, 1];

const apply = (m: number[], p: { x: number; y: number }) => ({
  x: (m[0] as number) * p.x + (m[2] as number) * p.y + (m[4] as number),
  y: (m[1] as number) * p.x + (m[3] as number) * p.y + (m[5] as number),
});

describe('the overlay: layout boxes through the reading’s transform', () => {
  it('a straight scan puts a box at 6 px/mm, times the scale of the image shown', () => {
    expect(project(STRAIGHT, 0.5, { x: 10, y: 20 })).toEqual({ x: 30, y: 60 });
    const c = boxCorners(STRAIGHT, 1, { x: 10, y: 20, w: 12, h: 12 });
    expect(c).toEqual([
      { x: 60, y: 120 },
      { x: 132, y: 120 },
      { x: 132, y: 192 },
      { x: 60, y: 192 },
    ]);
    expect(polygonPoints(c)).toBe('60.0,120.0 132.0,120.0 132.0,192.0 60.0,192.0');
  });

  it('a page scanned upside down draws the top-left box at the image’s bottom right', () => {
    const [tl] = boxCorners(UPSIDE_DOWN, 1, { x: 8, y: 8, w: 8, h: 8 });
    expect(tl).toEqual({ x: 1260 - 48, y: 1782 - 48 });
  });

  it('a camera’s perspective (w ≠ 1) divides by w', () => {
    const persp = [6, 0, 0, 0, 6, 0, 0, 0.001, 1];
    const p = project(persp, 1, { x: 100, y: 100 });
    expect(p.x).toBeCloseTo(600 / 1.1, 6);
    expect(p.y).toBeCloseTo(600 / 1.1, 6);
  });

  it('a broken transform (point at infinity) lands nowhere, not at a wrong place', () => {
    const p = project([1, 0, 0, 0, 1, 0, 0, 0, 0], 1, { x: 1, y: 1 });
    expect(Number.isNaN(p.x)).toBe(true);
  });
});

describe('the crop of a write-in’s name: upright whatever the page’s turn', () => {
  const box = { x: 40, y: 150, w: 21, h: 11 };
  for (const [what, t] of [
    ['straight', STRAIGHT],
    ['upside down', UPSIDE_DOWN],
  ] as const) {
    it(`${what}: the box’s corners land on the crop canvas’s corners`, () => {
      const k = 8;
      const m = cropTransform(t, 1, box, k);
      const [p0, p1, p2, p3] = boxCorners(t, 1, box);
      const near = (a: { x: number; y: number }, b: { x: number; y: number }) => {
        expect(a.x).toBeCloseTo(b.x, 6);
        expect(a.y).toBeCloseTo(b.y, 6);
      };
      near(apply(m, p0), { x: 0, y: 0 });
      near(apply(m, p1), { x: box.w * k, y: 0 });
      near(apply(m, p2), { x: box.w * k, y: box.h * k });
      near(apply(m, p3), { x: 0, y: box.h * k });
    });
  }

  it('any turn and scale of the page: the paper’s top-left of the box is the crop’s top-left', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: 2, max: 12, noNaN: true }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        (angle, pxPerMm, scale) => {
          const c = Math.cos(angle) * pxPerMm;
          const s = Math.sin(angle) * pxPerMm;
          const t = [c, -s, 900, s, c, 900, 0, 0, 1];
          const m = cropTransform(t, scale, box, 6);
          const [p0, , p2] = boxCorners(t, scale, box);
          const a = apply(m, p0);
          const b = apply(m, p2);
          return (
            Math.abs(a.x) < 1e-6 &&
            Math.abs(a.y) < 1e-6 &&
            Math.abs(b.x - box.w * 6) < 1e-6 &&
            Math.abs(b.y - box.h * 6) < 1e-6
          );
        },
      ),
    );
  });
});
