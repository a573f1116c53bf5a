import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION, type MarkingConvention, type PaperMark } from '../../../core/election-types.js';
import {
  flipMark,
  MARK_KEYS,
  markAfterNumber,
  markMeaning,
  rowDigits,
  rowLabel,
  sheetAction,
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

describe('the key map', () => {
  const keying = { correcting: false, onWriteIn: false };

  it('o/O ○, x/X ×, space and - no mark', () => {
    for (const [key, mark] of [
      ['o', 'circle'],
      ['O', 'circle'],
      ['x', 'cross'],
      ['X', 'cross'],
      [' ', 'none'],
      ['-', 'none'],
    ] as const) {
      expect(sheetAction(key, keying)).toEqual({ kind: 'mark', mark });
    }
  });

  it('every digit is part of a row number, 0 too (the 0 of 01 on a paper of 10 or more)', () => {
    for (const d of '0123456789') expect(sheetAction(d, keying)).toEqual({ kind: 'digit', digit: d });
  });

  it('b a blank paper, w a write-in line, arrows move, Esc starts again', () => {
    expect(sheetAction('b', keying)).toEqual({ kind: 'blank' });
    expect(sheetAction('B', keying)).toEqual({ kind: 'blank' });
    expect(sheetAction('w', keying)).toEqual({ kind: 'writeIn' });
    expect(sheetAction('W', keying)).toEqual({ kind: 'writeIn' });
    expect(sheetAction('ArrowDown', keying)).toEqual({ kind: 'move', delta: 1 });
    expect(sheetAction('ArrowUp', keying)).toEqual({ kind: 'move', delta: -1 });
    expect(sheetAction('Escape', keying)).toEqual({ kind: 'reset' });
  });

  it('Enter commits; correcting a committed ballot it asks why instead, and s does nothing', () => {
    expect(sheetAction('Enter', keying)).toEqual({ kind: 'commit' });
    expect(sheetAction('s', keying)).toEqual({ kind: 'setAside' });
    expect(sheetAction('S', keying)).toEqual({ kind: 'setAside' });
    const correcting = { correcting: true, onWriteIn: false };
    expect(sheetAction('Enter', correcting)).toEqual({ kind: 'askReason' });
    expect(sheetAction('s', correcting)).toBeNull();
  });

  it('Delete and Backspace take back a write-in line only with the cursor on one', () => {
    expect(sheetAction('Delete', keying)).toBeNull();
    expect(sheetAction('Backspace', keying)).toBeNull();
    const onWriteIn = { correcting: false, onWriteIn: true };
    expect(sheetAction('Delete', onWriteIn)).toEqual({ kind: 'removeWriteIn' });
    expect(sheetAction('Backspace', onWriteIn)).toEqual({ kind: 'removeWriteIn' });
  });

  it('leaves every other key to the page (Tab, letters, F-keys)', () => {
    for (const key of ['Tab', 'a', 'n', 'z', 'F5', 'Shift', '+', '.']) expect(sheetAction(key, keying)).toBeNull();
  });
});
