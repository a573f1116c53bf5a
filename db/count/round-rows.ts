/**
 * Rounds of a contest as contract values: rows, lookups, the round's paper (its candidates in
 * order), and who the contest's closed rounds elected.
 */

import type { RoundKind, RoundStatus } from '../../core/election-types.js';
import type { Round } from '../../core/model/index.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { type Candidate, type CandidateRow, type Contest, candidateOf, findContest } from './contest-rows.js';

export type { Round };

interface RoundRow {
  id: number;
  contest_id: number;
  number: number;
  kind: RoundKind;
  seats: number;
  status: RoundStatus;
  voters_present: number | null;
  due: number | null;
  ballots_printed: number | null;
  issued: number | null;
  spare_voided: number | null;
  collected: number | null;
  closed_by: string | null;
  closed_at: string | null;
  void_reason: string | null;
  void_by: string | null;
  void_at: string | null;
  revision: number;
}

function roundOf(db: SqliteDb, r: RoundRow): Round {
  const ids = statement(db, 'SELECT candidate_id FROM round_candidates WHERE round_id = ? ORDER BY position')
    .pluck()
    .all(r.id) as number[];
  return {
    id: r.id,
    contestId: r.contest_id,
    number: r.number,
    kind: r.kind,
    seats: r.seats,
    status: r.status,
    candidateIds: ids,
    votersPresent: r.voters_present,
    due: r.due,
    ballotsPrinted: r.ballots_printed,
    issued: r.issued,
    spareVoided: r.spare_voided,
    collected: r.collected,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
    voidDeclaration: r.void_reason === null ? null : { reason: r.void_reason, by: r.void_by!, at: r.void_at! },
  };
}

export function findRound(db: SqliteDb, id: number): Round | undefined {
  const row = statement(db, 'SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined;
  return row && roundOf(db, row);
}

export function listRounds(db: SqliteDb, contestId: number): Round[] {
  return (statement(db, 'SELECT * FROM rounds WHERE contest_id = ? ORDER BY number').all(contestId) as RoundRow[]).map(
    (r) => roundOf(db, r),
  );
}

export const roundNotFound = (roundId: number) =>
  refuse('not_found', 'round.not_found', { id: roundId }, at('roundId', roundId));

export interface RoundContext {
  round: Round;
  contest: Contest;
  /** 「党委委员」第 2 轮 */
  label: string;
}

export function requireRound(db: SqliteDb, roundId: number): Result<RoundContext> {
  const round = findRound(db, roundId);
  if (!round) return roundNotFound(roundId);
  const contest = findContest(db, round.contestId)!;
  return ok({ round, contest, label: `「${contest.title}」第 ${round.number} 轮` });
}

/** The round's candidates in its paper order. */
export function roundCandidates(db: SqliteDb, roundId: number): Candidate[] {
  return (
    statement(
      db,
      `SELECT c.* FROM round_candidates rc JOIN candidates c ON c.id = rc.candidate_id
         WHERE rc.round_id = ? ORDER BY rc.position`,
    ).all(roundId) as CandidateRow[]
  ).map(candidateOf);
}

export function setRoundCandidates(db: SqliteDb, roundId: number, candidateIds: readonly number[]): void {
  statement(db, 'DELETE FROM round_candidates WHERE round_id = ?').run(roundId);
  const insert = statement(db, 'INSERT INTO round_candidates (round_id, candidate_id, position) VALUES (?, ?, ?)');
  candidateIds.forEach((id, i) => {
    insert.run(roundId, id, i + 1);
  });
}

/** Creates a round in setup, numbered after the contest's last one. */
export function insertRound(
  db: SqliteDb,
  contestId: number,
  kind: RoundKind,
  seats: number,
  candidateIds: readonly number[],
): Round {
  const { next } = statement(db, 'SELECT coalesce(max(number), 0) + 1 AS next FROM rounds WHERE contest_id = ?').get(
    contestId,
  ) as { next: number };
  const info = statement(
    db,
    "INSERT INTO rounds (contest_id, number, kind, seats, status) VALUES (?, ?, ?, ?, 'setup')",
  ).run(contestId, next, kind, seats);
  const roundId = Number(info.lastInsertRowid);
  setRoundCandidates(db, roundId, candidateIds);
  return findRound(db, roundId)!;
}

/** A round not yet closed or void: the contest has at most one. */
export function openRound(db: SqliteDb, contestId: number): Round | undefined {
  const row = statement(
    db,
    "SELECT * FROM rounds WHERE contest_id = ? AND status IN ('setup', 'voting') ORDER BY number LIMIT 1",
  ).get(contestId) as RoundRow | undefined;
  return row && roundOf(db, row);
}

export interface ElectedRow {
  roundId: number;
  rank: number;
  candidateId: number | null;
  name: string;
  votes: number;
}

/** Everyone elected in the contest's closed rounds, round by round. */
export function electedInContest(db: SqliteDb, contestId: number): ElectedRow[] {
  return statement(
    db,
    `SELECT e.round_id AS roundId, e.rank, e.candidate_id AS candidateId, e.name, e.votes
       FROM round_elected e JOIN rounds r ON r.id = e.round_id
       WHERE r.contest_id = ? AND r.status = 'closed' ORDER BY r.number, e.rank`,
  ).all(contestId) as ElectedRow[];
}

/** Seats the contest still has to fill: its seats (or the presidium's reduced number) less those elected. */
export function seatsToFill(db: SqliteDb, contest: Contest): number {
  const target = contest.seatsReducedTo ?? contest.seats;
  return target - electedInContest(db, contest.id).length;
}
