import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../../core/election-types.js';
import type { BoxRead, PageReading } from '../../../core/paper/reading.js';
import { sheetAction } from '../count/sheet-keys.js';
import { applyKey, checkDraft, draftFromReading, typeName } from './confirm.js';

const box = (read: BoxRead['read'], why: BoxRead['why'] = null): BoxRead => ({ read, why, ink: 0.1 });
const reading = (marks: BoxRead[], writeIns: PageReading['writeIns'] = []): PageReading => ({
  code: { congressUid: 'u', contestId: 1, roundId: 1, layoutVersion: 1 },
  rotation: 0,
  marks,
  writeIns,
  transform: [6, 0, 0, 0, 6, 0, 0, 0, 1],
  width: 1260,
  height: 1782,
});
const noLine = { mark: box('none'), nameInk: false };
const key = (k: string) => {
  const a = sheetAction(k, { correcting: false, onWriteIn: false });
  if (!a) throw new Error(k);
  return a;
};
const press = (d: ReturnType<typeof draftFromReading>, ...keys: string[]) =>
  keys.reduce((x, k) => applyKey(x, key(k), DEFAULT_CONVENTION, 'circle') ?? x, d);

describe('confirming a scanned paper', () => {
  it('a clear reading commits as read with one key: the marks are the reader’s', () => {
    const d = draftFromReading(7, reading([box('circle'), box('cross'), box('none')], [noLine]));
    expect(d.lines).toEqual([]);
    expect(checkDraft(d)).toEqual({ ok: true, marks: ['circle', 'cross', 'none'], writeIns: [] });
  });

  it('an uncertain box (both marks) cannot be confirmed: Enter names the row left, the cursor starts there', () => {
    const d = draftFromReading(7, reading([box('circle'), box('uncertain', 'both'), box('none')]));
    expect(d.cursor).toBe(1);
    expect(checkDraft(d)).toEqual({ ok: false, undecided: [1], unnamed: [] });
    const decided = press(d, 'x');
    expect(checkDraft(decided)).toEqual({ ok: true, marks: ['circle', 'cross', 'none'], writeIns: [] });
  });

  it('a √ read where the convention gives it no meaning is never taken as ○: a person decides', () => {
    const d = draftFromReading(7, reading([box('tick'), box('circle')]));
    expect(d.marks).toEqual([null, 'circle']);
    expect(checkDraft(d).ok).toBe(false);
  });

  it('the count screen’s keys correct a box: ↓ moves, x ×, space no mark, a row number flips against the default', () => {
    const d = draftFromReading(7, reading([box('circle'), box('circle'), box('circle')]));
    const moved = press(d, 'ArrowDown', 'x');
    expect(moved.marks).toEqual(['circle', 'cross', 'circle']);
    expect(moved.cursor).toBe(2);
    expect(press(d, ' ').marks).toEqual(['none', 'circle', 'circle']);
    // 3 flips row 3 from the default ○ to ×, and 3 again back.
    expect(press(d, '3').marks).toEqual(['circle', 'circle', 'cross']);
    expect(press(d, '3', '3').marks).toEqual(['circle', 'circle', 'circle']);
    // b: a blank paper.
    expect(press(d, 'b').marks).toEqual(['none', 'none', 'none']);
  });

  it('a 另选他人 line with ink waits for its name: nothing is guessed, the name as typed, the box’s mark as read', () => {
    const d = draftFromReading(7, reading([box('circle'), box('cross')], [{ mark: box('none'), nameInk: true }]));
    expect(d.cursor).toBe(2);
    expect(d.lines).toEqual([{ index: 0, mark: 'none', name: '', cleared: false }]);
    expect(checkDraft(d)).toEqual({ ok: false, undecided: [], unnamed: [2] });
    const named = typeName(d, 0, ' 王五 ');
    expect(checkDraft(named)).toEqual({
      ok: true,
      marks: ['circle', 'cross'],
      writeIns: [{ name: '王五', mark: 'none' }],
    });
  });

  it('a line with a stray stroke and no name is cleared with Delete, then the paper commits without it', () => {
    const d = draftFromReading(7, reading([box('circle')], [{ mark: box('none'), nameInk: true }]));
    const onLine = { ...d, cursor: 1 };
    const cleared = applyKey(onLine, { kind: 'removeWriteIn' }, DEFAULT_CONVENTION, 'circle');
    expect(cleared && checkDraft(cleared)).toEqual({ ok: true, marks: ['circle'], writeIns: [] });
  });

  it('an uncertain mark box on a named line must be decided too', () => {
    const d = draftFromReading(7, reading([box('circle')], [{ mark: box('uncertain', 'faint'), nameInk: true }]));
    const named = typeName(d, 0, '王五');
    expect(checkDraft(named)).toEqual({ ok: false, undecided: [1], unnamed: [] });
    expect(checkDraft(press({ ...named, cursor: 1 }, 'o'))).toMatchObject({ ok: true });
  });

  it('sent to the scrutineers, a doubtful box goes as no mark with the paper set aside (never as a counted guess)', () => {
    const d = draftFromReading(7, reading([box('uncertain', 'scribble'), box('circle')]));
    expect(checkDraft(d, true)).toEqual({ ok: true, marks: ['none', 'circle'], writeIns: [] });
  });

  it('Enter, s and w are the screen’s, not the draft’s', () => {
    const d = draftFromReading(7, reading([box('circle')]));
    expect(applyKey(d, { kind: 'commit' }, DEFAULT_CONVENTION, 'circle')).toBeNull();
    expect(applyKey(d, { kind: 'setAside' }, DEFAULT_CONVENTION, 'circle')).toBeNull();
  });
});
