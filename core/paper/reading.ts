/**
 * What a reader makes of one scanned page, and what a person must still decide before the paper
 * commits through `ballots.enter`. The reader (db/scan) never decides a doubtful box and never
 * reads a handwritten name: a box it is unsure of is `uncertain` with the reason, and a 另选他人
 * line with ink is always shown to a person, who types the name.
 */
import type { PaperMark } from '../election-types.js';
import type { PaperCode } from './code.js';

/** √ is read so that it is never mistaken for ○ or ×; the marks a ballot records are ○, × and none. */
export const BOX_READINGS = ['circle', 'cross', 'tick', 'none', 'uncertain'] as const;
export type BoxReading = (typeof BOX_READINGS)[number];

/**
 * Why a box is uncertain: both: ○ and × in one box; scribble: scribbled over or filled in;
 * faint: some ink, too little to call a mark; outside: ink outside the box touching it;
 * erased: a rubbed-out mark; tick: a √ where the contest's convention gives √ no meaning.
 */
export const UNCERTAIN_WHY = ['both', 'scribble', 'faint', 'outside', 'erased', 'tick'] as const;
export type UncertainWhy = (typeof UNCERTAIN_WHY)[number];

export interface BoxRead {
  read: BoxReading;
  why: UncertainWhy | null;
  /** Dark pixels inside the box, as a fraction of its area (0–1), for the screen and the corpus report. */
  ink: number;
}

export interface PageReading {
  code: PaperCode;
  /** How far the page was turned when scanned, in degrees (180 for upside down, small for skew). */
  rotation: number;
  /** One per candidate, in paper order. */
  marks: BoxRead[];
  /** One per 另选他人 line: the mark box, and whether the name field has ink (then a person types it). */
  writeIns: { mark: BoxRead; nameInk: boolean }[];
  /**
   * Millimetres on the layout to pixels of the stored image: a row-major 3×3 homography, so the
   * screen draws any layout box (core/paper/layout.ts) over the page and crops a write-in's name.
   */
  transform: number[];
  /** The stored image's size in pixels. */
  width: number;
  height: number;
}

/**
 * A page that is not a paper of this round, or not a paper at all. Each code has a message in
 * core/reasons (scan.*) naming what was found, e.g. the round the code names.
 */
export const PAGE_REFUSALS = [
  'scan.unreadable_image',
  'scan.blank_page',
  'scan.no_corners',
  'scan.no_code',
  'scan.not_ballot',
  'scan.other_congress',
  'scan.other_contest',
  'scan.other_round',
  // The store's names for the two above when the code's contest or round is one of this congress's:
  // a counter at 第 2 轮 reads which round the paper is of, not a database id.
  'scan.other_contest_named',
  'scan.other_round_named',
  'scan.other_layout',
] as const;
export type PageRefusal = (typeof PAGE_REFUSALS)[number];

export type PageOutcome =
  | { ok: true; reading: PageReading }
  | { ok: false; refusal: PageRefusal; params: Record<string, string | number> };

/** The mark a clear reading gives a box, or null when a person must decide it. */
export function markOf(box: BoxRead): PaperMark | null {
  if (box.read === 'circle' || box.read === 'cross' || box.read === 'none') return box.read;
  return null;
}

/**
 * The paper as read, ready to commit with one key when nothing is left to a person: every box
 * clear and no 另选他人 line with ink. Otherwise the boxes and lines a person must decide.
 */
export function draftOf(reading: PageReading): {
  marks: (PaperMark | null)[];
  /** Lines with ink: a person types each name (or clears the line) before the paper commits. */
  writeInLines: { index: number; mark: PaperMark | null }[];
  clear: boolean;
} {
  const marks = reading.marks.map(markOf);
  const writeInLines = reading.writeIns.flatMap((w, index) =>
    w.nameInk || w.mark.read !== 'none' ? [{ index, mark: markOf(w.mark) }] : [],
  );
  return { marks, writeInLines, clear: marks.every((m) => m !== null) && writeInLines.length === 0 };
}
