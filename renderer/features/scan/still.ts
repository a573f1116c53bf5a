/**
 * When to take a frame from the document camera: once the picture has changed (a sheet laid
 * down) and then stayed still for `stillMs` (the hand is gone), exactly once per change. Frames
 * are compared as small grey thumbnails (mean absolute difference of 0–255 values), so the
 * camera's noise does not count as a change and a hand moving does.
 */
export interface StillOptions {
  /** How long the picture must stay still after a change before a frame is taken. */
  stillMs: number;
  /** Mean difference per pixel (0–255) above which two thumbnails differ. */
  threshold: number;
}

export const STILL_DEFAULTS: StillOptions = { stillMs: 700, threshold: 6 };

export const meanDifference = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  if (a.length !== b.length || a.length === 0) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
  return sum / a.length;
};

/**
 * Feeds thumbnails in time order; `feed` answers true for the frame to take. The first picture
 * counts as a change (a sheet already under the camera when it starts is taken once still).
 */
export function createStillDetector(options: StillOptions = STILL_DEFAULTS) {
  let last: ArrayLike<number> | null = null;
  let stillSince: number | null = null;
  let changed = true;
  return {
    feed(thumb: ArrayLike<number>, now: number): boolean {
      const moved = last === null || meanDifference(thumb, last) > options.threshold;
      last = Array.from(thumb);
      if (moved) {
        changed = true;
        stillSince = now;
        return false;
      }
      if (!changed || stillSince === null || now - stillSince < options.stillMs) return false;
      changed = false;
      return true;
    },
    /** A frame taken by hand: the next one is taken only after the picture changes again. */
    taken(): void {
      changed = false;
    },
  };
}

/** Grey values (0–255) of an RGBA image's pixels: the thumbnail a detector compares. */
export function greyOf(rgba: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(Math.floor(rgba.length / 4));
  for (let i = 0; i < out.length; i++) {
    const r = rgba[4 * i] as number;
    const g = rgba[4 * i + 1] as number;
    const b = rgba[4 * i + 2] as number;
    out[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  return out;
}
