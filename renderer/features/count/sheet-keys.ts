/**
 * The counting sheet's keys, without React or the store: which key does what to the paper,
 * the row numbers (a row reached by the number beside its name) and the mark a row number
 * puts there. What the paper would be judged is preview.ts.
 */
import type { MarkingConvention, PaperMark } from '../../../core/election-types.js';

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

/** What one key press does to the sheet (sheet.ts carries it out). */
export type SheetAction =
  | { kind: 'mark'; mark: PaperMark }
  | { kind: 'digit'; digit: string }
  | { kind: 'blank' }
  | { kind: 'move'; delta: 1 | -1 }
  /** Enter: commit the paper, or, correcting a committed ballot, ask for the reason. */
  | { kind: 'commit' }
  | { kind: 'askReason' }
  | { kind: 'setAside' }
  | { kind: 'writeIn' }
  | { kind: 'reset' }
  | { kind: 'removeWriteIn' };

/**
 * The key map of the sheet (keys outside a text field): o ○, x ×, space/- no mark on the cursor
 * row; a digit is part of a row number; b a blank paper; ↑/↓; w a write-in line; Enter
 * commits (correcting: asks why); s sets aside (not while correcting); Esc starts the paper
 * again; Delete/Backspace takes back the write-in line under the cursor. Null: not the sheet's.
 */
export function sheetAction(key: string, sheet: { correcting: boolean; onWriteIn: boolean }): SheetAction | null {
  const mark = MARK_KEYS[key];
  if (mark) return { kind: 'mark', mark };
  if (/^[0-9]$/.test(key)) return { kind: 'digit', digit: key };
  switch (key) {
    case 'b':
    case 'B':
      return { kind: 'blank' };
    case 'ArrowDown':
      return { kind: 'move', delta: 1 };
    case 'ArrowUp':
      return { kind: 'move', delta: -1 };
    case 'Enter':
      return sheet.correcting ? { kind: 'askReason' } : { kind: 'commit' };
    case 's':
    case 'S':
      return sheet.correcting ? null : { kind: 'setAside' };
    case 'w':
    case 'W':
      return { kind: 'writeIn' };
    case 'Escape':
      return { kind: 'reset' };
    case 'Delete':
    case 'Backspace':
      return sheet.onWriteIn ? { kind: 'removeWriteIn' } : null;
    default:
      return null;
  }
}
