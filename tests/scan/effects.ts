/**
 * What a scanner or a camera does to a marked paper, for the scan corpus (issue 13): uneven
 * lighting and sensor noise, a camera's perspective (OpenCV's warpPerspective), rotation by up
 * to ±5° or upside down (a sheet fed the wrong way), ±5 % scale, blur, and JPEG down to quality
 * 60. The geometric and codec steps are the field's libraries (sharp, opencv-js); only the
 * per-pixel light and noise are a loop here. Every choice is recorded in the truth.
 */
import sharp from 'sharp';
import type { Rng } from './marks-draw.js';
import { DESK_GREY, perspective } from './render-layout.js';

export interface Effects {
  /** The resolution the paper is rasterised at (the scanner's setting). */
  dpi: number;
  /** 'scanner': a flatbed or feeder; 'camera': a document camera or phone above the desk. */
  device: 'scanner' | 'camera';
  /** Degrees, clockwise; 180 ± a few for a sheet fed upside down. */
  rotate: number;
  /** 1 ± 0.05. */
  scale: number;
  /** Camera only: each page corner moved by this fraction of the page's width/height (TL, TR, BR, BL; x then y). */
  perspective: number[] | null;
  /** Gaussian blur sigma in px (0 none). */
  blur: number;
  /** Noise's standard deviation in grey levels (0 none). */
  noise: number;
  /** Light falling off across the page: darkest `amount` (0–1) of white at the far side of direction `angle`. */
  lighting: { angle: number; amount: number } | null;
  /** JPEG quality. */
  quality: number;
}

const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();

/** Effects of a scanner (most papers) or a camera (about one in seven), at 150, 200 or 300 dpi. */
export function chooseEffects(rng: Rng, options: { device?: Effects['device']; dpi?: number } = {}): Effects {
  const device = options.device ?? (rng() < 0.15 ? 'camera' : 'scanner');
  const dpi = options.dpi ?? (rng() < 0.5 ? 300 : rng() < 0.5 ? 200 : 150);
  const flipped = rng() < 0.1;
  const camera = device === 'camera';
  return {
    dpi,
    device,
    rotate: (flipped ? 180 : 0) + between(rng, -5, 5),
    scale: between(rng, 0.95, 1.05),
    perspective: camera ? Array.from({ length: 8 }, () => between(rng, -0.035, 0.035)) : null,
    blur: rng() < 0.35 ? between(rng, 0.4, camera ? 1.6 : 1.1) : 0,
    noise: rng() < 0.5 ? between(rng, 2, camera ? 10 : 6) : 0,
    lighting:
      camera || rng() < 0.2 ? { angle: between(rng, 0, 360), amount: between(rng, 0.08, camera ? 0.3 : 0.15) } : null,
    quality: Math.round(between(rng, 60, 92)),
  };
}

/** Mild effects for the end-to-end papers: a scanner at 200 dpi, a small skew, no camera. */
export function scannerEffects(rng: Rng, dpi = 200): Effects {
  return { ...chooseEffects(rng, { device: 'scanner', dpi }), rotate: between(rng, -2, 2), blur: 0 };
}

/**
 * A grey raster (one byte per px, `width` × `height`, modified in place for light and noise)
 * through the effects, to JPEG bytes.
 */
export async function applyEffects(
  gray: Uint8Array,
  width: number,
  height: number,
  effects: Effects,
  rng: Rng,
): Promise<Buffer> {
  if (effects.lighting || effects.noise > 0) lightAndNoise(gray, width, height, effects, rng);
  let pixels: Uint8Array = gray;
  let w = width;
  let h = height;
  if (effects.perspective) {
    // The camera's frame holds the page and a margin of desk around it.
    const shot = await perspective({ data: pixels, width, height }, effects.perspective);
    pixels = shot.data;
    w = shot.width;
    h = shot.height;
  }
  const background = effects.device === 'camera' ? DESK_GREY : 255;
  let img = sharp(pixels, { raw: { width: w, height: h, channels: 1 } });
  if (effects.scale !== 1) {
    // Its own pipeline: sharp rotates before it resizes, and the size wanted is the page's.
    const { data, info } = await img
      .resize(Math.round(w * effects.scale), Math.round(h * effects.scale), { kernel: 'linear' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    img = sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } });
  }
  if (effects.rotate !== 0)
    img = img.rotate(effects.rotate, { background: { r: background, g: background, b: background } });
  if (effects.blur >= 0.3) img = img.blur(effects.blur);
  return img.toColourspace('b-w').jpeg({ quality: effects.quality, chromaSubsampling: '4:4:4' }).toBuffer();
}

function lightAndNoise(gray: Uint8Array, width: number, height: number, effects: Effects, rng: Rng): void {
  const light = effects.lighting;
  const a = light ? (light.angle * Math.PI) / 180 : 0;
  const ux = Math.cos(a);
  const uy = Math.sin(a);
  const half = Math.hypot(width, height) / 2;
  const amount = light?.amount ?? 0;
  // Noise from a small table of normal draws, walked by the seeded rng: a fresh Box–Muller per
  // pixel would cost seconds per 300 dpi page for no difference a reader could see.
  const table = new Float32Array(4096);
  for (let i = 0; i < table.length; i++) {
    const u = Math.max(rng(), 1e-9);
    table[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng()) * effects.noise;
  }
  let k = Math.floor(rng() * table.length);
  const step = 1 + 2 * Math.floor(rng() * 500);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const fy = (y - height / 2) * uy;
    for (let x = 0; x < width; x++) {
      const t = ((x - width / 2) * ux + fy) / half; // -1 … 1 across the page
      let v = gray[row + x]! * (1 - (amount * (t + 1)) / 2);
      if (effects.noise > 0) {
        k = (k + step) & 4095;
        v += table[k]!;
      }
      gray[row + x] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}
