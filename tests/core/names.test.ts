import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseName, sameName } from '../../core/names.js';

describe('normaliseName: one normalisation for names wherever they are compared', () => {
  it('removes every whitespace, the ideographic space included', () => {
    expect(normaliseName(' 田 富 ')).toBe('田富');
    expect(normaliseName('田\u3000大　利')).toBe('田大利');
    expect(normaliseName('田\t富\n')).toBe('田富');
    expect(normaliseName('田\u00a0富')).toBe('田富');
  });

  it('folds full-width letters and digits (NFKC)', () => {
    expect(normaliseName('ＪＯＨＮ  Smith')).toBe('JOHNSmith');
    expect(normaliseName('代表５')).toBe('代表5');
  });

  it('removes zero-width characters, bidi controls and other control or format characters', () => {
    for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f']) {
      expect(normaliseName(`田${c}富`)).toBe('田富');
    }
    for (let cp = 0x202a; cp <= 0x202e; cp++) expect(normaliseName(`田${String.fromCodePoint(cp)}富`)).toBe('田富');
    for (let cp = 0x2066; cp <= 0x2069; cp++) expect(normaliseName(`田${String.fromCodePoint(cp)}富`)).toBe('田富');
    expect(normaliseName('田\u0000富\u007f')).toBe('田富');
    expect(normaliseName('田\u00ad富')).toBe('田富');
  });

  it('keeps what is part of a name: the middle dot, case, Han characters', () => {
    expect(normaliseName('阿依古丽 · 买买提')).toBe('阿依古丽·买买提');
    expect(normaliseName('Smith')).not.toBe(normaliseName('smith'));
    expect(normaliseName('田大利')).not.toBe(normaliseName('田利'));
  });

  it('"田 富", "田\\u200b富" and full-width spellings are the same name', () => {
    expect(sameName('田 富', '田\u200b富')).toBe(true);
    expect(sameName('田富', '\u3000田富\ufeff')).toBe(true);
    expect(sameName('Ｌｉ　Ｍｉｎｇ', 'LiMing')).toBe(true);
    expect(sameName('田富', '田大利')).toBe(false);
  });

  const invisible = fc.constantFrom(' ', '\u3000', '\u200b', '\u200d', '\u2060', '\ufeff', '\u202e', '\u2066', '\t');
  const nameChars = fc.constantFrom('田', '富', '王', '芳', 'A', 'ａ', '·', 'é', 'e\u0301', '¨', '５', '\u0301');

  it('property: idempotent on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        expect(normaliseName(normaliseName(s))).toBe(normaliseName(s));
      }),
      { numRuns: 300 },
    );
  });

  it('property: invisible characters anywhere do not change the name; the result has none', () => {
    fc.assert(
      fc.property(fc.array(nameChars, { maxLength: 8 }), fc.array(fc.tuple(fc.nat(), invisible)), (chars, extra) => {
        const base = chars.join('');
        const spread: string[] = [...chars];
        for (const [at, c] of extra) spread.splice(at % (spread.length + 1), 0, c);
        const n = normaliseName(base);
        expect(normaliseName(spread.join(''))).toBe(n);
        expect(n).not.toMatch(/[\s\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u);
      }),
    );
  });
});
