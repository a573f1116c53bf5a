/**
 * Ballots as contract values: rows with each write-in's fate under the round's judging, and the
 * writes every ballot change shares (a new version, a withdrawal, the round's revision).
 */

import { writeInContext, writeInLines } from '../../core/ballot.js';
import type { BallotMarks, MarkingConvention, PaperMark, WriteIn, WriteInContext } from '../../core/election-types.js';
import type { Ballot } from '../../core/model/index.js';
import { at, refuse } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { type Contest, findContest } from './contest-rows.js';
import { findRound, type Round, roundCandidates } from './round-rows.js';

export type { Ballot };

interface BallotRow {
  id: number;
  round_id: number;
  seq: number;
  stack: number | null;
  entry: 1 | 2 | null;
  stack_position: number | null;
  state: Ballot['state'];
  marks: string;
  write_ins: string;
  chosen: number;
  valid: number | null;
  decision: 'as_entered' | 'invalid' | null;
  decision_by: string | null;
  decision_note: string | null;
  decision_at: string | null;
  replaces: number | null;
  reason: string | null;
  entered_by: string;
  entered_at: string;
  revision: number;
  source: 'keyed' | 'scan';
  page_id: number | null;
  image_sha256: string | null;
}

/**
 * What a round's ballots are judged by (rules 3 and 4): the contest's convention, the seats, and
 * the write-in context — the names on the round's paper, those elected in the contest's earlier
 * closed rounds, and whether the round is a tie revote. Fixed for the life of the round: its
 * paper is set before distribution and earlier rounds are closed before it opens.
 */
export interface RoundJudging {
  seats: number;
  convention: MarkingConvention;
  context: WriteInContext;
}

export function roundJudging(db: SqliteDb, round: Round, contest: Contest): RoundJudging {
  const printed = roundCandidates(db, round.id).map((c) => c.name);
  const excluded = statement(
    db,
    `SELECT e.name FROM round_elected e JOIN rounds r ON r.id = e.round_id
       WHERE r.contest_id = ? AND r.status = 'closed' AND r.number < ?`,
  )
    .pluck()
    .all(contest.id, round.number) as string[];
  return {
    seats: round.seats,
    convention: contest.marking,
    context: writeInContext({ printed, excluded, onlyTied: round.kind === 'tie_revote' }),
  };
}

/** The judging of a round by its id (the round exists). */
export function roundJudgingOf(db: SqliteDb, roundId: number): RoundJudging {
  const round = findRound(db, roundId)!;
  return roundJudging(db, round, findContest(db, round.contestId)!);
}

/** A paper's number and which version of it a row is (see `ballot.no` in core/model/count.ts). */
interface PaperNumber {
  no: number | null;
  version: number;
}

const ballotOf = (r: BallotRow, judging: RoundJudging, paper: PaperNumber): Ballot => ({
  id: r.id,
  roundId: r.round_id,
  seq: r.seq,
  no: paper.no,
  version: paper.version,
  stack: r.stack,
  entry: r.entry,
  stackPosition: r.stack_position,
  state: r.state,
  marks: JSON.parse(r.marks) as PaperMark[],
  writeIns: JSON.parse(r.write_ins) as WriteIn[],
  writeInFates: fatesOf(r, judging),
  valid: r.valid === null ? null : r.valid === 1,
  chosen: r.chosen,
  decision:
    r.decision === null ? null : { verdict: r.decision, by: r.decision_by!, note: r.decision_note, at: r.decision_at! },
  replaces: r.replaces,
  reason: r.reason,
  enteredBy: r.entered_by,
  enteredAt: r.entered_at,
  source: r.source,
  pageId: r.page_id,
  imageSha256: r.image_sha256,
});

function fatesOf(r: BallotRow, judging: RoundJudging) {
  const writeIns = JSON.parse(r.write_ins) as WriteIn[];
  if (writeIns.length === 0) return [];
  const marks = { marks: JSON.parse(r.marks) as PaperMark[], writeIns };
  return writeInLines(marks, judging.convention, judging.context).map((line) => line.fate);
}

const rowById = (db: SqliteDb, id: number) =>
  statement(db, 'SELECT * FROM ballots WHERE id = ?').get(id) as BallotRow | undefined;

/**
 * The numbers of a round's rows, read in entry order. A correction is a later row that `replaces`
 * an earlier one: it is the next version of that row's paper. A paper's place counts only the
 * papers whose latest version is live, in the order they were first entered (issue 15: after one
 * correction the list said paper 111 of 110 collected).
 */
function paperNumbers(rows: readonly BallotRow[]): Map<number, PaperNumber> {
  const first = new Map<number, BallotRow>();
  const version = new Map<number, number>();
  const latest = new Map<number, BallotRow>();
  for (const r of rows) {
    const root = r.replaces === null ? r : first.get(r.replaces)!;
    first.set(r.id, root);
    version.set(r.id, r.replaces === null ? 0 : version.get(r.replaces)! + 1);
    latest.set(root.id, r);
  }
  const place = new Map<number, number | null>();
  let n = 0;
  for (const r of rows) {
    if (r.replaces !== null) continue;
    const head = latest.get(r.id)!;
    place.set(r.id, !isLive(head.state) ? null : (head.stack_position ?? ++n));
  }
  return new Map(rows.map((r) => [r.id, { no: place.get(first.get(r.id)!.id)!, version: version.get(r.id)! }]));
}

/**
 * `paperNumbers` for one row without reading the round: a ballot write returns its ballot, and
 * reading 100,000 rows to number the one just entered would make keying slow. The live papers
 * first entered before this paper's first version are all the live papers but those whose rows
 * come at or after it, less the corrections among those of papers first entered before it.
 */
function paperNumber(db: SqliteDb, r: BallotRow): PaperNumber {
  const firstOf = (row: BallotRow) => {
    let at = row;
    let version = 0;
    for (; at.replaces !== null; version++) at = rowById(db, at.replaces)!;
    return { first: at, version };
  };
  const { first, version } = firstOf(r);
  let head = r;
  for (;;) {
    const next = statement(db, 'SELECT * FROM ballots WHERE replaces = ?').get(head.id) as BallotRow | undefined;
    if (!next) break;
    head = next;
  }
  if (!isLive(head.state)) return { no: null, version };
  if (head.stack_position !== null) return { no: head.stack_position, version };
  const live = enteredCount(db, r.round_id, null);
  const fromHere = statement(
    db,
    `SELECT count(*) FROM ballots WHERE round_id = ? AND seq >= ? AND state IN ${LIVE_STATES}`,
  )
    .pluck()
    .get(r.round_id, first.seq) as number;
  const corrections = statement(
    db,
    `SELECT * FROM ballots WHERE round_id = ? AND seq > ? AND replaces IS NOT NULL AND state IN ${LIVE_STATES}`,
  ).all(r.round_id, first.seq) as BallotRow[];
  const earlier = corrections.filter((c) => firstOf(c).first.seq < first.seq).length;
  return { no: live - fromHere + earlier + 1, version };
}

export function findBallot(db: SqliteDb, id: number): Ballot | undefined {
  const row = rowById(db, id);
  return row && ballotOf(row, roundJudgingOf(db, row.round_id), paperNumber(db, row));
}

export function listBallots(db: SqliteDb, roundId: number): Ballot[] {
  const rows = statement(db, 'SELECT * FROM ballots WHERE round_id = ? ORDER BY seq').all(roundId) as BallotRow[];
  if (rows.length === 0) return [];
  const judging = roundJudgingOf(db, roundId);
  const numbers = paperNumbers(rows);
  return rows.map((r) => ballotOf(r, judging, numbers.get(r.id)!));
}

export const ballotNotFound = (ballotId: number) =>
  refuse('not_found', 'ballot.not_found', { id: ballotId }, at('ballotId', ballotId));

export const LIVE_STATES = "('counted', 'set_aside')";
export const isLive = (state: Ballot['state']) => state === 'counted' || state === 'set_aside';

/**
 * Ballots entered and not withdrawn (counted or set aside) in one keying: the first (or the
 * only one, in single entry) or the second. Kept in the round's row by triggers.
 */
export function enteredCount(db: SqliteDb, roundId: number, entry: 1 | 2 | null): number {
  const column = entry === 2 ? 'entered_second' : 'entered_first';
  return statement(db, `SELECT ${column} FROM rounds WHERE id = ?`).pluck().get(roundId) as number;
}

/** Marks and write-ins as stored: canonical, so that equal ballots have equal text. */
export const marksText = (marks: readonly PaperMark[]) => JSON.stringify(marks);
export const writeInsText = (writeIns: readonly WriteIn[]) =>
  JSON.stringify(writeIns.map((w) => ({ name: w.name, mark: w.mark })));

/** Every ballot write bumps the round's revision and stamps the rows it touched with it. */
export function bumpRevision(db: SqliteDb, roundId: number): number {
  return statement(db, 'UPDATE rounds SET revision = revision + 1 WHERE id = ? RETURNING revision')
    .pluck()
    .get(roundId) as number;
}

export interface NewBallot {
  roundId: number;
  stack: number | null;
  entry: 1 | 2 | null;
  stackPosition: number | null;
  state: 'counted' | 'set_aside';
  marks: BallotMarks;
  chosen: number;
  valid: boolean | null;
  decision: Ballot['decision'];
  replaces: number | null;
  reason: string | null;
  enteredBy: string;
  enteredAt: string;
  revision: number;
  /** The scanned page a person confirmed the paper from (issue 13), and its image's hash; absent: keyed. */
  page?: { id: number; sha256: string } | null;
}

export function insertBallot(db: SqliteDb, b: NewBallot): Ballot {
  const seq = statement(db, 'SELECT coalesce(max(seq), 0) + 1 FROM ballots WHERE round_id = ?')
    .pluck()
    .get(b.roundId) as number;
  const info = statement(
    db,
    `INSERT INTO ballots (round_id, seq, stack, entry, stack_position, state, marks, write_ins, chosen, valid,
         decision, decision_by, decision_note, decision_at, replaces, reason, entered_by, entered_at, revision,
         source, page_id, image_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    b.roundId,
    seq,
    b.stack,
    b.entry,
    b.stackPosition,
    b.state,
    marksText(b.marks.marks),
    writeInsText(b.marks.writeIns),
    b.chosen,
    b.valid === null ? null : b.valid ? 1 : 0,
    b.decision?.verdict ?? null,
    b.decision?.by ?? null,
    b.decision?.note ?? null,
    b.decision?.at ?? null,
    b.replaces,
    b.reason,
    b.enteredBy,
    b.enteredAt,
    b.revision,
    b.page ? 'scan' : 'keyed',
    b.page?.id ?? null,
    b.page?.sha256 ?? null,
  );
  return findBallot(db, Number(info.lastInsertRowid))!;
}

/** Withdraws a ballot (voided or superseded) with its reason. */
export function withdrawBallot(
  db: SqliteDb,
  ballotId: number,
  state: 'voided' | 'superseded',
  reason: string,
  revision: number,
): Ballot {
  statement(db, 'UPDATE ballots SET state = ?, reason = ?, revision = ? WHERE id = ?').run(
    state,
    reason,
    revision,
    ballotId,
  );
  return findBallot(db, ballotId)!;
}
