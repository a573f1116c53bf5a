/**
 * Rows of contests, candidates, rounds and ballots as contract values, the lookups their
 * handlers share, and a round's result. Every rule is core's (ballot.ts, tally.ts,
 * results.ts, margin.ts, structure.ts); this module only gathers what they need.
 */
import { writeInContext, writeInLines } from '../../core/ballot.js';
import type { Output } from '../../core/contract.js';
import type {
  BallotMarks,
  ContestKind,
  MarkingConvention,
  PaperMark,
  PersonFacts,
  RoundKind,
  RoundStatus,
  RoundTally,
  WriteIn,
  WriteInContext,
} from '../../core/election-types.js';
import { requiredCandidates } from '../../core/margin.js';
import { normaliseName } from '../../core/names.js';
import { ok, type Result, refuse } from '../../core/result.js';
import { decideRound } from '../../core/results.js';
import { bodyStructure } from '../../core/structure.js';
import { sortDisregarded, type TallyBallot, tallyRound, tallyStatusOf } from '../../core/tally.js';
import { findMeeting, listDelegates, readCongress } from '../congress/records.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';

export type Contest = Output<'contests.create'>;
export type Candidate = Output<'candidates.add'>;
export type Round = Output<'rounds.distribute'>;
export type Ballot = Output<'ballots.enter'>;
export type RoundResult = Output<'rounds.result'>;
export type StackSummary = Output<'stacks.settle'>;
export type Provisional = RoundResult['provisional'][number];

// ——— Contests ———

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
  refuse('not_found', 'contest.not_found', { id: contestId }, { field: 'contestId', value: String(contestId) });

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
    { field: 'contestId', value: String(contest.id) },
  );
}

// ——— Candidates ———

interface CandidateRow {
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

const candidateOf = (r: CandidateRow): Candidate => ({
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

const UNKNOWN_PERSON: PersonFacts = { gender: null, birthDate: null, ethnicity: null, education: null };

// ——— Rounds ———

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
  refuse('not_found', 'round.not_found', { id: roundId }, { field: 'roundId', value: String(roundId) });

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

// ——— Ballots ———

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

const ballotOf = (r: BallotRow, judging: RoundJudging): Ballot => ({
  id: r.id,
  roundId: r.round_id,
  seq: r.seq,
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
});

function fatesOf(r: BallotRow, judging: RoundJudging) {
  const writeIns = JSON.parse(r.write_ins) as WriteIn[];
  if (writeIns.length === 0) return [];
  const marks = { marks: JSON.parse(r.marks) as PaperMark[], writeIns };
  return writeInLines(marks, judging.convention, judging.context).map((line) => line.fate);
}

export function findBallot(db: SqliteDb, id: number): Ballot | undefined {
  const row = statement(db, 'SELECT * FROM ballots WHERE id = ?').get(id) as BallotRow | undefined;
  return row && ballotOf(row, roundJudgingOf(db, row.round_id));
}

export function listBallots(db: SqliteDb, roundId: number): Ballot[] {
  const rows = statement(db, 'SELECT * FROM ballots WHERE round_id = ? ORDER BY seq').all(roundId) as BallotRow[];
  if (rows.length === 0) return [];
  const judging = roundJudgingOf(db, roundId);
  return rows.map((r) => ballotOf(r, judging));
}

export const ballotNotFound = (ballotId: number) =>
  refuse('not_found', 'ballot.not_found', { id: ballotId }, { field: 'ballotId', value: String(ballotId) });

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
}

export function insertBallot(db: SqliteDb, b: NewBallot): Ballot {
  const seq = statement(db, 'SELECT coalesce(max(seq), 0) + 1 FROM ballots WHERE round_id = ?')
    .pluck()
    .get(b.roundId) as number;
  const info = statement(
    db,
    `INSERT INTO ballots (round_id, seq, stack, entry, stack_position, state, marks, write_ins, chosen, valid,
         decision, decision_by, decision_note, decision_at, replaces, reason, entered_by, entered_at, revision)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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

// ——— Tally ———

interface TallyRow {
  id: number;
  state: Ballot['state'];
  entry: 1 | 2 | null;
  marks: string;
  write_ins: string;
  decision: 'as_entered' | 'invalid' | null;
}

/** How the tally sees a stored ballot; null when it is not in the tally. */
function tallyBallotOf(r: TallyRow): TallyBallot | null {
  const status = tallyStatusOf(r);
  if (status === null) return null;
  return {
    marks: { marks: JSON.parse(r.marks) as PaperMark[], writeIns: JSON.parse(r.write_ins) as WriteIn[] },
    status,
  };
}

interface TallyCache {
  revision: number;
  /** Candidates, seats and marking convention the tally was made with. */
  basis: string;
  ballots: Map<number, TallyBallot>;
  tally: RoundTally;
}

/**
 * The live tally per round and connection. After a ballot write only the rows stamped with a
 * newer revision are read, core tallies them (`tallyRound`), and their counts are added to (or,
 * for a ballot withdrawn, taken from) the cached tally: the board's update after one ballot
 * costs one ballot, not the round. Only committed state is cached; inside a transaction (which
 * may still roll back), and for closing, the round is recounted in full.
 */
const tallyCaches = new WeakMap<SqliteDb, Map<number, TallyCache>>();

const TALLY_COLUMNS = 'id, state, entry, marks, write_ins, decision';

interface TallyInput extends RoundJudging {
  candidateCount: number;
}

/** The tally of the round's live ballots and how many of them there are (entered, first keying). */
export function countRound(db: SqliteDb, roundId: number, input: TallyInput, full: boolean) {
  const tallyOf = (ballots: readonly TallyBallot[]) =>
    tallyRound(input.candidateCount, ballots, input.seats, input.convention, input.context);
  if (full || db.inTransaction) {
    const rows = statement(
      db,
      `SELECT ${TALLY_COLUMNS} FROM ballots WHERE round_id = ? AND state IN ${LIVE_STATES}`,
    ).all(roundId) as TallyRow[];
    const ballots = rows.map(tallyBallotOf).filter((b): b is TallyBallot => b !== null);
    return { tally: tallyOf(ballots), entered: ballots.length };
  }
  let perRound = tallyCaches.get(db);
  if (!perRound) {
    perRound = new Map();
    tallyCaches.set(db, perRound);
  }
  const revision = statement(db, 'SELECT revision FROM rounds WHERE id = ?').pluck().get(roundId) as number;
  const basis = JSON.stringify([
    input.candidateCount,
    input.seats,
    input.convention,
    [...input.context.printed].sort(),
    [...input.context.excluded].sort(),
    input.context.onlyTied,
  ]);
  let cache = perRound.get(roundId);
  if (!cache || cache.basis !== basis || cache.revision > revision) {
    cache = { revision: -1, basis, ballots: new Map(), tally: tallyOf([]) };
    perRound.set(roundId, cache);
  }
  if (cache.revision !== revision) {
    const rows = statement(db, `SELECT ${TALLY_COLUMNS} FROM ballots WHERE round_id = ? AND revision > ?`).all(
      roundId,
      cache.revision,
    ) as TallyRow[];
    const added: TallyBallot[] = [];
    const removed: TallyBallot[] = [];
    for (const r of rows) {
      const before = cache.ballots.get(r.id);
      const after = tallyBallotOf(r);
      if (before) removed.push(before);
      if (after) {
        added.push(after);
        cache.ballots.set(r.id, after);
      } else {
        cache.ballots.delete(r.id);
      }
    }
    const merged =
      removed.length + added.length > cache.ballots.size / 4
        ? null
        : subtractTally(addTally(cache.tally, tallyOf(added)), tallyOf(removed));
    cache.tally = merged ?? tallyOf([...cache.ballots.values()]);
    cache.revision = revision;
  }
  return { tally: cache.tally, entered: cache.ballots.size };
}

/**
 * Tallies of disjoint sets of ballots add up: core counts each ballot on its own. Write-ins
 * keep RoundTally's order (most votes first, then by name).
 */
function addTally(a: RoundTally, b: RoundTally): RoundTally {
  return combine(a, b, 1)!;
}

/** `a` less the ballots tallied in `b`; null if anything would go negative (then recount). */
function subtractTally(a: RoundTally, b: RoundTally): RoundTally | null {
  return combine(a, b, -1);
}

function combine(a: RoundTally, b: RoundTally, sign: 1 | -1): RoundTally | null {
  if (b.counted === 0 && b.pendingSetAside === 0) return a;
  const writeIns = new Map(a.writeIns.map((w) => [w.name, w.for]));
  for (const w of b.writeIns) writeIns.set(w.name, (writeIns.get(w.name) ?? 0) + sign * w.for);
  const key = (d: RoundTally['disregardedWriteIns'][number]) => `${d.reason}\n${d.name}`;
  const disregarded = new Map(a.disregardedWriteIns.map((d) => [key(d), { ...d }]));
  for (const d of b.disregardedWriteIns) {
    const known = disregarded.get(key(d));
    if (known) known.count += sign * d.count;
    else disregarded.set(key(d), { ...d, count: sign * d.count });
  }
  const out: RoundTally = {
    counted: a.counted + sign * b.counted,
    valid: a.valid + sign * b.valid,
    invalid: a.invalid + sign * b.invalid,
    pendingSetAside: a.pendingSetAside + sign * b.pendingSetAside,
    candidates: a.candidates.map((c, i) => {
      const d = b.candidates[i]!;
      return {
        for: c.for + sign * d.for,
        against: c.against + sign * d.against,
        abstain: c.abstain + sign * d.abstain,
      };
    }),
    writeIns: [...writeIns]
      .filter(([, n]) => n !== 0)
      .map(([name, n]) => ({ name, for: n }))
      .sort((x, y) => y.for - x.for || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
    disregardedWriteIns: sortDisregarded([...disregarded.values()].filter((d) => d.count !== 0)),
  };
  const negative =
    out.counted < 0 ||
    out.valid < 0 ||
    out.invalid < 0 ||
    out.pendingSetAside < 0 ||
    out.candidates.some((c) => c.for < 0 || c.against < 0 || c.abstain < 0) ||
    out.writeIns.some((w) => w.for < 0) ||
    out.disregardedWriteIns.some((d) => d.count < 0);
  return negative ? null : out;
}

// ——— Double entry ———

interface StackRow {
  id: number;
  stack: number;
  entry: 1 | 2;
  stack_position: number;
  marks: string;
  write_ins: string;
}

export interface StackPlace {
  position: number;
  first: StackRow | undefined;
  second: StackRow | undefined;
  same: boolean;
}

const samePaper = (a: StackRow | undefined, b: StackRow | undefined) =>
  a !== undefined && b !== undefined && a.marks === b.marks && a.write_ins === b.write_ins;

/** The live ballots of a round's stacks, place by place. */
function stackPlaces(db: SqliteDb, roundId: number, stack: number | null): Map<number, StackPlace[]> {
  const rows = (
    stack === null
      ? statement(
          db,
          `SELECT id, stack, entry, stack_position, marks, write_ins FROM ballots
             WHERE round_id = ? AND stack IS NOT NULL AND state IN ${LIVE_STATES}`,
        ).all(roundId)
      : statement(
          db,
          `SELECT id, stack, entry, stack_position, marks, write_ins FROM ballots
             WHERE round_id = ? AND stack = ? AND state IN ${LIVE_STATES}`,
        ).all(roundId, stack)
  ) as StackRow[];
  const byStack = new Map<number, Map<number, StackPlace>>();
  for (const r of rows) {
    let places = byStack.get(r.stack);
    if (!places) {
      places = new Map();
      byStack.set(r.stack, places);
    }
    let place = places.get(r.stack_position);
    if (!place) {
      place = { position: r.stack_position, first: undefined, second: undefined, same: false };
      places.set(r.stack_position, place);
    }
    if (r.entry === 1) place.first = r;
    else place.second = r;
  }
  const out = new Map<number, StackPlace[]>();
  for (const [s, places] of [...byStack].sort((a, b) => a[0] - b[0])) {
    const list = [...places.values()].sort((a, b) => a.position - b.position);
    for (const p of list) p.same = samePaper(p.first, p.second);
    out.set(s, list);
  }
  return out;
}

export function stackPlacesOf(db: SqliteDb, roundId: number, stack: number): StackPlace[] {
  return stackPlaces(db, roundId, stack).get(stack) ?? [];
}

function summaryOf(stack: number, places: StackPlace[]): StackSummary {
  const first = places.filter((p) => p.first).length;
  const second = places.filter((p) => p.second).length;
  const differences = places.filter((p) => !p.same).length;
  return { stack, first, second, differences, reconciled: first === second && differences === 0 };
}

export function stackSummaries(db: SqliteDb, roundId: number): StackSummary[] {
  return [...stackPlaces(db, roundId, null)].map(([stack, places]) => summaryOf(stack, places));
}

export function stackSummary(db: SqliteDb, roundId: number, stack: number): StackSummary {
  return summaryOf(stack, stackPlacesOf(db, roundId, stack));
}

// ——— The result ———

/** Rules 4–7 on the round's ballots as they stand, with why the figures are not final yet. */
export function roundResult(db: SqliteDb, round: Round, contest: Contest): RoundResult {
  const candidates = roundCandidates(db, round.id);
  const { settings } = readCongress(db);
  // A closed round is recounted in full: its figures are the ones the scrutineers sign.
  const { tally, entered } = countRound(
    db,
    round.id,
    { candidateCount: candidates.length, ...roundJudging(db, round, contest) },
    round.status === 'closed',
  );
  const decision = decideRound({
    roundKind: round.kind,
    tieRevoteNeedsMajority: settings.tieRevoteNeedsMajority,
    tally,
    candidateNames: candidates.map((c) => c.name),
    seats: round.seats,
    kind: contest.kind,
    // A round not yet distributed has no snapshot; nothing can pass on an empty tally anyway.
    votersPresent: round.votersPresent ?? 0,
    due: round.due ?? 0,
  });

  const provisional: Provisional[] = [];
  if (round.status !== 'closed') provisional.push('not_closed');
  // Pending set-asides are entered too: the count of collected papers includes them.
  if (round.collected === null || entered !== round.collected) provisional.push('ballots_missing');
  if (tally.pendingSetAside > 0) provisional.push('set_aside_pending');
  if (contest.doubleEntry && stackSummaries(db, round.id).some((s) => !s.reconciled)) {
    provisional.push('stacks_unreconciled');
  }

  const meeting = findMeeting(db, contest.meetingId)!;
  const people = decision.elected.map((e) =>
    e.choice.kind === 'candidate' ? factsOf(candidates[e.choice.index]!) : writeInFacts(db, e.choice.name),
  );
  return { round, tally, decision, provisional, structure: bodyStructure(people, meeting.date) };
}

/** A written-in person's facts: the roster's when exactly one delegate has that name, else unknown. */
function writeInFacts(db: SqliteDb, name: string): PersonFacts {
  const matches = delegatesNamed(db, name);
  return matches.length === 1 ? factsOf(matches[0]!) : UNKNOWN_PERSON;
}

export function delegatesNamed(db: SqliteDb, name: string) {
  const wanted = normaliseName(name);
  return listDelegates(db).filter((d) => normaliseName(d.name) === wanted);
}

// ——— Notes from a handler's run to its audit payload and change events ———

/**
 * What a write knew inside its transaction (the ballot before a correction, the contest of a
 * removed candidate) but its contract output does not carry, keyed by the output object
 * itself: `auditPayload` and `changes` receive that very object.
 */
const notes = new WeakMap<object, unknown>();

export function withNote<T extends object>(output: T, note: unknown): T {
  notes.set(output, note);
  return output;
}

export const noteOf = <N>(output: object): N | undefined => notes.get(output) as N | undefined;
