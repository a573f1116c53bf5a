import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCell, safeRow } from '../../core/safe-cell.js';

/** Text cells a spreadsheet would run, and what the CSV or workbook carries instead. */
const NEUTRALISED: [string, string][] = [
  // The attack cells of issue 12, typed as candidate or written-in names.
  ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
  ['=1+1', "'=1+1"],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['+1', "'+1"],
  ['-1', "'-1"],
  ['=1+1(另选)', "'=1+1(另选)"],
  // A tab or carriage return first, which a spreadsheet may drop to find the = behind it.
  ['\t=1+1', "'\t=1+1"],
  ['\r=1+1', "'\r=1+1"],
  ['\t田富', "'\t田富"],
  // The boundary: one formula character alone.
  ...['=', '+', '-', '@', '\t', '\r'].map((c): [string, string] => [c, `'${c}`]),
];

/** Text cells left as they are: ordinary names, = + - @ inside a name, the empty cell. */
const UNCHANGED = [
  '田富',
  '阿依古丽·买买提',
  '田=富',
  'a+b-c@d',
  '1名,占比50.0%',
  '',
  // A line feed or a space first is not on the list: only the issue's = + - @ TAB CR.
  '\n田富',
  ' 田富',
];

describe('safeCell: a text cell a spreadsheet would run as a formula gets a leading apostrophe', () => {
  it.each(NEUTRALISED)('neutralises %j as %j', (text, safe) => {
    expect(safeCell(text)).toBe(safe);
  });

  it.each(UNCHANGED)('leaves %j as it is', (text) => {
    expect(safeCell(text)).toBe(text);
  });

  it('numbers stay numbers, a negative one included; only text cells change', () => {
    expect(safeCell(-1)).toBe(-1);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(7)).toBe(7);
    expect(safeCell(null)).toBe(null);
    expect(safeRow(['=1+1', 1, -1, '', '-1', '田富'])).toEqual(["'=1+1", 1, -1, '', "'-1", '田富']);
  });

  it('property: the result never starts with a formula character, and is the text itself or the text after one apostrophe', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = safeCell(text);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(safe === text || safe === `'${text}`).toBe(true);
        // Only a text a spreadsheet would run is changed.
        expect(safe !== text).toBe(/^[=+\-@\t\r]/.test(text));
      }),
    );
  });
});
