/**
 * Reading one scanned ballot page (issue 13 item 4): the image's bytes and the round's expected
 * code and layout in, a `PageOutcome` out (core/paper/reading.ts).
 *
 * 1. Decode to grey at 5–10 px/mm (db/scan/decode.ts).
 * 2. Find the four filled corner squares on a 2 px/mm copy (adaptive threshold, so uneven light
 *    is no matter; external contours that are filled near-squares of the right size; the one
 *    nearest each corner of the image), then refine each centre on the full image (Otsu, moments).
 * 3. Up or down: the orientation square beside the top-left corner is dark under one of the two
 *    homographies (layout corner centres in mm → found centres), and light under the other.
 * 4. The QR code, from its box only: a small upright warped crop given to zxing. A code of
 *    another congress, contest, round or layout is refused naming what it says.
 * 5. Each mark box: an upright crop of the box and a ring around it, measured (ink inside and
 *    beside it with the printed border left out, its shape about its centre, grey smudges) and
 *    decided by core/paper/marks.ts. Each 另选他人 name field: ink above the printed line.
 *
 * OpenCV does the image work (resize, thresholds, contours, moments, warps, hulls); the loops
 * here only measure the small crops. Every Mat is freed in a `finally`.
 */
import type CV from '@techstark/opencv-js';
import { codeMismatch, type PaperCode, parsePaperCode } from '../../core/paper/code.js';
import { type Box, centreOf, type PaperLayout } from '../../core/paper/layout.js';
import { classifyMark, type MarkFeatures } from '../../core/paper/marks.js';
import type { BoxRead, PageOutcome, PageReading, PageRefusal } from '../../core/paper/reading.js';
import { decodePage, type GrayImage } from './decode.js';
import { type OpenCv, openCv, zxing } from './wasm.js';

export interface ExpectedPaper {
  code: PaperCode;
  layout: PaperLayout;
}

type Mat = CV.Mat;
type Pt = { x: number; y: number };
/** Row-major 3×3 homography. */
type H = number[];

const refuse = (refusal: PageRefusal, params: Record<string, string | number> = {}): PageOutcome => ({
  ok: false,
  refusal,
  params,
});

/** Reads a page image (JPEG or PNG bytes) as a paper of the expected round. */
export async function readPage(bytes: Uint8Array, expected: ExpectedPaper): Promise<PageOutcome> {
  const decoded = await decodePage(bytes, expected.layout);
  if (!decoded) return refuse('scan.unreadable_image');
  return readGray(decoded.gray, expected, decoded.scale);
}

/**
 * Reads grey pixels. `scale` is decoded pixels per stored-image pixel: the reading's `transform`
 * and size are the stored image's.
 */
export async function readGray(
  gray: GrayImage,
  expected: ExpectedPaper,
  scale = 1,
  /** Receives each box's measurements (candidates, then write-ins): for tuning against the corpus. */
  observe?: (features: MarkFeatures) => void,
): Promise<PageOutcome> {
  const cv = await openCv();
  const src = new cv.Mat(gray.height, gray.width, cv.CV_8UC1);
  try {
    src.data.set(gray.data);
    const found = locatePage(cv, src, expected.layout);
    if (!found.ok) {
      if (found.blank) return refuse('scan.blank_page');
      // Not one of our papers: say what its code is, if it has one (a badge sheet, a form).
      const text = await readAnyCode(src);
      if (text !== null && parsePaperCode(text) === null) return refuse('scan.not_ballot', { text: clip(text) });
      return refuse('scan.no_corners');
    }
    const text = await readCode(cv, src, found.h, expected.layout);
    if (text === null) return refuse('scan.no_code');
    const code = parsePaperCode(text);
    if (!code) return refuse('scan.not_ballot', { text: clip(text) });
    const mismatch = codeMismatch(code, expected.code);
    if (mismatch === 'congress') return refuse('scan.other_congress', { found: code.congressUid });
    if (mismatch === 'contest') return refuse('scan.other_contest', { found: code.contestId });
    if (mismatch === 'round') return refuse('scan.other_round', { found: code.roundId });
    if (mismatch === 'layout') {
      return refuse('scan.other_layout', { found: code.layoutVersion, expected: expected.code.layoutVersion });
    }
    const layout = expected.layout;
    const readBox = (box: Box): BoxRead => {
      const f = measureBox(cv, src, found.h, box, found.pxPerMm);
      observe?.(f);
      return classifyMark(f);
    };
    const marks = layout.candidates.map((c) => readBox(c.markBox));
    const writeIns = layout.writeIns.map((w) => ({
      mark: readBox(w.markBox),
      nameInk: nameHasInk(cv, src, found.h, w.nameBox),
    }));
    const reading: PageReading = {
      code,
      rotation: found.rotation,
      marks,
      writeIns,
      transform: scaleH(found.h, 1 / scale).map((v) => Number(v.toPrecision(10))),
      width: Math.round(gray.width / scale),
      height: Math.round(gray.height / scale),
    };
    return { ok: true, reading };
  } finally {
    src.delete();
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Geometry

/** `pxPerMm`: the page's resolution in the decoded image, as the corner squares measure it. */
type Located = { ok: true; h: H; rotation: number; pxPerMm: number } | { ok: false; blank: boolean };

/** Resolution of the copy the corner squares are looked for in. */
const FIND_PX_PER_MM = 2;

function locatePage(cv: OpenCv, src: Mat, layout: PaperLayout): Located {
  // The page fits inside the image: this is its most px/mm (a camera frame has desk around it).
  const estimate = Math.min(src.cols / layout.width, src.rows / layout.height);
  // A whole-number shrink: OpenCV's area resize has a fast path for it (and it averages noise away).
  const f = 1 / Math.max(1, Math.round(estimate / FIND_PX_PER_MM));
  const small = new cv.Mat();
  const bin = new cv.Mat();
  const contours = new cv.MatVector();
  const hierarchy = new cv.Mat();
  try {
    cv.resize(src, small, new cv.Size(0, 0), f, f, cv.INTER_AREA);
    const k = (estimate * small.cols) / src.cols;
    const block = odd(Math.round(25 * k));
    cv.adaptiveThreshold(small, bin, 255, cv.ADAPTIVE_THRESH_MEAN_C, cv.THRESH_BINARY_INV, block, 25);
    const inked = cv.countNonZero(bin) / (bin.rows * bin.cols);
    // A back side: nothing printed, nothing written (bleed-through and dust stay under the threshold).
    if (inked < 0.0004) return { ok: false, blank: true };
    cv.findContours(bin, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
    const side = layout.corners[0].w * k;
    const squares: (Pt & { side: number })[] = [];
    const count = contours.size() as unknown as number;
    for (let i = 0; i < count; i++) {
      const c = contours.get(i);
      try {
        const area = cv.contourArea(c);
        if (area < (0.55 * side) ** 2 || area > (1.35 * side) ** 2) continue;
        const r = cv.minAreaRect(c);
        const { width, height } = r.size;
        if (width <= 0 || height <= 0) continue;
        if (area / (width * height) < 0.8 || Math.max(width, height) / Math.min(width, height) > 1.3) continue;
        const m = cv.moments(c, false);
        if (m.m00 <= 0) continue;
        squares.push({ x: m.m10 / m.m00, y: m.m01 / m.m00, side: Math.sqrt(area) });
      } finally {
        c.delete();
      }
    }
    if (squares.length < 4) return { ok: false, blank: false };
    const pick = (score: (p: Pt) => number) => squares.reduce((a, b) => (score(b) > score(a) ? b : a));
    const quad = [pick((p) => -(p.x + p.y)), pick((p) => p.x - p.y), pick((p) => p.x + p.y), pick((p) => p.y - p.x)];
    if (new Set(quad).size < 4) return { ok: false, blank: false };
    const sides = quad.map((q) => q.side);
    if (Math.max(...sides) > 1.5 * Math.min(...sides)) return { ok: false, blank: false };
    const mm = layout.corners.map(centreOf);
    const across = (dist(quad[0]!, quad[1]!) + dist(quad[3]!, quad[2]!)) / 2;
    const down = (dist(quad[0]!, quad[3]!) + dist(quad[1]!, quad[2]!)) / 2;
    const ratio = across / down / (dist(mm[0]!, mm[1]!) / dist(mm[0]!, mm[3]!));
    if (ratio < 0.82 || ratio > 1.22 || !convex(quad)) return { ok: false, blank: false };
    const fx = src.cols / small.cols;
    const fy = src.rows / small.rows;
    const pxPerMm = (across * fx) / dist(mm[0]!, mm[1]!);
    const image = quad.map((q) => refineCentre(cv, src, { x: q.x * fx, y: q.y * fy }, pxPerMm));
    const upright = homography(cv, mm, image);
    const turned = homography(cv, mm, [image[2]!, image[3]!, image[0]!, image[1]!]);
    const o = centreOf(layout.orientation);
    const darkUp = meanAround(src, apply(upright, o), pxPerMm * 1.2);
    const darkTurned = meanAround(src, apply(turned, o), pxPerMm * 1.2);
    const paper = meanAround(src, apply(upright, { x: o.x, y: o.y + layout.orientation.h * 2 }), pxPerMm);
    const h = darkUp < darkTurned ? upright : turned;
    const dark = Math.min(darkUp, darkTurned);
    const light = Math.max(darkUp, darkTurned);
    // One of the two must be plainly dark and the other plainly paper, else this is not our paper.
    if (!(dark < 0.5 * light && dark < 0.6 * paper)) return { ok: false, blank: false };
    const a = apply(h, mm[0]!);
    const b = apply(h, mm[1]!);
    const rotation = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;
    return { ok: true, h, rotation: Math.round(rotation * 10) / 10, pxPerMm };
  } finally {
    for (const m of [small, bin, hierarchy]) m.delete();
    contours.delete();
  }
}

function odd(n: number): number {
  return n % 2 === 1 ? Math.max(3, n) : n + 1;
}

const dist = (a: Pt, b: Pt) => Math.hypot(a.x - b.x, a.y - b.y);

function convex(q: Pt[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = q[i]!;
    const b = q[(i + 1) % 4]!;
    const c = q[(i + 2) % 4]!;
    const z = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (z === 0) return false;
    if (sign === 0) sign = Math.sign(z);
    else if (Math.sign(z) !== sign) return false;
  }
  return true;
}

/** The corner square's centre on the full image: the dark pixels' centroid in a window around it. */
function refineCentre(cv: OpenCv, src: Mat, p: Pt, pxPerMm: number): Pt {
  const half = Math.round(5.5 * pxPerMm);
  const x0 = Math.max(0, Math.round(p.x) - half);
  const y0 = Math.max(0, Math.round(p.y) - half);
  const x1 = Math.min(src.cols, Math.round(p.x) + half);
  const y1 = Math.min(src.rows, Math.round(p.y) + half);
  if (x1 - x0 < 4 || y1 - y0 < 4) return p;
  const roi = src.roi(new cv.Rect(x0, y0, x1 - x0, y1 - y0));
  const bin = new cv.Mat();
  try {
    cv.threshold(roi, bin, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
    const m = cv.moments(bin, true);
    return m.m00 > 0 ? { x: x0 + m.m10 / m.m00, y: y0 + m.m01 / m.m00 } : p;
  } finally {
    roi.delete();
    bin.delete();
  }
}

function homography(cv: OpenCv, from: Pt[], to: Pt[]): H {
  const a = cv.matFromArray(
    4,
    1,
    cv.CV_32FC2,
    from.flatMap((p) => [p.x, p.y]),
  );
  const b = cv.matFromArray(
    4,
    1,
    cv.CV_32FC2,
    to.flatMap((p) => [p.x, p.y]),
  );
  const m = cv.getPerspectiveTransform(a, b);
  try {
    return Array.from(m.data64F);
  } finally {
    a.delete();
    b.delete();
    m.delete();
  }
}

function apply(h: H, p: Pt): Pt {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return { x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w, y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w };
}

/**
 * The same mapping onto the stored image, of which each decoded pixel is an s × s block: its
 * centre is at s·x + (s − 1)/2 there (1.5 stored pixels in at a quarter of the size).
 */
function scaleH(h: H, s: number): H {
  const o = (s - 1) / 2;
  return [
    h[0]! * s + h[6]! * o,
    h[1]! * s + h[7]! * o,
    h[2]! * s + h[8]! * o,
    h[3]! * s + h[6]! * o,
    h[4]! * s + h[7]! * o,
    h[5]! * s + h[8]! * o,
    h[6]!,
    h[7]!,
    h[8]!,
  ];
}

/** H · A where A maps a crop's px to mm: (u, v) → (x0 + u / k, y0 + v / k). */
function cropH(h: H, x0: number, y0: number, k: number): H {
  const a = [1 / k, 0, x0, 0, 1 / k, y0, 0, 0, 1];
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out.push(h[r * 3]! * a[c]! + h[r * 3 + 1]! * a[3 + c]! + h[r * 3 + 2]! * a[6 + c]!);
    }
  }
  return out;
}

function meanAround(src: Mat, p: Pt, r: number): number {
  const x0 = Math.max(0, Math.round(p.x - r));
  const y0 = Math.max(0, Math.round(p.y - r));
  const x1 = Math.min(src.cols - 1, Math.round(p.x + r));
  const y1 = Math.min(src.rows - 1, Math.round(p.y + r));
  if (x1 < x0 || y1 < y0) return 255;
  // Once, not per pixel: each `data` or `cols` of a Mat is a call across OpenCV's JS binding.
  const data = src.data;
  const cols = src.cols;
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      sum += data[y * cols + x]!;
      n++;
    }
  }
  return n ? sum / n : 255;
}

/** An upright crop of `box` grown by `margin` mm, at `k` px/mm. */
function crop(cv: OpenCv, src: Mat, h: H, box: Box, margin: number, k: number): Mat {
  const w = Math.round((box.w + 2 * margin) * k);
  const ht = Math.round((box.h + 2 * margin) * k);
  const m = cv.matFromArray(3, 3, cv.CV_64F, cropH(h, box.x - margin, box.y - margin, k));
  const out = new cv.Mat();
  try {
    cv.warpPerspective(
      src,
      out,
      m,
      new cv.Size(w, ht),
      cv.INTER_LINEAR | cv.WARP_INVERSE_MAP,
      cv.BORDER_REPLICATE,
      new cv.Scalar(255),
    );
    return out;
  } finally {
    m.delete();
  }
}

// ---------------------------------------------------------------------------------------------
// The code

type Reader = Awaited<ReturnType<typeof zxing>>;

async function decodeQr(read: Reader, img: Mat): Promise<string | null> {
  const rgba = new Uint8ClampedArray(img.rows * img.cols * 4);
  const g = img.data;
  for (let i = 0, j = 0; i < g.length; i++, j += 4) {
    const v = g[i]!;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  const image = { data: rgba, width: img.cols, height: img.rows, colorSpace: 'srgb' } as ImageData;
  // The crop is small and upright: the quick try reads nearly every page; the thorough one is for the rest.
  for (const tryHarder of [false, true]) {
    const results = await read(image, { formats: ['QRCode'], tryHarder, maxNumberOfSymbols: 1 });
    const hit = results.find((r) => r.isValid && r.text);
    if (hit) return hit.text;
  }
  return null;
}

/** The text of the QR in the layout's code box, or null when none reads. */
async function readCode(cv: OpenCv, src: Mat, h: H, layout: PaperLayout): Promise<string | null> {
  const read = await zxing();
  for (const [margin, k] of [
    [2.5, 8],
    [4, 12],
  ] as const) {
    const img = crop(cv, src, h, layout.code, margin, k);
    try {
      const text = await decodeQr(read, img);
      if (text !== null) return text;
    } finally {
      img.delete();
    }
  }
  return null;
}

/** Any QR code on a page that is not one of our papers (only on the way to a refusal). */
async function readAnyCode(src: Mat): Promise<string | null> {
  const read = await zxing();
  return decodeQr(read, src);
}

// ---------------------------------------------------------------------------------------------
// The marks

/** Crops are measured at this resolution. */
const K = 6;
/** How far around the box the crop reaches, and how far beside it ink still belongs to it (mm). */
const MARGIN = 3;
const RING = 2.2;
/** Below this many px/mm on the page, a crop at K px/mm is an enlargement. */
const ENLARGED_BELOW = 4;
/** The printed border: its outer edge is the box (0.5 mm wide), with room for a misregistration. */
const BAND_OUT = 0.8;
const BAND_IN = 1.0;
/** Ink is darker than this fraction of the paper's white; strong ink darker than STRONG; grey lighter. */
const INK = 0.8;
const STRONG = 0.6;
const GREY = 0.93;

function paperWhite(data: Uint8Array): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  // The crop is mostly paper: its 85th percentile is the paper's level here, whatever the light.
  let acc = 0;
  const target = data.length * 0.85;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return Math.max(v, 40);
  }
  return 255;
}

/** Where each crop pixel is: 1 inside the box (clear of the border), 2 in the ring beside it, 3 on the printed border, 0 too far out. */
const zones = new Map<string, { zone: Uint8Array; xm: Float32Array; ym: Float32Array }>();

function zonesFor(boxW: number, boxH: number, w: number, ht: number) {
  const key = `${boxW}x${boxH}`;
  let z = zones.get(key);
  if (!z) {
    const zone = new Uint8Array(w * ht);
    const xm = new Float32Array(w);
    const ym = new Float32Array(ht);
    for (let u = 0; u < w; u++) xm[u] = (u + 0.5) / K - MARGIN;
    for (let v = 0; v < ht; v++) ym[v] = (v + 0.5) / K - MARGIN;
    for (let v = 0; v < ht; v++) {
      for (let u = 0; u < w; u++) {
        const x = xm[u]!;
        const y = ym[v]!;
        const d = Math.min(x, boxW - x, y, boxH - y);
        // Outside, the border's lines are left out along their whole length: a line printed in
        // line with them (a name field's edge under the box) is no voter's ink.
        const onLine =
          Math.abs(x) < BAND_OUT ||
          Math.abs(x - boxW) < BAND_OUT ||
          Math.abs(y) < BAND_OUT ||
          Math.abs(y - boxH) < BAND_OUT;
        zone[v * w + u] = d >= BAND_IN ? 1 : d > -BAND_OUT ? 3 : d >= -RING && !onLine ? 2 : 0;
      }
    }
    z = { zone, xm, ym };
    zones.set(key, z);
  }
  return z;
}

/** The measurements core/paper/marks.ts decides from. */
export function measureBox(cv: OpenCv, src: Mat, h: H, box: Box, pxPerMm: number = K): MarkFeatures {
  const img = crop(cv, src, h, box, MARGIN, K);
  const inkMask = new cv.Mat();
  const near = new cv.Mat();
  const labels = new cv.Mat();
  const kernel = cv.Mat.ones(5, 5, cv.CV_8U);
  try {
    // Noise is smoothed away; less so where the crop is twice the page's pixels (a 300 dpi page
    // read at 3 px/mm, db/scan/decode.ts): its interpolation has smoothed already, and a faint
    // stroke blurred twice no longer reads as ink.
    if (pxPerMm >= ENLARGED_BELOW) cv.blur(img, img, new cv.Size(3, 3));
    else cv.GaussianBlur(img, img, new cv.Size(3, 3), 0.7);
    const w = img.cols;
    const ht = img.rows;
    const g = img.data;
    const white = paperWhite(g);
    cv.threshold(img, inkMask, white * INK, 255, cv.THRESH_BINARY_INV);
    cv.dilate(inkMask, near, kernel);
    cv.connectedComponents(inkMask, labels, 8, cv.CV_32S);
    const ink = inkMask.data;
    const nearInk = near.data;
    const label = labels.data32S;
    const side = box.w;
    const { zone, xm, ym } = zonesFor(box.w, box.h, w, ht);
    // Ink beside the box is the voter's only when it touches the box's printed border (a stroke
    // across it, a mark drawn against it); printed text near the box never does.
    const touching = new Set<number>();
    for (let i = 0; i < zone.length; i++) if (zone[i] === 3 && ink[i]) touching.add(label[i]!);
    const counted = new Uint8Array(w * ht);
    let areaIn = 0;
    let areaOut = 0;
    let strong = 0;
    let grey = 0;
    let sx = 0;
    let sy = 0;
    const levelHist = new Uint32Array(101);
    const strongBelow = white * STRONG;
    const greyBelow = white * GREY;
    const points: number[] = [];
    for (let v = 0, i = 0; v < ht; v++) {
      for (let u = 0; u < w; u++, i++) {
        const z = zone[i]!;
        if (z === 0 || z === 3) continue;
        const p = g[i]!;
        if (ink[i]) {
          if (z === 1) areaIn++;
          else if (touching.has(label[i]!)) areaOut++;
          else continue;
          counted[i] = 1;
          if (p < strongBelow) strong++;
          sx += xm[u]!;
          sy += ym[v]!;
          levelHist[Math.min(100, Math.round((p / white) * 100))]!++;
          points.push(u, v);
        } else if (p < greyBelow && !nearInk[i]) grey++;
      }
    }
    const px = 1 / (K * K);
    const n = areaIn + areaOut;
    let inkLevel = 1;
    for (let l = 0, acc = 0; l <= 100; l++) {
      acc += levelHist[l]!;
      if (acc > n * 0.1) {
        inkLevel = l / 100;
        break;
      }
    }
    const base: MarkFeatures = {
      side,
      areaIn: areaIn * px,
      areaOut: areaOut * px,
      strongArea: strong * px,
      inkLevel: n ? inkLevel : 1,
      greyArea: grey * px,
      dx: 0,
      dy: 0,
      rMean: 0,
      rStd: 0,
      centreFill: 0,
      coverage: 0,
      roundness: 0,
      symmetry: 0,
      hullFill: 0,
      isotropy: 0,
      ringDx: 0,
      ringDy: 0,
      ringR: 0,
      ringError: 1,
      ringCoverage: 0,
      ringCentreFill: 0,
    };
    if (n < 6) return base;
    const cx = sx / n;
    const cy = sy / n;
    // The centre in crop pixels.
    const cu = (cx + MARGIN) * K - 0.5;
    const cv0 = (cy + MARGIN) * K - 0.5;
    let sr = 0;
    let sr2 = 0;
    let suu = 0;
    let svv = 0;
    let suv = 0;
    for (let j = 0; j < points.length; j += 2) {
      const du = points[j]! - cu;
      const dv = points[j + 1]! - cv0;
      const r = Math.sqrt(du * du + dv * dv) / K;
      sr += r;
      sr2 += r * r;
      suu += du * du;
      svv += dv * dv;
      suv += du * dv;
    }
    const rMean = sr / n;
    const rStd = Math.sqrt(Math.max(0, sr2 / n - rMean * rMean));
    // Second moments: × (two strokes across each other) and ○ spread alike every way; √ and a
    // single stroke lie along one line.
    const tr = (suu + svv) / n;
    const det = (suu * svv - suv * suv) / (n * n);
    const disc2 = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
    const isotropy = tr / 2 + disc2 > 0 ? (tr / 2 - disc2) / (tr / 2 + disc2) : 0;
    const ring = fitRing(points, counted, zone, ink, w, ht);
    const bins = new Uint8Array(36);
    const reachBin = new Float64Array(36);
    const borderBin = new Uint8Array(36);
    const toBin = 36 / (2 * Math.PI);
    const binOf = (du: number, dv: number) => Math.floor((Math.atan2(dv, du) + Math.PI) * toBin) % 36;
    let mirrored = 0;
    let mirrorSeen = 0;
    const far2 = (0.5 * rMean * K) ** 2;
    for (let j = 0; j < points.length; j += 2) {
      const u = points[j]!;
      const v = points[j + 1]!;
      const du = u - cu;
      const dv = v - cv0;
      const r2 = du * du + dv * dv;
      const b = binOf(du, dv);
      if (r2 >= far2) bins[b] = 1;
      if (r2 > reachBin[b]!) reachBin[b] = r2;
      const mu = Math.round(2 * cu - u);
      const mv = Math.round(2 * cv0 - v);
      if (mu < 0 || mv < 0 || mu >= w || mv >= ht) continue;
      const m = mv * w + mu;
      if (zone[m] !== 1 && zone[m] !== 2) continue;
      mirrorSeen++;
      if (nearInk[m]) mirrored++;
    }
    // A ring broken only where it crosses the printed border still goes all round: the border
    // pixels at the ring's radius count for their direction.
    const lo2 = (0.7 * rMean * K) ** 2;
    const hi2 = (1.3 * rMean * K) ** 2;
    const rc = Math.max(0.5, 0.3 * rMean) * K;
    let disc = 0;
    let discInk = 0;
    const reach = Math.ceil(1.3 * rMean * K) + 1;
    const v0 = Math.max(0, Math.floor(cv0 - reach));
    const v1 = Math.min(ht - 1, Math.ceil(cv0 + reach));
    const u0 = Math.max(0, Math.floor(cu - reach));
    const u1 = Math.min(w - 1, Math.ceil(cu + reach));
    for (let v = v0; v <= v1; v++) {
      const dv = v - cv0;
      for (let u = u0; u <= u1; u++) {
        const du = u - cu;
        const r2 = du * du + dv * dv;
        const i = v * w + u;
        if (r2 <= rc * rc) {
          disc++;
          if (ink[i]) discInk++;
        }
        if (zone[i] === 3 && r2 >= lo2 && r2 <= hi2) {
          const b = binOf(du, dv);
          bins[b] = 1;
          borderBin[b] = 1;
        }
      }
    }
    let covered = 0;
    for (const b of bins) covered += b;
    // How far the ink reaches in each direction: all round alike for ○ (and ○ with × inside), far along
    // the arms and short between them for ×. Directions where the printed border hides the ink are left out.
    const reaches: number[] = [];
    for (let b = 0; b < 36; b++) if (reachBin[b]! > 0 || !borderBin[b]) reaches.push(Math.sqrt(reachBin[b]!));
    reaches.sort((a, b) => a - b);
    const longest = reaches[Math.floor(reaches.length * 0.9)] ?? 0;
    const roundness = longest > 0 ? (reaches[Math.floor(reaches.length * 0.1)] ?? 0) / longest : 0;
    return {
      ...base,
      dx: cx - side / 2,
      dy: cy - box.h / 2,
      rMean,
      rStd,
      centreFill: disc ? discInk / disc : 0,
      coverage: covered / 36,
      roundness,
      symmetry: mirrorSeen ? mirrored / mirrorSeen : 0,
      hullFill: hullFill(cv, points, n),
      isotropy,
      ringDx: ring.u / K - MARGIN - side / 2,
      ringDy: ring.v / K - MARGIN - box.h / 2,
      ringR: ring.r / K,
      ringError: ring.error,
      ringCoverage: ring.coverage,
      ringCentreFill: ring.centreFill,
    };
  } finally {
    for (const m of [img, inkMask, near, labels, kernel]) m.delete();
  }
}

/**
 * The circle that best fits the ink (least squares, Kåsa's algebraic fit): for a ○ its centre
 * and radius even when part of it is hidden by the printed border or lies beyond the ring. With
 * how far the ink strays from it (relative RMS), how much of the way round ink (or the printed
 * border) lies at its radius, and how much of its middle is ink.
 */
function fitRing(points: number[], counted: Uint8Array, zone: Uint8Array, ink: Uint8Array, w: number, ht: number) {
  const n = points.length / 2;
  let mu = 0;
  let mv = 0;
  for (let j = 0; j < points.length; j += 2) {
    mu += points[j]!;
    mv += points[j + 1]!;
  }
  mu /= n;
  mv /= n;
  let suu = 0;
  let svv = 0;
  let suv = 0;
  let suuu = 0;
  let svvv = 0;
  let suvv = 0;
  let svuu = 0;
  for (let j = 0; j < points.length; j += 2) {
    const u = points[j]! - mu;
    const v = points[j + 1]! - mv;
    suu += u * u;
    svv += v * v;
    suv += u * v;
    suuu += u * u * u;
    svvv += v * v * v;
    suvv += u * v * v;
    svuu += v * u * u;
  }
  const det = suu * svv - suv * suv;
  const none = { u: mu, v: mv, r: 0, error: 1, coverage: 0, centreFill: 1 };
  if (Math.abs(det) < 1e-9) return none;
  const b1 = (suuu + suvv) / 2;
  const b2 = (svvv + svuu) / 2;
  const uc = (b1 * svv - b2 * suv) / det;
  const vc = (b2 * suu - b1 * suv) / det;
  const r = Math.sqrt(uc * uc + vc * vc + (suu + svv) / n);
  const cu = uc + mu;
  const cv = vc + mv;
  if (!Number.isFinite(r) || r < 1) return none;
  let e2 = 0;
  for (let j = 0; j < points.length; j += 2) {
    const d = Math.hypot(points[j]! - cu, points[j + 1]! - cv) - r;
    e2 += d * d;
  }
  const bins = new Uint8Array(36);
  const toBin = 36 / (2 * Math.PI);
  let disc = 0;
  let discInk = 0;
  const reach = Math.ceil(r * 1.35) + 1;
  const inner2 = (0.45 * r) ** 2;
  const lo2 = (0.65 * r) ** 2;
  const hi2 = (1.35 * r) ** 2;
  for (let v = Math.max(0, Math.floor(cv - reach)); v <= Math.min(ht - 1, Math.ceil(cv + reach)); v++) {
    for (let u = Math.max(0, Math.floor(cu - reach)); u <= Math.min(w - 1, Math.ceil(cu + reach)); u++) {
      const i = v * w + u;
      const d2 = (u - cu) ** 2 + (v - cv) ** 2;
      if (d2 <= inner2) {
        disc++;
        if (ink[i]) discInk++;
      } else if (d2 >= lo2 && d2 <= hi2 && (counted[i] || zone[i] === 3)) {
        // Ink on the circle, or the printed border where the circle crosses it.
        bins[Math.floor((Math.atan2(v - cv, u - cu) + Math.PI) * toBin) % 36] = 1;
      }
    }
  }
  let covered = 0;
  for (const b of bins) covered += b;
  return {
    u: cu,
    v: cv,
    r,
    error: Math.sqrt(e2 / n) / r,
    coverage: covered / 36,
    centreFill: disc ? discInk / disc : 1,
  };
}

function hullFill(cv: OpenCv, points: number[], n: number): number {
  if (n < 3) return 0;
  const pts = cv.matFromArray(points.length / 2, 1, cv.CV_32SC2, points);
  const hull = new cv.Mat();
  try {
    cv.convexHull(pts, hull, false, true);
    const area = cv.contourArea(hull) + cv.arcLength(hull, true) / 2 + 1;
    return Math.min(1, n / area);
  } finally {
    pts.delete();
    hull.delete();
  }
}

/** Whether a 另选他人 name field has writing: ink inside it, the printed line and the edges left out. */
function nameHasInk(cv: OpenCv, src: Mat, h: H, box: Box): boolean {
  const img = crop(cv, src, h, box, 0, K);
  try {
    cv.blur(img, img, new cv.Size(3, 3));
    // Once, not per pixel: each `data`, `rows` or `cols` of a Mat is a call across OpenCV's JS binding.
    const data = img.data;
    const rows = img.rows;
    const cols = img.cols;
    const white = paperWhite(data);
    const line = box.h - 2.5;
    const below = white * 0.75;
    let inked = 0;
    for (let v = 0; v < rows; v++) {
      const ym = (v + 0.5) / K;
      if (ym < 1 || ym > box.h - 0.8 || Math.abs(ym - line) < 0.8) continue;
      for (let u = 0; u < cols; u++) {
        const xm = (u + 0.5) / K;
        if (xm < 1 || xm > box.w - 1) continue;
        if (data[v * cols + u]! < below) inked++;
      }
    }
    return inked / (K * K) >= 1.5;
  } finally {
    img.delete();
  }
}
