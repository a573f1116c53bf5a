import { create } from 'qrcode';

/** The light margin a reader needs around the code, in modules (ISO/IEC 18004: four). */
export const QUIET_ZONE = 4;

/**
 * The dark modules of `text`'s QR code as one SVG path, a unit square each, drawn synchronously
 * (the print window prints what is rendered; no canvas, no data URL, nothing fetched). Level M
 * keeps a slightly smudged or folded form readable.
 */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { size: modules.size, d: parts.join('') };
}
