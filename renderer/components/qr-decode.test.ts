/** What the verify screen's scanner makes of a picture (issue 12 item 4: the form's QR code read back). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formCodeText } from '../../core/form-code.js';
import { rasterQr } from '../../tests/qr-image.js';
import { qrPath } from './print/qr-path.js';
import { formCodeIn } from './qr-decode.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const code = { hash: sha('content'), audit: { id: 7, hash: sha('row 7') }, fingerprint: '0482 7711 0935 2260 5188' };

/** The picture of `text`'s QR code drawn as the forms draw it (FormCode.tsx qrPath), 3 pixels a module. */
function picture(text: string, frame?: { width: number; height: number; left: number; top: number }) {
  const { size, d } = qrPath(text);
  return rasterQr(`<svg viewBox="-4 -4 ${size + 8} ${size + 8}"><path d="${d}"/></svg>`, 3, frame);
}

describe('formCodeIn', () => {
  it('reads the form’s code from a picture of it, placed anywhere on a larger page', () => {
    const found = formCodeIn(picture(formCodeText(code), { width: 500, height: 400, left: 170, top: 90 }));
    expect(found).toEqual({ ok: true, value: code });
  });

  it('attack "a QR code that is not a form’s fills the verify screen": refused, naming what it read', () => {
    const found = formCodeIn(picture('https://example.com/result?hash=a1b2c3d4e5f6'));
    expect(found?.ok).toBe(false);
    if (found && !found.ok) {
      expect(found.error.reason).toBe('form_code.not_ours');
      expect(found.error.message).toContain('https://example.com/result?hash=a');
    }
  });

  it('attack "an old form’s 48-bit hash in a look-alike code": refused as a wrong hash field', () => {
    const found = formCodeIn(picture('congress-desk-form:1;h=a1b2c3d4e5f6'));
    expect(found && !found.ok && found.error.field).toBe('h');
  });

  it('says nothing was found in a picture with no QR code (a blank page)', () => {
    expect(formCodeIn({ width: 200, height: 200, data: new Uint8ClampedArray(200 * 200 * 4).fill(255) })).toBeNull();
  });
});
