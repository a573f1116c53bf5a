import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../../core/ballot.js';
import { DEFAULT_CONVENTION, type MarkingConvention, type PaperMark } from '../../../core/election-types.js';
import {
  flipMark,
  MARK_KEYS,
  markAfterNumber,
  markMeaning,
  rowDigits,
  rowLabel,
  sheetVerdict,
  typeRowDigit,
} from './sheet-keys.js';

/** A 选举办法 where no mark means agree (a pre-vote), × against, ○ abstain. */
const NO_MARK_AGREES: MarkingConvention = {
  circle: 'abstain',
  cross: 'against',
  none: 'for',
  writeInNeedsMark: false,
  writeInNeedsAgainst: false,
};

describe('row numbers', () => {
  it('are one digit up to 9 candidates and two from 10', () => {
    expect(rowDigits(1)).toBe(1);
    expect(rowDigits(9)).toBe(1);
    expect(rowDigits(10)).toBe(2);
    expect(rowDigits(15)).toBe(2);
    expect(rowLabel(0, 9)).toBe('1');
    expect(rowLabel(8, 9)).toBe('9');
    expect(rowLabel(0, 12)).toBe('01');
    expect(rowLabel(11, 12)).toBe('12');
  });

  it('one digit reaches its row at once on a paper of 9', () => {
    expect(typeRowDigit('', '1', 9)).toEqual({ kind: 'row', row: 0 });
    expect(typeRowDigit('', '9', 9)).toEqual({ kind: 'row', row: 8 });
  });

  it('0 and a number past the last row reach nothing', () => {
    expect(typeRowDigit('', '0', 9)).toEqual({ kind: 'none', typed: '0' });
    expect(typeRowDigit('', '8', 7)).toEqual({ kind: 'none', typed: '8' });
    expect(typeRowDigit('1', '3', 12)).toEqual({ kind: 'none', typed: '13' });
    expect(typeRowDigit('0', '0', 12)).toEqual({ kind: 'none', typed: '00' });
  });

  it('on a paper of 10 or more, "1" waits: "12" is row 12, "01" "02" are rows 1 and 2', () => {
    expect(typeRowDigit('', '1', 12)).toEqual({ kind: 'pending', pending: '1' });
    expect(typeRowDigit('1', '2', 12)).toEqual({ kind: 'row', row: 11 });
    expect(typeRowDigit('0', '1', 12)).toEqual({ kind: 'row', row: 0 });
    expect(typeRowDigit('1', '0', 10)).toEqual({ kind: 'row', row: 9 });
  });

  it('every printed label, typed digit by digit, reaches its own row (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 99 })
          .chain((rows) => fc.tuple(fc.constant(rows), fc.integer({ min: 0, max: rows - 1 }))),
        ([rows, index]) => {
          let pending = '';
          let reached: number | null = null;
          for (const digit of rowLabel(index, rows)) {
            const step = typeRowDigit(pending, digit, rows);
            if (step.kind === 'pending') pending = step.pending;
            else if (step.kind === 'row') reached = step.row;
            else return false;
          }
          return reached === index;
        },
      ),
    );
  });

  it('refuses a key that is not a digit', () => {
    expect(() => typeRowDigit('', 'x', 9)).toThrow(RangeError);
  });

  it('digits are not mark keys', () => {
    for (const d of '0123456789') expect(MARK_KEYS[d]).toBeUndefined();
    expect(MARK_KEYS.o).toBe('circle');
    expect(MARK_KEYS.x).toBe('cross');
    expect(MARK_KEYS[' ']).toBe('none');
  });
});

describe('the mark a row number puts', () => {
  it('is × on an all-○ sheet and ○ on an all-blank one, by the default convention', () => {
    expect(flipMark('circle', DEFAULT_CONVENTION)).toBe('cross');
    expect(flipMark('none', DEFAULT_CONVENTION)).toBe('circle');
  });

  it('follows a convention where no mark agrees: all blank (for) → × (against)', () => {
    expect(markMeaning(NO_MARK_AGREES, 'for')).toBe('none');
    expect(flipMark('none', NO_MARK_AGREES)).toBe('cross');
  });

  it('typed again flips back to the default, and a row keyed otherwise goes to the flip mark', () => {
    expect(markAfterNumber('circle', 'circle', DEFAULT_CONVENTION)).toBe('cross');
    expect(markAfterNumber('cross', 'circle', DEFAULT_CONVENTION)).toBe('circle');
    expect(markAfterNumber('none', 'circle', DEFAULT_CONVENTION)).toBe('cross');
  });

  it('never leaves a row where it was: every number changes the paper (property)', () => {
    const marks: PaperMark[] = ['circle', 'cross', 'none'];
    fc.assert(
      fc.property(fc.constantFrom(...marks), fc.constantFrom<PaperMark>('circle', 'none'), (current, def) => {
        const next = markAfterNumber(current, def, DEFAULT_CONVENTION);
        return next !== current && markAfterNumber(next, def, DEFAULT_CONVENTION) !== next;
      }),
    );
  });
});

describe('the sheet verdict', () => {
  const ctx = writeInContext({ printed: ['田富', '王芳', '李强'] });

  it('is idle before a key, even for a fresh all-○ sheet that would be invalid', () => {
    const paper = { marks: Array<PaperMark>(9).fill('circle'), writeIns: [] };
    expect(sheetVerdict(false, paper, 7, DEFAULT_CONVENTION, ctx)).toEqual({ kind: 'idle' });
    const judged = sheetVerdict(true, paper, 7, DEFAULT_CONVENTION, ctx);
    expect(judged.kind).toBe('judged');
    if (judged.kind === 'judged') {
      expect(judged.judgement.valid).toBe(false);
      expect(judged.judgement.chosen).toBe(9);
    }
  });

  it('a written-in ○ in place of a × counts: chosen includes it, nothing to confirm', () => {
    const paper = {
      marks: ['circle', 'circle', 'cross'] as PaperMark[],
      writeIns: [{ name: '郑明亮', mark: 'circle' as PaperMark }],
    };
    const v = sheetVerdict(true, paper, 3, DEFAULT_CONVENTION, ctx);
    expect(v.kind === 'judged' && v.judgement.chosen).toBe(3);
    expect(v.kind === 'judged' && v.notCounting).toEqual([]);
  });

  it('names every line that will not count with its fate, by line index', () => {
    const paper = {
      marks: ['circle', 'circle', 'cross'] as PaperMark[],
      writeIns: [
        { name: '田 富', mark: 'circle' as PaperMark },
        { name: '', mark: 'none' as PaperMark },
        { name: '赵六', mark: 'none' as PaperMark },
      ],
    };
    const v = sheetVerdict(true, paper, 2, DEFAULT_CONVENTION, ctx);
    expect(v.kind).toBe('judged');
    if (v.kind !== 'judged') return;
    expect(v.judgement.valid).toBe(true);
    expect(v.judgement.chosen).toBe(2);
    expect(v.notCounting).toEqual([
      { index: 0, name: '田 富', fate: 'disregarded_printed' },
      { index: 2, name: '赵六', fate: 'no_mark' },
    ]);
  });

  it('a write-in without a × to carry it does not count (弃权的不能另选他人)', () => {
    const paper = {
      marks: ['circle', 'none', 'none'] as PaperMark[],
      writeIns: [{ name: '郑明亮', mark: 'circle' as PaperMark }],
    };
    const v = sheetVerdict(true, paper, 3, DEFAULT_CONVENTION, ctx);
    expect(v.kind === 'judged' && v.notCounting.map((w) => w.fate)).toEqual(['no_room']);
  });

  it('in a tie revote no write-in counts', () => {
    const revote = writeInContext({ printed: ['乙', '丙'], onlyTied: true });
    const paper = {
      marks: ['cross', 'cross'] as PaperMark[],
      writeIns: [{ name: '代表5', mark: 'circle' as PaperMark }],
    };
    const v = sheetVerdict(true, paper, 1, DEFAULT_CONVENTION, revote);
    expect(v.kind === 'judged' && v.notCounting.map((w) => w.fate)).toEqual(['disregarded_tie_revote']);
  });
});
