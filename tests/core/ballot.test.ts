import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ballotValidity,
  countingWriteIns,
  judgeBallot,
  meaningOf,
  NO_WRITE_IN_CONTEXT,
  writeInContext,
} from '../../core/ballot.js';
import { DEFAULT_CONVENTION, type MarkingConvention, PAPER_MARKS, type PaperMark } from '../../core/election-types.js';
import { B, conventionArb } from './marks.js';

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
      fc.property(ballot, conventionArb, fc.integer({ min: 1, max: 12 }), (b, c, seats) => {
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

describe('judgeBallot (rule 4): a write-in is a vote for a person not on the paper', () => {
  // Paper: 田富, 王芳, 李强; 2 seats.
  const paper = writeInContext({ printed: ['田富', '王芳', '李强'] });

  it('○田富 ○王芳 ×李强 + write-in 田富 ○ for 2 seats: valid, chosen 2, the line disregarded', () => {
    const j = judgeBallot(B('oox', [['田富', 'circle']]), 2, D, paper);
    expect(j).toMatchObject({ valid: true, chosen: 2, writeIns: [], ignoredWriteIns: 1 });
    expect(j.lines).toEqual([{ name: '田富', fate: 'disregarded_printed' }]);
  });

  it('a printed name is recognised whatever the spacing, width or invisible characters', () => {
    for (const typed of ['田 富', '田\u200b富', ' 田\u3000富 ', '\u202a田富\u202c']) {
      expect(judgeBallot(B('oox', [[typed, 'circle']]), 2, D, paper).lines[0]!.fate).toBe('disregarded_printed');
    }
  });

  it('a disregarded line uses up no ×: the next write-in still counts in place of 李强', () => {
    const j = judgeBallot(
      B('oox', [
        ['田富', 'circle'],
        ['赵六', 'circle'],
      ]),
      3,
      D,
      paper,
    );
    expect(j.lines.map((l) => l.fate)).toEqual(['disregarded_printed', 'counts']);
    expect(j).toMatchObject({ valid: true, chosen: 3, writeIns: ['赵六'] });
  });

  it('someone elected in an earlier round is disregarded (nobody is elected twice)', () => {
    const ctx = writeInContext({ printed: ['王芳'], excluded: ['田 富'] });
    const j = judgeBallot(B('x', [['田富', 'circle']]), 1, D, ctx);
    expect(j.lines).toEqual([{ name: '田富', fate: 'disregarded_elected' }]);
    expect(j.chosen).toBe(0);
  });

  it('in a tie revote every write-in is disregarded; only the tied can be chosen', () => {
    const ctx = writeInContext({ printed: ['乙', '丙'], onlyTied: true });
    const j = judgeBallot(B('xx', [['代表5', 'circle']]), 1, D, ctx);
    expect(j.lines).toEqual([{ name: '代表5', fate: 'disregarded_tie_revote' }]);
    expect(j).toMatchObject({ valid: true, chosen: 0, writeIns: [] });
  });

  it('names every other fate: empty, no_mark, duplicate, no_room, counts', () => {
    const j = judgeBallot(
      B('x..', [
        ['  ', 'circle'],
        ['甲', 'none'],
        ['乙', 'circle'],
        ['乙 ', 'circle'],
        ['丙', 'circle'],
      ]),
      3,
      D,
      NO_WRITE_IN_CONTEXT,
    );
    expect(j.lines.map((l) => l.fate)).toEqual(['empty', 'no_mark', 'counts', 'duplicate', 'no_room']);
    expect(j).toMatchObject({ chosen: 1, ignoredWriteIns: 3, writeIns: ['乙'] });
  });

  it('no_mark is judged before the paper: an unmarked printed name is no vote at all', () => {
    expect(judgeBallot(B('x..', [['田富', 'none']]), 2, D, paper).lines[0]!.fate).toBe('no_mark');
  });

  it('ballotValidity agrees with judgeBallot', () => {
    const b = B('oox', [['田富', 'circle']]);
    expect(ballotValidity(b, 2, D, paper)).toEqual({ valid: true, chosen: 2, seats: 2, ignoredWriteIns: 1 });
    // Without the paper's names the same line would be a third person: invalid.
    expect(ballotValidity(b, 2, D)).toMatchObject({ valid: false, chosen: 3 });
  });

  const spelling = fc.constantFrom('', '甲', '乙', '丙', '田富', '田 富', '王芳', '王\u200b芳');
  const contextArb = fc.record({
    printed: fc.subarray(['田富', '王芳', '甲']),
    excluded: fc.subarray(['乙', '王芳']),
    onlyTied: fc.boolean(),
  });
  const ballotArb = fc.record({
    marks: fc.array(fc.constantFrom(...PAPER_MARKS), { minLength: 3, maxLength: 3 }),
    writeIns: fc.array(fc.record({ name: spelling, mark: fc.constantFrom(...PAPER_MARKS) }), { maxLength: 4 }),
  });

  it('property: one fate per line; a disregarded line changes nothing but its own fate', () => {
    fc.assert(
      fc.property(ballotArb, contextArb, fc.integer({ min: 1, max: 5 }), fc.nat(), (b, c, seats, at) => {
        const ctx = writeInContext(c);
        const before = judgeBallot(b, seats, D, ctx);
        expect(before.lines).toHaveLength(b.writeIns.length);
        // Insert, anywhere, a marked line naming a printed candidate (or anyone, in a tie revote).
        const name = c.printed[0] ?? (c.onlyTied ? '某某' : undefined);
        if (name === undefined) return;
        const writeIns: { name: string; mark: PaperMark }[] = [...b.writeIns];
        const i = at % (writeIns.length + 1);
        writeIns.splice(i, 0, { name, mark: 'circle' });
        const after = judgeBallot({ marks: b.marks, writeIns }, seats, D, ctx);
        expect(after.lines[i]!.fate).toMatch(/^disregarded_/);
        expect({ ...after, lines: after.lines.filter((_, k) => k !== i), ignoredWriteIns: 0 }).toEqual({
          ...before,
          ignoredWriteIns: 0,
        });
        expect(after.ignoredWriteIns).toBe(before.ignoredWriteIns + 1);
      }),
    );
  });

  it('property: a counting write-in is never printed, never elected, never in a tie revote', () => {
    fc.assert(
      fc.property(ballotArb, contextArb, (b, c) => {
        const ctx = writeInContext(c);
        for (const name of judgeBallot(b, 3, D, ctx).writeIns) {
          expect(ctx.printed.has(name) || ctx.excluded.has(name) || ctx.onlyTied).toBe(false);
        }
      }),
    );
  });
});
