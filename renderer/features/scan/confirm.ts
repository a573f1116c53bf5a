/**
 * A scanned paper being confirmed, without React or the store: the marks the reading gives
 * (core/paper/reading.ts `draftOf`), what the person changed with the count screen's keys
 * (renderer/features/count/sheet-keys.ts: the same keys mean the same here), and what is left
 * before it may commit. Nothing is guessed: a doubtful box stays undecided (null) until a key
 * decides it, and a 另选他人 line with ink waits until its name is typed or the line is cleared.
 */
import type { MarkingConvention, PaperMark } from '../../../core/election-types.js';
import { draftOf, type PageReading } from '../../../core/paper/reading.js';
import { markAfterNumber, type SheetAction, typeRowDigit } from '../count/sheet-keys.js';

export interface DraftLine {
  /** The line's number on the paper (0-based), as the layout's `writeIns`. */
  index: number;
  /** The mark box of the line; null while the reader's doubt is not decided. */
  mark: PaperMark | null;
  /** What the person typed, looking at the crop of the line. */
  name: string;
  /** The person found no name on the line (a stray stroke): it is not part of the paper. */
  cleared: boolean;
}

export interface ConfirmDraft {
  pageId: number;
  /** One per candidate in paper order; null: the reader was not sure, a person must decide. */
  marks: (PaperMark | null)[];
  lines: DraftLine[];
  /** Rows: the candidates, then the lines. */
  cursor: number;
  rowPending: string;
  /** The person changed something the reader said (the validity line then judges the paper as changed). */
  changed: boolean;
}

export function draftFromReading(pageId: number, reading: PageReading): ConfirmDraft {
  const d = draftOf(reading);
  const firstOpen = d.marks.findIndex((m) => m === null);
  return {
    pageId,
    marks: d.marks,
    lines: d.writeInLines.map((w) => ({ index: w.index, mark: w.mark, name: '', cleared: false })),
    // Straight to the first box a person must decide, else the first line to type.
    cursor: firstOpen >= 0 ? firstOpen : d.writeInLines.length > 0 ? d.marks.length : 0,
    rowPending: '',
    changed: false,
  };
}

const rows = (d: ConfirmDraft) => d.marks.length + d.lines.length;

function setMarkAt(d: ConfirmDraft, row: number, mark: PaperMark): ConfirmDraft {
  if (row < d.marks.length) {
    const marks = [...d.marks];
    marks[row] = mark;
    return { ...d, marks, changed: true, rowPending: '' };
  }
  const i = row - d.marks.length;
  const lines = d.lines.map((l, j) => (j === i ? { ...l, mark } : l));
  return { ...d, lines, changed: true, rowPending: '' };
}

/** What a key does to the draft; `commit`, `setAside` and `writeIn` are the screen's (null here). */
export function applyKey(
  d: ConfirmDraft,
  action: SheetAction,
  convention: MarkingConvention,
  defaultMark: PaperMark,
): ConfirmDraft | null {
  const n = rows(d);
  switch (action.kind) {
    case 'mark': {
      if (n === 0) return d;
      const next = setMarkAt(d, d.cursor, action.mark);
      return { ...next, cursor: Math.min(d.cursor + 1, n - 1) };
    }
    case 'digit': {
      const step = typeRowDigit(d.rowPending, action.digit, d.marks.length);
      if (step.kind === 'pending') return { ...d, rowPending: step.pending };
      if (step.kind === 'none') return { ...d, rowPending: '' };
      // A row's number flips it against the screen's default, as on the count screen; an undecided box first takes the flip.
      const current = d.marks[step.row] ?? defaultMark;
      return { ...setMarkAt(d, step.row, markAfterNumber(current, defaultMark, convention)), cursor: step.row };
    }
    case 'blank':
      return { ...d, marks: d.marks.map(() => 'none'), cursor: 0, changed: true, rowPending: '' };
    case 'move':
      return n === 0 ? d : { ...d, cursor: Math.max(0, Math.min(n - 1, d.cursor + action.delta)), rowPending: '' };
    case 'removeWriteIn': {
      const i = d.cursor - d.marks.length;
      if (i < 0 || i >= d.lines.length) return d;
      return {
        ...d,
        lines: d.lines.map((l, j) => (j === i ? { ...l, name: '', cleared: true, mark: 'none' } : l)),
        changed: true,
      };
    }
    default:
      return null;
  }
}

/**
 * A name typed on line `i` (its position in `lines`): typing undoes a clear. The line's mark
 * stays what the reader saw in its box (or the person keyed): rule 4 judges a name without a
 * mark by the convention, and the screen does not put a mark on the voter's paper.
 */
export function typeName(d: ConfirmDraft, i: number, name: string): ConfirmDraft {
  return { ...d, changed: true, lines: d.lines.map((l, j) => (j === i ? { ...l, name, cleared: false } : l)) };
}

export type ConfirmCheck =
  | { ok: true; marks: PaperMark[]; writeIns: { name: string; mark: PaperMark }[] }
  /** Rows (0-based, candidates then lines) still undecided, and lines with ink and no name. */
  | { ok: false; undecided: number[]; unnamed: number[] };

/**
 * Whether the paper may commit: every box decided, every line with ink named or cleared. A paper
 * set aside for the scrutineers needs neither (they decide it), but its doubtful boxes go as no
 * mark with the paper set aside, never as a guess that counts.
 */
export function checkDraft(d: ConfirmDraft, setAside = false): ConfirmCheck {
  const named = d.lines.filter((l) => !l.cleared && l.name.trim() !== '');
  if (setAside) {
    return {
      ok: true,
      marks: d.marks.map((m) => m ?? 'none'),
      writeIns: named.map((l) => ({ name: l.name.trim(), mark: l.mark ?? 'none' })),
    };
  }
  const undecided = [
    ...d.marks.flatMap((m, i) => (m === null ? [i] : [])),
    ...d.lines.flatMap((l, i) => (!l.cleared && l.mark === null ? [d.marks.length + i] : [])),
  ];
  const unnamed = d.lines.flatMap((l, i) => (!l.cleared && l.name.trim() === '' ? [d.marks.length + i] : []));
  if (undecided.length > 0 || unnamed.length > 0) return { ok: false, undecided, unnamed };
  return {
    ok: true,
    marks: d.marks.map((m) => m ?? 'none'),
    writeIns: named.map((l) => ({ name: l.name.trim(), mark: l.mark ?? 'none' })),
  };
}
