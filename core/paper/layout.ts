/**
 * Where everything sits on a round's ballot paper, in millimetres from the page's top-left corner:
 * one pure function used both to print the paper (renderer print route) and to read a scan of it
 * (db/scan), so the paper and the reader can never disagree about where a box is.
 *
 * The paper follows the township ballots in use: the candidates in the approved order in a grid,
 * each a mark box above the name (「同意的在候选人姓名上方的空格内划"○"」), then the 另选他人
 * cells (as many as seats, none in a tie revote: 「就票数相等的被选举人再次投票」 lets only the
 * tied be chosen), each a mark box above an empty name field. Four filled corner squares let a
 * reader find the page's geometry, a small square beside the top-left one tells up from down, and
 * the QR code (core/paper/code.ts) names the congress, contest, round and layout version — the same
 * on every paper of a round, never a serial, so no paper can be tied to a voter.
 */
import type { MarkingConvention, RoundKind } from '../election-types.js';

/** Bump when any position below changes: a paper printed by another version is refused by the reader. */
export const LAYOUT_VERSION = 1;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type PageSize = 'A4' | 'A3';
export const PAGE_MM: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
};

export interface PaperInput {
  congressUid: string;
  congressTitle: string;
  /** The contest's title as printed (e.g. 中共××镇第×届委员会委员). */
  contestTitle: string;
  contestId: number;
  roundId: number;
  roundNumber: number;
  roundKind: RoundKind;
  seats: number;
  /** The round's candidates in paper order. */
  candidates: readonly { id: number; name: string }[];
  convention: MarkingConvention;
}

export interface CandidateCell {
  /** Position in paper order (0-based): the index of this candidate's mark in `ballots.enter`. */
  index: number;
  candidateId: number;
  name: string;
  markBox: Box;
  nameBox: Box;
}

export interface WriteInCell {
  /** 0-based line number: the index in `ballots.enter`'s `writeIns` (lines left empty are dropped). */
  index: number;
  markBox: Box;
  /** Where the voter writes the name: what the confirming person is shown as a crop. */
  nameBox: Box;
}

export interface PaperLayout {
  version: number;
  size: PageSize;
  width: number;
  height: number;
  /** Filled squares, in the order top-left, top-right, bottom-right, bottom-left. */
  corners: readonly [Box, Box, Box, Box];
  /** The filled square beside the top-left corner square: the page's top. */
  orientation: Box;
  /** The QR code (a square); its text is `paperCodeText` of this paper. */
  code: Box;
  title: Box;
  /** The round line (第 N 轮 / 另行选举 …) under the title. */
  subtitle: Box;
  instructions: Box;
  /** The 另选他人 heading above the write-in cells, null when there are none. */
  writeInHeading: Box | null;
  candidates: readonly CandidateCell[];
  writeIns: readonly WriteInCell[];
  /** Grid columns per row (the same for candidates and write-ins). */
  columns: number;
}

/** Corner squares: side, and distance from the page's edges (inside every printer's margin). */
export const CORNER_MM = 8;
export const CORNER_INSET_MM = 8;
export const ORIENTATION_MM = 4;
export const CODE_MM = 22;
/** A grid cell: a square mark box above a name field. */
export const CELL_W_MM = 22;
export const MARK_MM = 12;
export const NAME_H_MM = 11;
export const CELL_GAP_MM = 0;
const ROW_GAP_MM = 3;
const MARGIN_MM = 20;
const HEAD_TOP_MM = 20;
const TITLE_H_MM = 12;
const SUBTITLE_H_MM = 7;
const INSTRUCTIONS_H_MM = 22;
const HEADING_H_MM = 7;
const BOTTOM_MM = 22;

/** Papers of these many candidates and write-in cells and fewer go on A4, more on A3. */
export function fitsA4(cells: number): boolean {
  return rowsNeeded(cells, columnsFor('A4')) <= maxRows('A4');
}

function columnsFor(size: PageSize): number {
  return Math.floor((PAGE_MM[size].width - 2 * MARGIN_MM) / (CELL_W_MM + CELL_GAP_MM));
}

function rowsNeeded(cells: number, columns: number): number {
  return Math.ceil(cells / columns);
}

const ROW_H_MM = MARK_MM + NAME_H_MM + ROW_GAP_MM;
const GRID_TOP_MM = HEAD_TOP_MM + TITLE_H_MM + SUBTITLE_H_MM + INSTRUCTIONS_H_MM + 4;

function maxRows(size: PageSize): number {
  // Two rows for the 另选他人 heading's worth of room are always kept.
  return Math.floor((PAGE_MM[size].height - GRID_TOP_MM - BOTTOM_MM - HEADING_H_MM) / ROW_H_MM);
}

/** 另选他人 lines: as many as seats, and none in a tie revote (only the tied can be chosen). */
export function writeInLineCount(input: Pick<PaperInput, 'seats' | 'roundKind'>): number {
  return input.roundKind === 'tie_revote' ? 0 : input.seats;
}

/** The most cells (candidates + write-ins) one paper holds; beyond, `ballotLayout` throws. */
export const MAX_CELLS = columnsFor('A3') * maxRows('A3') - columnsFor('A3');

/**
 * The paper for one round. Candidates fill the grid row by row in paper order; the write-in
 * cells start on a row of their own under a 另选他人 heading.
 */
export function ballotLayout(input: PaperInput): PaperLayout {
  const lines = writeInLineCount(input);
  const n = input.candidates.length;
  const size: PageSize = fitsPage('A4', n, lines) ? 'A4' : 'A3';
  if (!fitsPage(size, n, lines)) throw new RangeError(`paper.too_many_cells: ${n} + ${lines} > ${MAX_CELLS}`);
  const { width, height } = PAGE_MM[size];
  const columns = columnsFor(size);
  const gridW = columns * CELL_W_MM;
  const left = (width - gridW) / 2;
  const cell = (row: number, col: number): { markBox: Box; nameBox: Box } => {
    const x = left + col * CELL_W_MM;
    const y = GRID_TOP_MM + row * ROW_H_MM;
    return {
      markBox: { x: x + (CELL_W_MM - MARK_MM) / 2, y, w: MARK_MM, h: MARK_MM },
      nameBox: { x: x + 0.5, y: y + MARK_MM, w: CELL_W_MM - 1, h: NAME_H_MM },
    };
  };
  const candidates = input.candidates.map((c, index) => ({
    index,
    candidateId: c.id,
    name: c.name,
    ...cell(Math.floor(index / columns), index % columns),
  }));
  const candidateRows = rowsNeeded(n, columns);
  const headingY = GRID_TOP_MM + candidateRows * ROW_H_MM;
  const writeInTop = headingY + HEADING_H_MM;
  const writeIns = Array.from({ length: lines }, (_, index) => {
    const c = cell(0, index % columns);
    const dy = writeInTop - GRID_TOP_MM + Math.floor(index / columns) * ROW_H_MM;
    return {
      index,
      markBox: { ...c.markBox, y: c.markBox.y + dy },
      nameBox: { ...c.nameBox, y: c.nameBox.y + dy },
    };
  });
  const i = CORNER_INSET_MM;
  const k = CORNER_MM;
  return {
    version: LAYOUT_VERSION,
    size,
    width,
    height,
    corners: [
      { x: i, y: i, w: k, h: k },
      { x: width - i - k, y: i, w: k, h: k },
      { x: width - i - k, y: height - i - k, w: k, h: k },
      { x: i, y: height - i - k, w: k, h: k },
    ],
    orientation: { x: i + k + 3, y: i + (k - ORIENTATION_MM) / 2, w: ORIENTATION_MM, h: ORIENTATION_MM },
    code: { x: width - i - k - 3 - CODE_MM, y: i + k + 2, w: CODE_MM, h: CODE_MM },
    title: { x: MARGIN_MM, y: HEAD_TOP_MM, w: width - 2 * MARGIN_MM - CODE_MM - 6, h: TITLE_H_MM },
    subtitle: { x: MARGIN_MM, y: HEAD_TOP_MM + TITLE_H_MM, w: width - 2 * MARGIN_MM - CODE_MM - 6, h: SUBTITLE_H_MM },
    instructions: {
      x: MARGIN_MM,
      y: HEAD_TOP_MM + TITLE_H_MM + SUBTITLE_H_MM + 2,
      w: width - 2 * MARGIN_MM,
      h: INSTRUCTIONS_H_MM - 2,
    },
    writeInHeading: lines > 0 ? { x: left, y: headingY, w: gridW, h: HEADING_H_MM } : null,
    candidates,
    writeIns,
    columns,
  };
}

function fitsPage(size: PageSize, candidates: number, lines: number): boolean {
  const columns = columnsFor(size);
  return rowsNeeded(candidates, columns) + rowsNeeded(lines, columns) <= maxRows(size);
}

/** Every box of a layout with a name, for the checks that none overlaps and all are inside the page. */
export function layoutBoxes(layout: PaperLayout): { name: string; box: Box }[] {
  const out: { name: string; box: Box }[] = [];
  layout.corners.forEach((box, i) => {
    out.push({ name: `corner${i}`, box });
  });
  out.push({ name: 'orientation', box: layout.orientation }, { name: 'code', box: layout.code });
  out.push({ name: 'title', box: layout.title }, { name: 'subtitle', box: layout.subtitle });
  out.push({ name: 'instructions', box: layout.instructions });
  if (layout.writeInHeading) out.push({ name: 'writeInHeading', box: layout.writeInHeading });
  for (const c of layout.candidates) {
    out.push({ name: `mark${c.index}`, box: c.markBox }, { name: `name${c.index}`, box: c.nameBox });
  }
  for (const w of layout.writeIns) {
    out.push({ name: `writeInMark${w.index}`, box: w.markBox }, { name: `writeInName${w.index}`, box: w.nameBox });
  }
  return out;
}

/** The centre of a box: where a reader aims. */
export const centreOf = (b: Box): { x: number; y: number } => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
