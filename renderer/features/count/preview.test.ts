import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../../core/ballot.js';
import { DEFAULT_CONVENTION, type MarkingConvention, type PaperMark } from '../../../core/election-types.js';
import { contestConvention, holdsEnter, sheetVerdict } from './preview.js';

const ctx = writeInContext({ printed: ['田富', '王芳', '李强'] });
const marks = (s: string): PaperMark[] =>
  [...s].map((c) => (c === 'o' ? 'circle' : c === 'x' ? 'cross' : 'none') satisfies PaperMark);
/** A paper with names written in, each marked ○. */
const writtenIn = (printed: string, ...names: string[]) => ({
  marks: marks(printed),
  writeIns: names.map((name) => ({ name, mark: 'circle' as PaperMark })),
});
const judged = (
  paper: { marks: PaperMark[]; writeIns: { name: string; mark: PaperMark }[] },
  seats: number,
  c = ctx,
) => {
  const v = sheetVerdict(true, paper, seats, DEFAULT_CONVENTION, c);
  if (v.kind !== 'judged') throw new Error('a keyed paper is judged');
  return v;
};

describe('the validity preview at the seats', () => {
  it('is valid with as many chosen as seats, invalid with one more, valid when blank', () => {
    expect(judged({ marks: marks('oox'), writeIns: [] }, 2).judgement).toMatchObject({ valid: true, chosen: 2 });
    expect(judged({ marks: marks('ooo'), writeIns: [] }, 2).judgement).toMatchObject({ valid: false, chosen: 3 });
    expect(judged({ marks: marks('---'), writeIns: [] }, 2).judgement).toMatchObject({ valid: true, chosen: 0 });
    expect(judged({ marks: marks('o--'), writeIns: [] }, 1).judgement).toMatchObject({ valid: true, chosen: 1 });
  });

  it('counts a write-in that takes the place of a ×: one over the seats makes the paper invalid', () => {
    const paper = { marks: marks('oox'), writeIns: [{ name: '郑明亮', mark: 'circle' as PaperMark }] };
    expect(judged(paper, 3).judgement).toMatchObject({ valid: true, chosen: 3 });
    expect(judged(paper, 2).judgement).toMatchObject({ valid: false, chosen: 3 });
  });

  it('a disregarded write-in chooses nobody: the paper stays valid at the seats', () => {
    const paper = { marks: marks('oox'), writeIns: [{ name: '田富', mark: 'circle' as PaperMark }] };
    const v = judged(paper, 2);
    expect(v.judgement).toMatchObject({ valid: true, chosen: 2 });
    expect(v.notCounting).toEqual([{ index: 0, name: '田富', fate: 'disregarded_printed' }]);
  });
});

describe('the validity preview of write-ins', () => {
  it('is idle before a key, even for a fresh all-○ sheet that would be invalid', () => {
    const paper = { marks: Array<PaperMark>(9).fill('circle'), writeIns: [] };
    expect(sheetVerdict(false, paper, 7, DEFAULT_CONVENTION, ctx)).toEqual({ kind: 'idle' });
    expect(judged(paper, 7).judgement).toMatchObject({ valid: false, chosen: 9 });
  });

  it('names every line that will not count with its fate, by line index; an empty line is no line', () => {
    const paper = {
      marks: marks('oox'),
      writeIns: [
        { name: '田 富', mark: 'circle' as PaperMark },
        { name: '', mark: 'none' as PaperMark },
        { name: '赵六', mark: 'none' as PaperMark },
      ],
    };
    const v = judged(paper, 2);
    expect(v.judgement).toMatchObject({ valid: true, chosen: 2 });
    expect(v.notCounting).toEqual([
      { index: 0, name: '田 富', fate: 'disregarded_printed' },
      { index: 2, name: '赵六', fate: 'no_mark' },
    ]);
  });

  it('a write-in without a × to carry it does not count (弃权的不能另选他人), nor a second with one ×', () => {
    expect(judged({ marks: marks('o--'), writeIns: [{ name: '郑明亮', mark: 'circle' }] }, 3).notCounting).toEqual([
      { index: 0, name: '郑明亮', fate: 'no_room' },
    ]);
    const two = judged(writtenIn('oox', '郑明亮', '孙丽'), 3);
    expect(two.judgement.chosen).toBe(3);
    expect(two.notCounting.map((w) => [w.index, w.fate])).toEqual([[1, 'no_room']]);
  });

  it('the same person written twice counts once', () => {
    const v = judged(writtenIn('xxo', '郑明亮', '郑明亮'), 3);
    expect(v.judgement.chosen).toBe(2);
    expect(v.notCounting.map((w) => w.fate)).toEqual(['duplicate']);
  });

  it('disregards one elected in an earlier round, and every write-in of a tie revote', () => {
    const later = writeInContext({ printed: ['王芳', '李强'], excluded: ['田富'] });
    const elected = judged({ marks: marks('ox'), writeIns: [{ name: '田富', mark: 'circle' }] }, 2, later);
    expect(elected.notCounting.map((w) => w.fate)).toEqual(['disregarded_elected']);
    const revote = writeInContext({ printed: ['乙', '丙'], onlyTied: true });
    const tie = judged({ marks: marks('xx'), writeIns: [{ name: '代表5', mark: 'circle' }] }, 1, revote);
    expect(tie.notCounting.map((w) => w.fate)).toEqual(['disregarded_tie_revote']);
    expect(tie.judgement).toMatchObject({ valid: true, chosen: 0 });
  });

  it('holds Enter exactly when a written-in name will not count', () => {
    expect(holdsEnter({ kind: 'idle' })).toBe(false);
    expect(holdsEnter(judged({ marks: marks('oox'), writeIns: [{ name: '郑明亮', mark: 'circle' }] }, 3))).toBe(false);
    expect(holdsEnter(judged({ marks: marks('oox'), writeIns: [{ name: '田富', mark: 'circle' }] }, 3))).toBe(true);
    // Over the seats with nothing disregarded: invalid, but nothing to confirm.
    expect(holdsEnter(judged({ marks: marks('ooo'), writeIns: [] }, 2))).toBe(false);
  });
});

describe('the convention a round is read by', () => {
  const reversed: MarkingConvention = { ...DEFAULT_CONVENTION, circle: 'abstain', none: 'for' };

  it("is the contest's own, else the congress setting, else the default", () => {
    expect(contestConvention({ marking: reversed }, DEFAULT_CONVENTION)).toBe(reversed);
    expect(contestConvention({}, reversed)).toBe(reversed);
    expect(contestConvention(undefined, undefined)).toBe(DEFAULT_CONVENTION);
  });

  it('decides what a mark chooses: under no-mark-agrees a blank row is chosen', () => {
    const v = sheetVerdict(true, { marks: marks('--o'), writeIns: [] }, 2, reversed, ctx);
    expect(v.kind === 'judged' && v.judgement).toMatchObject({ valid: true, chosen: 2 });
  });
});
