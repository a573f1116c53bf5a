/**
 * What one mark box holds, decided from measurements of its ink (db/scan/read.ts measures them
 * on the scanned page; this file only decides, so the rule can be tested and read on its own).
 *
 * The rule the issue sets: a reading may be wrong only by being flagged. The convention's marks
 * are 「同意的……划"○",不同意的划"×"」, so ○ and × are called only when the ink's shape says so
 * plainly; a √, two marks, a box scribbled over, a rubbed-out mark, a mark lying beside the box or
 * ink too light to be sure of goes to a person (`uncertain` with why, or `tick`). Stray specks
 * smaller than a pen's dot are no mark.
 */
import type { BoxRead } from './reading.js';

/** Measurements of the ink in and just around one mark box, in millimetres (see db/scan/read.ts). */
export interface MarkFeatures {
  /** The box's side (mm). */
  side: number;
  /** Ink (darker than the paper by a clear margin) inside the box, and in the ring just outside it, mm². */
  areaIn: number;
  areaOut: number;
  /** Of that, ink that is dark (a pen pressed normally), mm². */
  strongArea: number;
  /** How dark the darkest tenth of the ink is, as a fraction of the paper's white (0 black … 1 paper). */
  inkLevel: number;
  /** Light grey with no ink beside it (an eraser's smear, shading), mm². */
  greyArea: number;
  /** The ink's centre relative to the box's centre, mm. */
  dx: number;
  dy: number;
  /** Mean and standard deviation of the ink's distance from its centre, mm. */
  rMean: number;
  rStd: number;
  /** Fraction of a small disc at the ink's centre that is ink (× crosses there, ○ leaves it empty). */
  centreFill: number;
  /** Fraction of 36 directions from the centre in which ink lies away from it (○ all round). */
  coverage: number;
  /**
   * How evenly the ink reaches out all round: the short reach (10th percentile of 36 directions)
   * over the long one (90th). Near 1 for ○ (and ○ with × inside), low for × (long arms, short between).
   */
  roundness: number;
  /** Fraction of the ink whose mirror through the centre is ink too (○ and × are; √ is not). */
  symmetry: number;
  /** Ink area over the area of its convex hull. */
  hullFill: number;
  /** Smaller over larger spread of the ink's second moments: 1 alike every way (○ ×), 0 along a line (√ leans that way). */
  isotropy: number;
  /** The circle fitted to the ink: its centre relative to the box's, its radius (mm), and the ink's RMS distance from it over the radius. */
  ringDx: number;
  ringDy: number;
  ringR: number;
  ringError: number;
  /** Fraction of the way round the fitted circle with ink on it (or the printed border hiding it). */
  ringCoverage: number;
  /** Fraction of the fitted circle's middle that is ink. */
  ringCentreFill: number;
}

/** Less ink than this (mm²) is a speck of dust or noise, not a mark. */
export const SPECK_MM2 = 0.5;

const uncertain = (why: NonNullable<BoxRead['why']>, ink: number): BoxRead => ({ read: 'uncertain', why, ink });

/** The box's reading from its ink's measurements. */
export function classifyMark(f: MarkFeatures): BoxRead {
  const boxArea = f.side * f.side;
  const half = f.side / 2;
  const area = f.areaIn + f.areaOut;
  const ink = round3(Math.min(1, f.areaIn / boxArea));
  // An eraser leaves a smear of grey over the box: whatever is left of the mark, a person decides.
  if (f.greyArea >= 0.06 * boxArea) return uncertain('erased', ink);
  if (area < SPECK_MM2) return { read: 'none', why: null, ink };
  // Very light ink, or only a dot or two: something was there, not enough to call it a mark.
  if (f.inkLevel > 0.76 || area < 2.5) return uncertain('faint', ink);
  // A ring: the ink lies close to one circle all the way round, its middle empty. The closer to the
  // circle, the more lopsided it may be (a big ○ cut by the crop's edge); a √ lies far from any circle.
  const fits =
    (f.ringError <= 0.08 && f.isotropy >= 0.2) ||
    (f.ringError <= 0.16 && f.isotropy >= 0.3) ||
    (f.ringError <= 0.22 && f.isotropy >= 0.5);
  // 0.9 of the way round: three stray dots near the corners fit a circle that the printed border
  // hides for the rest of its way round (0.86 on the corpus); every drawn ○ there was ≥ 0.91.
  const ring = fits && f.ringCoverage >= 0.9 && f.ringCentreFill <= 0.04;
  const centred = (x: number, y: number) => Math.abs(x) <= half * 0.5 && Math.abs(y) <= half * 0.5;
  if (ring && f.ringR >= 2 && f.ringR <= f.side * 0.7 && area >= 4 && centred(f.ringDx, f.ringDy)) {
    return { read: 'circle', why: null, ink };
  }
  // Most of the ink beside the box, or a mark whose middle is off the box: whose box is in doubt.
  if (ring || f.areaOut > f.areaIn || !centred(f.dx, f.dy)) return uncertain('outside', ink);
  // Blacked out: much ink, filling its outline and its middle.
  if (f.areaIn > 0.26 * boxArea && f.hullFill > 0.5 && f.centreFill > 0.45) return uncertain('scribble', ink);
  // Ink all round a circle and through its middle too: ○ and × both.
  if (f.ringCoverage >= 0.85 && f.ringCentreFill >= 0.2) return uncertain('both', ink);
  // Two strokes crossing at the ink's middle: far from any circle, spread alike both ways, symmetric.
  if (
    f.ringError >= 0.3 &&
    f.ringCoverage < 0.8 &&
    f.centreFill >= 0.3 &&
    f.isotropy >= 0.4 &&
    f.symmetry >= 0.25 &&
    area >= 4 &&
    f.rMean >= 1.2
  ) {
    return { read: 'cross', why: null, ink };
  }
  // Ink along one slanting line and a shorter one: √, which a person reads.
  if (f.isotropy < 0.3) return { read: 'tick', why: null, ink };
  return uncertain(f.hullFill >= 0.5 ? 'scribble' : 'faint', ink);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
