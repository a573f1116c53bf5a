import jsQRModule from 'jsqr';
import { type FormCode, parseFormCode } from '../../core/form-code.js';
import type { Result } from '../../core/result.js';

/**
 * jsqr's types declare an ES default export while its file is UMD whose `module.exports` is the
 * function itself: that is what the default import is at run time (Vite, Node), typed here once.
 */
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

/** The text of the QR code in an RGBA image (a video frame, a photo, a scan), or null when none is found. */
export function decodeQr(image: { data: Uint8ClampedArray; width: number; height: number }): string | null {
  // A printed form is dark on light: the inverted pass would only double the time per frame.
  return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/**
 * The form's code (core/form-code.ts) in an image: null when the image shows no QR code at all,
 * else what `parseFormCode` makes of the one it shows (a refusal naming the field for a code that
 * is not a form's).
 */
export function formCodeIn(image: { data: Uint8ClampedArray; width: number; height: number }): Result<FormCode> | null {
  const text = decodeQr(image);
  return text === null ? null : parseFormCode(text);
}
