/**
 * Contests and their candidates as contract values: rows, lookups with their refusals, and what
 * may change only before a contest's ballots are issued.
 */

import type { ContestKind, MarkingConvention, PersonFacts } from '../../core/election-types.js';
import { requiredCandidates } from '../../core/margin.js';
import type { Candidate, Contest } from '../../core/model/index.js';
import { normaliseName } from '../../core/names.js';
import { at, ok, type Result, refuse } from '../../core/result.js';
import { listDelegates } from '../congress/records.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';

export type { Candidate, Contest };

interface ContestRow {
  id: number;
  meeting_id: number;
  title: string;
  kind: ContestKind;
  seats: number;
  margin_percent: number;
  double_entry: number;
  paper_group: string | null;
  position: number;
  status: Contest['status'];
  seats_reduced_to: number | null;
  seats_reduced_note: string | null;
  from_prevote_id: number | null;
  marking: string;
}

const contestOf = (r: ContestRow): Contest => ({
  id: r.id,
  meetingId: r.meeting_id,
  title: r.title,
  kind: r.kind,
  seats: r.seats,
  marginPercent: r.margin_percent,
  requiredCandidates: requiredCandidates(r.seats, r.margin_percent),
  doubleEntry: r.double_entry === 1,
  paperGroup: r.paper_group,
  position: r.position,
  status: r.status,
  seatsReducedTo: r.seats_reduced_to,
  seatsReducedNote: r.seats_reduced_note,
  fromPrevoteId: r.from_prevote_id,
  marking: JSON.parse(r.marking) as MarkingConvention,
});

export function findContest(db: SqliteDb, id: number): Contest | undefined {
  const row = statement(db, 'SELECT * FROM contests WHERE id = ?').get(id) as ContestRow | undefined;
  return row && contestOf(row);
}

export function listContests(db: SqliteDb, meetingId: number): Contest[] {
  return (
    statement(db, 'SELECT * FROM contests WHERE meeting_id = ? ORDER BY position').all(meetingId) as ContestRow[]
  ).map(contestOf);
}

export const contestNotFound = (contestId: number) =>
  refuse('not_found', 'contest.not_found', { id: contestId }, at('contestId', contestId));

export function requireContest(db: SqliteDb, contestId: number): Result<Contest> {
  const contest = findContest(db, contestId);
  return contest ? ok(contest) : contestNotFound(contestId);
}

/** What may be done only before a contest's ballots are issued (terms.setup_action in core/reasons.ts). */
export type SetupAction = 'edit_settings' | 'add_candidate' | 'remove_candidate' | 'import_candidates';
/** The Chinese phrases older callers pass, by the action they name. */
const SETUP_ACTION_OF: Record<string, SetupAction> = {
  修改选举设置: 'edit_settings',
  增加候选人: 'add_candidate',
  删除候选人: 'remove_candidate',
  导入候选人: 'import_candidates',
};

/** Candidates, rounds and paper order may change only before the first ballots are issued. */
export function requireSetup(contest: Contest, action: SetupAction | string): Result<Contest> {
  if (contest.status === 'setup') return ok(contest);
  return refuse(
    'conflict',
    'contest.ballots_issued',
    { contest: contest.title, action: SETUP_ACTION_OF[action] ?? action },
    at('contestId', contest.id),
  );
}

// ——— Candidates ———

export interface CandidateRow {
  id: number;
  contest_id: number;
  delegate_id: number | null;
  name: string;
  gender: 'male' | 'female' | null;
  birth_date: string | null;
  ethnicity: string | null;
  education: string | null;
  unit: string | null;
  position: number | null;
  from_write_in: number;
}

export const candidateOf = (r: CandidateRow): Candidate => ({
  id: r.id,
  contestId: r.contest_id,
  delegateId: r.delegate_id,
  name: r.name,
  gender: r.gender,
  birthDate: r.birth_date,
  ethnicity: r.ethnicity,
  education: r.education,
  unit: r.unit,
  position: r.position,
  fromWriteIn: r.from_write_in === 1,
});

export function findCandidate(db: SqliteDb, id: number): Candidate | undefined {
  const row = statement(db, 'SELECT * FROM candidates WHERE id = ?').get(id) as CandidateRow | undefined;
  return row && candidateOf(row);
}

/** In approved paper order; candidates without a place (not yet approved, write-ins) after, by id. */
export function listCandidates(db: SqliteDb, contestId: number): Candidate[] {
  return (
    statement(db, 'SELECT * FROM candidates WHERE contest_id = ? ORDER BY position IS NULL, position, id').all(
      contestId,
    ) as CandidateRow[]
  ).map(candidateOf);
}

export interface CandidateFields extends PersonFacts {
  delegateId: number | null;
  name: string;
  unit: string | null;
  fromWriteIn: boolean;
}

export function insertCandidate(db: SqliteDb, contestId: number, f: CandidateFields): Candidate {
  const info = statement(
    db,
    `INSERT INTO candidates (contest_id, delegate_id, name, gender, birth_date, ethnicity, education, unit, from_write_in)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    contestId,
    f.delegateId,
    f.name,
    f.gender,
    f.birthDate,
    f.ethnicity,
    f.education,
    f.unit,
    f.fromWriteIn ? 1 : 0,
  );
  return findCandidate(db, Number(info.lastInsertRowid))!;
}

export const factsOf = (p: PersonFacts): PersonFacts => ({
  gender: p.gender,
  birthDate: p.birthDate,
  ethnicity: p.ethnicity,
  education: p.education,
});

export const UNKNOWN_PERSON: PersonFacts = { gender: null, birthDate: null, ethnicity: null, education: null };

export function delegatesNamed(db: SqliteDb, name: string) {
  const wanted = normaliseName(name);
  return listDelegates(db).filter((d) => normaliseName(d.name) === wanted);
}
