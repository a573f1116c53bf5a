/**
 * The counting sheet's keys and what the counter sees of a paper, without React or the store:
 * the row numbers (a row reached by the number beside its name), the mark a row number puts
 * there, and whether the sheet shows a verdict yet.
 */
import { judgeBallot } from '../../../core/ballot.js';
import type {
  BallotJudgement,
  BallotMarks,
  MarkingConvention,
  PaperMark,
  WriteInContext,
} from '../../../core/election-types.js';

/** Marks keyed on the row under the cursor, moving on to the next row. Digits are row numbers. */
export const MARK_KEYS: Readonly<Record<string, PaperMark>> = {
  o: 'circle',
  O: 'circle',
  x: 'cross',
  X: 'cross',
  ' ': 'none',
  '-': 'none',
};

const MARK_ORDER: PaperMark[] = ['circle', 'cross', 'none'];

/** The paper mark that means `meaning` under the convention (○ for "for" by default), if any. */
export function markMeaning(convention: MarkingConvention, meaning: 'for' | 'against'): PaperMark | null {
  return MARK_ORDER.find((m) => convention[m] === meaning) ?? null;
}

/**
 * The mark a row's number puts on that row: the usual difference from the sheet's default.
 * With a default meaning "for" (all ○) the paper differs by a ×, the mark meaning "against";
 * with a default meaning anything else (all blank) it differs by the mark meaning "for".
 */
export function flipMark(defaultMark: PaperMark, convention: MarkingConvention): PaperMark {
  const wanted = convention[defaultMark] === 'for' ? 'against' : 'for';
  const mark = markMeaning(convention, wanted);
  if (mark && mark !== defaultMark) return mark;
  return defaultMark === 'cross' ? 'circle' : 'cross';
}

/**
 * A row number typed again flips back: default → flip mark, anything else → default. So a
 * mistyped number is undone by typing it again.
 */
export function markAfterNumber(current: PaperMark, defaultMark: PaperMark, convention: MarkingConvention): PaperMark {
  const flip = flipMark(defaultMark, convention);
  return current === flip ? defaultMark : flip;
}

/**
 * Digits of a row number on a paper of `rows` candidates: one up to 9, two from 10 (01–15).
 * Always the same width on one paper, so "1" then "2" never means either 12 or rows 1 and 2.
 */
export const rowDigits = (rows: number): number => (rows >= 10 ? 2 : 1);

/** The number printed beside a row on the sheet, as it is typed: "3", or "03" on a long paper. */
export const rowLabel = (index: number, rows: number): string => String(index + 1).padStart(rowDigits(rows), '0');

export type RowNumberStep =
  /** More digits to come: `pending` is what was typed so far. */
  | { kind: 'pending'; pending: string }
  /** The row reached (0-based). */
  | { kind: 'row'; row: number }
  /** No such row on this paper (e.g. 0, or 13 of 12): nothing changes. */
  | { kind: 'none'; typed: string };

/** One digit typed after `pending` (the digits typed so far for this number). */
export function typeRowDigit(pending: string, digit: string, rows: number): RowNumberStep {
  if (!/^[0-9]$/.test(digit)) throw new RangeError(`not a digit: ${digit}`);
  const typed = pending + digit;
  if (typed.length < rowDigits(rows)) return { kind: 'pending', pending: typed };
  const n = Number(typed);
  return n >= 1 && n <= rows ? { kind: 'row', row: n - 1 } : { kind: 'none', typed };
}

/**
 * What the sheet shows of a paper. `idle`: nobody has keyed this paper yet (a fresh all-○ sheet
 * of 9 for 7 would be "invalid", and a red line before the first key teaches counters to ignore
 * red); otherwise the verdict of rule 4 with every write-in line's fate.
 */
export type SheetVerdict =
  | { kind: 'idle' }
  | {
      kind: 'judged';
      judgement: BallotJudgement;
      /** Written-in names that will not count (any fate but counts/empty), with their fates. */
      notCounting: { index: number; name: string; fate: BallotJudgement['lines'][number]['fate'] }[];
    };

export function sheetVerdict(
  touched: boolean,
  paper: BallotMarks,
  seats: number,
  convention: MarkingConvention,
  context: WriteInContext,
): SheetVerdict {
  if (!touched) return { kind: 'idle' };
  const judgement = judgeBallot(paper, seats, convention, context);
  const notCounting = judgement.lines.flatMap((line, index) =>
    line.fate === 'counts' || line.fate === 'empty'
      ? []
      : [{ index, name: paper.writeIns[index]!.name, fate: line.fate }],
  );
  return { kind: 'judged', judgement, notCounting };
}
