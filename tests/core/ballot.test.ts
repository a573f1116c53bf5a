import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotValidity, countingWriteIns, meaningOf, normaliseWriteInName } from '../../core/ballot.js';
import {
  type BallotMarks,
  DEFAULT_CONVENTION,
  type MarkingConvention,
  MEANINGS,
  PAPER_MARKS,
  type PaperMark,
} from '../../core/election-types.js';

const B = (marks: string, writeIns: [string, PaperMark][] = []): BallotMarks => ({
  // o = ○, x = ×, . = no mark
  marks: [...marks].map((c) => (c === 'o' ? 'circle' : c === 'x' ? 'cross' : 'none')),
  writeIns: writeIns.map(([name, mark]) => ({ name, mark })),
});
const D = DEFAULT_CONVENTION;
/** 选举办法 of a pre-vote where no mark means agree. */
const REVERSED: MarkingConvention = { ...D, none: 'for' };

describe('meaningOf (rule 3)', () => {
  it('default: ○ for, × against, blank abstain', () => {
    expect(meaningOf('circle', D)).toBe('for');
    expect(meaningOf('cross', D)).toBe('against');
    expect(meaningOf('none', D)).toBe('abstain');
  });
  it('reversed: no mark means for', () => {
    expect(meaningOf('none', REVERSED)).toBe('for');
  });
});

describe('ballotValidity (rule 4): 所选人数多于应选人数的为无效票', () => {
  it('a blank ballot is valid and chooses nobody', () => {
    expect(ballotValidity(B('.....'), 3, D)).toEqual({ valid: true, chosen: 0, seats: 3, ignoredWriteIns: 0 });
  });

  it('chosen = seats is valid, seats + 1 invalid', () => {
    expect(ballotValidity(B('ooo..'), 3, D)).toEqual({ valid: true, chosen: 3, seats: 3, ignoredWriteIns: 0 });
    expect(ballotValidity(B('oooo.'), 3, D)).toEqual({ valid: false, chosen: 4, seats: 3, ignoredWriteIns: 0 });
  });

  it('against and abstain choose nobody', () => {
    expect(ballotValidity(B('xxxxx'), 1, D).valid).toBe(true);
    expect(ballotValidity(B('x.x.x'), 1, D).chosen).toBe(0);
  });

  it('a write-in counts toward chosen: seats filled by it is valid, one more is invalid', () => {
    // 3 seats: two ○, one × carrying a ○ write-in → 3 chosen, valid.
    expect(ballotValidity(B('oox..', [['张三', 'circle']]), 3, D)).toMatchObject({ valid: true, chosen: 3 });
    // three ○ and a fourth person written in after the ×: 4 for 3 seats, invalid.
    expect(ballotValidity(B('ooox.', [['张三', 'circle']]), 3, D)).toMatchObject({ valid: false, chosen: 4 });
  });

  it('default convention: a write-in needs a ○, and an × to stand in for (弃权的不能另选他人)', () => {
    // No × on the ballot: the write-in cannot count, whatever its mark.
    expect(ballotValidity(B('o....', [['张三', 'circle']]), 3, D)).toMatchObject({ chosen: 1, ignoredWriteIns: 1 });
    // An × but the name is not ○-marked.
    expect(ballotValidity(B('x....', [['张三', 'none']]), 3, D)).toMatchObject({ chosen: 0, ignoredWriteIns: 1 });
    expect(ballotValidity(B('x....', [['张三', 'cross']]), 3, D)).toMatchObject({ chosen: 0, ignoredWriteIns: 1 });
  });

  it('abstain + write-in when the 选举办法 does not require an ×', () => {
    const c = { ...D, writeInNeedsAgainst: false };
    expect(ballotValidity(B('o....', [['张三', 'circle']]), 3, c)).toMatchObject({ chosen: 2, ignoredWriteIns: 0 });
    expect(ballotValidity(B('o....', [['张三', 'none']]), 3, c)).toMatchObject({ chosen: 1, ignoredWriteIns: 1 });
  });

  it('a written name without a mark counts when the 选举办法 does not require a mark', () => {
    const c = { ...D, writeInNeedsMark: false };
    expect(ballotValidity(B('x....', [['张三', 'none']]), 3, c)).toMatchObject({ chosen: 1, ignoredWriteIns: 0 });
    // …but still needs an × to stand in for.
    expect(ballotValidity(B('.....', [['张三', 'none']]), 3, c)).toMatchObject({ chosen: 0, ignoredWriteIns: 1 });
    // Neither requirement: any written name counts.
    const free = { ...c, writeInNeedsAgainst: false };
    expect(ballotValidity(B('.....', [['张三', 'none']]), 3, free)).toMatchObject({ chosen: 1, ignoredWriteIns: 0 });
  });

  it('counted write-ins are capped at the crossed candidates, in line order', () => {
    const b = B('x.o..', [
      ['甲', 'none'], // no ○: does not take the one ×
      ['乙', 'circle'], // takes it
      ['丙', 'circle'], // nothing left to stand in for
    ]);
    expect(countingWriteIns(b, D)).toEqual(['乙']);
    expect(ballotValidity(b, 5, D)).toMatchObject({ valid: true, chosen: 2, ignoredWriteIns: 2 });
    expect(
      countingWriteIns(
        B('xx...', [
          ['乙', 'circle'],
          ['丙', 'circle'],
        ]),
        D,
      ),
    ).toEqual(['乙', '丙']);
  });

  it('the same person written twice on one ballot is one person chosen', () => {
    const b = B('xx...', [
      ['田富', 'circle'],
      [' 田 富 ', 'circle'],
    ]);
    expect(countingWriteIns(b, D)).toEqual(['田富']);
    expect(ballotValidity(b, 1, D)).toMatchObject({ valid: true, chosen: 1, ignoredWriteIns: 1 });
  });

  it('an empty write-in line is not a write-in', () => {
    expect(ballotValidity(B('x....', [['  ', 'circle']]), 3, D)).toMatchObject({ chosen: 0, ignoredWriteIns: 0 });
  });

  it('reversed convention (no mark = for): a blank ballot chooses every candidate', () => {
    expect(ballotValidity(B('.....'), 5, REVERSED)).toMatchObject({ valid: true, chosen: 5 });
    expect(ballotValidity(B('.....'), 4, REVERSED)).toMatchObject({ valid: false, chosen: 5 });
    expect(ballotValidity(B('x....'), 4, REVERSED)).toMatchObject({ valid: true, chosen: 4 });
  });

  it('seats must be a positive integer', () => {
    expect(() => ballotValidity(B('.'), 0, D)).toThrow(RangeError);
    expect(() => ballotValidity(B('.'), 1.5, D)).toThrow(RangeError);
  });

  it('property: chosen = candidates meaning for + counting write-ins; valid iff chosen ≤ seats', () => {
    const convention = fc.record({
      circle: fc.constantFrom(...MEANINGS),
      cross: fc.constantFrom(...MEANINGS),
      none: fc.constantFrom(...MEANINGS),
      writeInNeedsMark: fc.boolean(),
      writeInNeedsAgainst: fc.boolean(),
    });
    const ballot = fc.record({
      marks: fc.array(fc.constantFrom(...PAPER_MARKS), { maxLength: 12 }),
      writeIns: fc.array(
        fc.record({ name: fc.constantFrom('', '甲', '乙', '丙'), mark: fc.constantFrom(...PAPER_MARKS) }),
        {
          maxLength: 4,
        },
      ),
    });
    fc.assert(
      fc.property(ballot, convention, fc.integer({ min: 1, max: 12 }), (b, c, seats) => {
        const v = ballotValidity(b, seats, c);
        const forCount = b.marks.filter((m) => c[m] === 'for').length;
        const against = b.marks.filter((m) => c[m] === 'against').length;
        const w = countingWriteIns(b, c);
        expect(v.chosen).toBe(forCount + w.length);
        expect(v.valid).toBe(v.chosen <= seats);
        if (c.writeInNeedsAgainst) expect(w.length).toBeLessThanOrEqual(against);
        expect(new Set(w).size).toBe(w.length);
      }),
    );
  });
});

describe('normaliseWriteInName', () => {
  it('trims, folds full-width forms, and removes spaces between Han characters only', () => {
    expect(normaliseWriteInName(' 田 富 ')).toBe('田富');
    expect(normaliseWriteInName('田\u3000大　利')).toBe('田大利');
    expect(normaliseWriteInName('ＪＯＨＮ  Smith')).toBe('JOHN Smith');
    expect(normaliseWriteInName('阿依古丽 · 买买提')).toBe('阿依古丽 · 买买提');
  });
});
