import { toSVG } from 'bwip-js/browser';
import { fitsCode128 } from './sheet.js';

/** An SVG drawn here, as an image source: nothing fetched, vector in the PDF. */
export interface CodeImage {
  src: string;
  /** How many modules wide (the narrowest bar, or a QR's square), quiet zone not counted for Code 128. */
  modules: number;
}

const viewWidth = (svg: string): number => Number(/viewBox="0 0 (\d+(?:\.\d+)?) /.exec(svg)?.[1] ?? 0);

const asSource = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/**
 * The badge number as Code 128, bars only (the number is printed as text under them), or null
 * for a number Code 128 cannot carry. The bars stretch to the box's height; the box keeps ten
 * modules white on each side (the quiet zone a scanner needs).
 */
export function code128Image(text: string): CodeImage | null {
  if (!fitsCode128(text)) return null;
  const svg = toSVG({ bcid: 'code128', text, height: 10, includetext: false }).replace(
    '<svg ',
    '<svg preserveAspectRatio="none" ',
  );
  // bwip-js draws a module two units wide at its default scale.
  return { src: asSource(svg), modules: viewWidth(svg) / 2 };
}

/** The badge number as QR, level M (a bent or smudged badge still reads), four modules of quiet zone drawn in. */
export function qrImage(text: string): CodeImage {
  // `eclevel` is a BWIPP option bwip-js passes on, not in its types.
  const options = { bcid: 'qrcode', text, eclevel: 'M', paddingwidth: 8, paddingheight: 8 };
  const svg = toSVG(options);
  // Four units a module, the padding (8) in units of two.
  return { src: asSource(svg), modules: viewWidth(svg) / 4 };
}
