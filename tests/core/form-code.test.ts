import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FormCode, formCodeText, parseFormCode } from '../../core/form-code.js';
import { reasonText } from '../../core/reasons.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const H = sha('content');
const A = sha('audit row 212');
const code: FormCode = { hash: H, audit: { id: 212, hash: A }, fingerprint: '0482 7711 0935 2260 5188' };

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const fingerprint = fc
  .array(fc.integer({ min: 0, max: 9999 }), { minLength: 5, maxLength: 5 })
  .map((g) => g.map((n) => String(n).padStart(4, '0')).join(' '));
const anyCode: fc.Arbitrary<FormCode> = fc.record({
  hash: hex64,
  audit: fc.option(fc.record({ id: fc.integer({ min: 1, max: 2 ** 40 }), hash: hex64 }), { nil: null }),
  fingerprint: fc.option(fingerprint, { nil: null }),
});

describe('the form QR payload (issue 12 item 4: a QR code of the hash, the audit head and the key fingerprint)', () => {
  it('is one line naming the format, the full result hash, the audit head and the fingerprint digits', () => {
    expect(formCodeText(code)).toBe(`congress-desk-form:1;h=${H};a=212:${A};k=04827711093522605188`);
    expect(formCodeText({ hash: H.toUpperCase(), audit: null, fingerprint: null })).toBe(`congress-desk-form:1;h=${H}`);
  });

  it('reads back what the form printed, both ways, for any hash, head and fingerprint', () => {
    expect(parseFormCode(formCodeText(code))).toEqual({ ok: true, value: code });
    fc.assert(
      fc.property(anyCode, (c) => {
        const read = parseFormCode(formCodeText(c));
        expect(read).toEqual({ ok: true, value: c });
        if (read.ok) expect(formCodeText(read.value)).toBe(formCodeText(c));
      }),
    );
  });

  it('takes the fields in any order and the code with whitespace around it (a scanner may add a line feed)', () => {
    expect(parseFormCode(` congress-desk-form:1;k=04827711093522605188;a=212:${A};h=${H}\n`)).toEqual({
      ok: true,
      value: code,
    });
  });

  /** Codes that must not fill the verify screen, and the reason and field each is refused with. */
  const REFUSED: [string, string, string, string | undefined][] = [
    ['another QR code (a web address)', 'https://example.com/x', 'form_code.not_ours', 'code'],
    ['an empty code', '', 'form_code.not_ours', 'code'],
    ['a newer format', `congress-desk-form:2;h=${H}`, 'form_code.version', 'version'],
    ['the 48-bit short hash of old forms', 'congress-desk-form:1;h=a1b2c3d4e5f6', 'form_code.bad_field', 'h'],
    ['a hash one digit short', `congress-desk-form:1;h=${H.slice(1)}`, 'form_code.bad_field', 'h'],
    [
      'an upper-case hash (the format says lower case)',
      `congress-desk-form:1;h=${H.toUpperCase()}`,
      'form_code.bad_field',
      'h',
    ],
    ['no hash', `congress-desk-form:1;a=212:${A}`, 'form_code.missing_field', 'h'],
    ['two hashes, the second a forger’s', `congress-desk-form:1;h=${H};h=${sha('x')}`, 'form_code.repeated_field', 'h'],
    ['an unknown field', `congress-desk-form:1;h=${H};x=1`, 'form_code.unknown_field', 'field'],
    ['an audit head without its id', `congress-desk-form:1;h=${H};a=${A}`, 'form_code.bad_field', 'a'],
    ['an audit row 0', `congress-desk-form:1;h=${H};a=0:${A}`, 'form_code.bad_field', 'a'],
    ['a fingerprint with letters', `congress-desk-form:1;h=${H};k=0482x7711`, 'form_code.bad_field', 'k'],
    ['a fingerprint of 8 digits', `congress-desk-form:1;h=${H};k=04827711`, 'form_code.bad_field', 'k'],
    ['an empty field at the end', `congress-desk-form:1;h=${H};`, 'form_code.unknown_field', 'field'],
  ];
  for (const [what, text, reason, field] of REFUSED) {
    it(`refuses ${what} with ${reason}, naming the field`, () => {
      const read = parseFormCode(text);
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.error.reason).toBe(reason);
      expect(read.error.field).toBe(field);
      expect(read.error.message).not.toContain('{');
      expect(reasonText(reason, read.error.params, 'en')).not.toContain('{');
    });
  }

  it('quotes at most 40 characters of a code that is not ours', () => {
    const read = parseFormCode('x'.repeat(500));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(String(read.error.params?.text)).toHaveLength(41);
  });

  it('never throws and never accepts a code whose hash is not 64 hex digits, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const read = parseFormCode(text);
        if (read.ok) expect(read.value.hash).toMatch(/^[0-9a-f]{64}$/);
      }),
    );
  });
});
