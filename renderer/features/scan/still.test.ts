import { describe, expect, it } from 'vitest';
import { createStillDetector, greyOf, meanDifference } from './still.js';

const frame = (v: number, n = 64) => new Uint8Array(n).fill(v);
/** Camera noise: ±2 around v. */
const noisy = (v: number, seed: number) => Uint8Array.from({ length: 64 }, (_, i) => v + (((i * 7 + seed) % 5) - 2));

/** Feeds frames 100 ms apart; the times (ms) at which a frame was taken. */
function run(frames: Uint8Array[]): number[] {
  const d = createStillDetector({ stillMs: 700, threshold: 6 });
  return frames.flatMap((f, i) => (d.feed(f, i * 100) ? [i * 100] : []));
}

describe('the document camera takes a frame when the sheet lies still', () => {
  it('a sheet laid down and left: one frame, 0.7 s after the picture stopped changing', () => {
    const frames = [...Array(5).fill(frame(40)), ...Array(15).fill(frame(200))];
    // Changed at 500 ms; still from then on: taken at 1200 ms, and only once.
    expect(run(frames)).toEqual([1200]);
  });

  it('camera noise alone never counts as a change (no frame after the first)', () => {
    const frames = Array.from({ length: 40 }, (_, i) => noisy(120, i));
    expect(run(frames)).toEqual([700]);
  });

  it('a hand moving over the sheet: nothing until it is gone and 0.7 s have passed', () => {
    const moving = Array.from({ length: 10 }, (_, i) => frame(i % 2 ? 60 : 180));
    const frames = [...moving, ...Array(10).fill(frame(200))];
    expect(run(frames)).toEqual([1700]);
  });

  it('two sheets one after the other: two frames', () => {
    const frames = [...Array(10).fill(frame(200)), ...Array(3).fill(frame(50)), ...Array(10).fill(frame(210))];
    expect(run(frames)).toEqual([700, 2000]);
  });

  it('a frame taken by hand is not taken again by the detector', () => {
    const d = createStillDetector({ stillMs: 700, threshold: 6 });
    d.feed(frame(100), 0);
    d.taken();
    expect([100, 800, 1500].map((t) => d.feed(frame(100), t))).toEqual([false, false, false]);
  });

  it('thumbnails of different sizes never compare as still', () => {
    expect(meanDifference(frame(1, 4), frame(1, 8))).toBe(Number.POSITIVE_INFINITY);
    expect(greyOf([255, 255, 255, 255, 0, 0, 0, 255])).toEqual(Uint8Array.from([255, 0]));
  });
});
