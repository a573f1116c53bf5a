/**
 * Paper ballots as the counters enter them. Rule 4's validity is core's (`judgeBallot`, with the
 * contest's convention and the round's write-in context — see `roundJudging`):
 * an invalid ballot is stored and counted as invalid, never refused. A ballot is never
 * deleted: a correction adds a version that replaces it, a void keeps it with its reason,
 * and the audit row of either holds both versions.
 */
import { disregardReason, judgeBallot } from '../../core/ballot.js';
import type { BallotJudgement, BallotMarks } from '../../core/election-types.js';
import { andThen, at, ok, type Result, refuse, warning } from '../../core/result.js';
import { canRound, type RoundAction } from '../../core/round-state.js';
import { done, query, type UpdateCall, type Written, within } from '../handler-types.js';
import type { SqliteDb } from '../open.js';
import { pageToConfirm } from '../scan/pages.js';
import {
  type Ballot,
  ballotNotFound,
  bumpRevision,
  enteredCount,
  findBallot,
  insertBallot,
  isLive,
  LIVE_STATES,
  listBallots,
  roundJudging,
  withdrawBallot,
} from './ballot-rows.js';
import { type RoundContext, requireRound } from './round-rows.js';

/** What a ballot write knew that its output does not carry: the contest, and the ballot it changed. */
export interface BallotNote {
  contestId: number;
  before?: Ballot;
  /** The scanned page the paper was confirmed from: its number in the round and its file's name. */
  page?: { seq: number; name: string };
}

export const ballotChanged = (roundId: number, { contestId }: { contestId: number }) => [
  { topic: 'ballots' as const, roundId, contestId },
];

/** Entry, corrections, voids and decisions only while the round is being counted (core/round-state.ts). */
export function requireCounting(ctx: RoundContext, action: RoundAction = 'ballots.enter'): Result<RoundContext> {
  const allowed = canRound(ctx.round, ctx.contest.title, action);
  return allowed.ok ? ok(ctx) : allowed;
}

/** A round that ballots may be written to, by id. */
export function requireCountingRound(
  db: SqliteDb,
  roundId: number,
  action: RoundAction = 'ballots.enter',
): Result<RoundContext> {
  const found = requireRound(db, roundId);
  return found.ok ? requireCounting(found.value, action) : found;
}

function checkMarks(ctx: RoundContext, marks: BallotMarks): Result<void> {
  const expected = ctx.round.candidateIds.length;
  if (marks.marks.length !== expected) {
    return refuse(
      'invalid_input',
      'ballot.marks_count',
      { contest: ctx.contest.title, round: ctx.round.number, expected, given: marks.marks.length },
      at('marks', marks.marks.length),
    );
  }
  return ok(undefined);
}

/** Rule 4 with the contest's convention and the round's context: a disregarded write-in chooses nobody. */
function validityOf(db: SqliteDb, ctx: RoundContext, marks: BallotMarks) {
  const { seats, convention, context } = roundJudging(db, ctx.round, ctx.contest);
  return judgeBallot(marks, seats, convention, context);
}

/**
 * Rule 4's disregarded write-ins (naming a printed candidate, someone elected before, any name in a
 * tie revote) are allowed, but the counter must see why before the ballot is written: a warning
 * each, acknowledged and audited (db/commit.ts).
 */
function warnDisregarded(call: UpdateCall, judged: BallotJudgement): void {
  for (const line of judged.lines) {
    const why = disregardReason(line.fate);
    if (why !== null) call.warn(warning('warning.write_in_disregarded', { name: line.name, why }));
  }
}

const sameMarks = (a: BallotMarks, b: BallotMarks) =>
  JSON.stringify(a.marks) === JSON.stringify(b.marks) &&
  JSON.stringify(a.writeIns.map((w) => [w.name, w.mark])) === JSON.stringify(b.writeIns.map((w) => [w.name, w.mark]));

/** A ballot and the round it is in, being counted. */
interface BallotAt {
  ballot: Ballot;
  ctx: RoundContext;
}

function requireBallot(db: SqliteDb, ballotId: number): Result<BallotAt> {
  const ballot = findBallot(db, ballotId);
  if (!ballot) return ballotNotFound(ballotId);
  const ctx = requireRound(db, ballot.roundId);
  if (!ctx.ok) return ctx;
  const counting = requireCounting(ctx.value);
  if (!counting.ok) return counting;
  return ok({ ballot, ctx: ctx.value });
}

/** The paper's number for a refusal (issue 15: never the record's seq); its record's if it has none. */
const paperNoOf = (ballot: Ballot): number => ballot.no ?? ballot.seq;

function requireLive(ballot: Ballot): Result<Ballot> {
  if (isLive(ballot.state)) return ok(ballot);
  const field = at('ballotId', ballot.id);
  // A voided paper has no place in the stack: its entry record names it.
  return ballot.state === 'voided'
    ? refuse('conflict', 'ballot.voided', { seq: ballot.seq }, field)
    : refuse('conflict', 'ballot.corrected', { no: paperNoOf(ballot) }, field);
}

export const list = query<'ballots.list'>((input, { db }) =>
  andThen(requireRound(db, input.roundId), () => ok(listBallots(db, input.roundId))),
);

export const enter = within<'ballots.enter', RoundContext, undefined, BallotNote>(
  (input, db) => requireCountingRound(db, input.roundId),
  {
    run(ctx, input, call) {
      const { db } = call;
      const { round, contest } = ctx;
      const marks: BallotMarks = { marks: input.marks, writeIns: input.writeIns };
      const checked = checkMarks(ctx, marks);
      if (!checked.ok) return checked;
      // Issue 13: a paper confirmed from a scanned page records the page and its image's hash.
      const page =
        input.pageId === undefined || input.pageId === null
          ? null
          : pageToConfirm(db, input.pageId, { id: round.id, number: round.number, title: contest.title });
      if (page && !page.ok) return page;

      let place: { stack: number; entry: 1 | 2; position: number } | null = null;
      if (contest.doubleEntry) {
        if (input.stack === null) {
          return refuse('invalid_input', 'ballot.stack_required', { contest: contest.title }, { field: 'stack' });
        }
        if (input.entry === null) {
          return refuse('invalid_input', 'ballot.entry_required', { contest: contest.title }, { field: 'entry' });
        }
        const position = db
          .prepare(
            `SELECT coalesce(max(stack_position), 0) + 1 FROM ballots
           WHERE round_id = ? AND stack = ? AND entry = ? AND state IN ${LIVE_STATES}`,
          )
          .pluck()
          .get(round.id, input.stack, input.entry) as number;
        place = { stack: input.stack, entry: input.entry, position };
      } else if (input.stack !== null || input.entry !== null) {
        return refuse(
          'invalid_input',
          'ballot.no_double_entry',
          { contest: contest.title },
          { field: input.stack !== null ? 'stack' : 'entry' },
        );
      }

      // Never more ballots than were collected (per keying in double entry).
      const entered = enteredCount(db, round.id, place?.entry ?? null);
      const collected = round.collected!;
      if (entered >= collected) {
        const params = { contest: contest.title, round: round.number, collected, entered };
        const field = at('roundId', round.id);
        return place
          ? refuse('conflict', 'ballot.all_entered_pass', { ...params, entry: place.entry }, field)
          : refuse('conflict', 'ballot.all_entered', params, field);
      }

      const validity = validityOf(db, ctx, marks);
      warnDisregarded(call, validity);
      const ballot = insertBallot(db, {
        roundId: round.id,
        stack: place?.stack ?? null,
        entry: place?.entry ?? null,
        stackPosition: place?.position ?? null,
        state: input.setAside ? 'set_aside' : 'counted',
        marks,
        chosen: validity.chosen,
        // Set aside: the scrutineers decide; until then it is neither valid nor invalid.
        valid: input.setAside ? null : validity.valid,
        decision: null,
        replaces: null,
        reason: null,
        enteredBy: call.operator,
        enteredAt: call.now,
        revision: bumpRevision(db, round.id),
        page: page ? { id: page.value.id, sha256: page.value.sha256 } : null,
      });
      return done(ballot, {
        contestId: contest.id,
        ...(page ? { page: { seq: page.value.seq, name: page.value.sourceName } } : {}),
      });
    },
    audit: (_input, output, { note }) => (note.page ? { after: output, page: note.page } : { after: output }),
    changes: (_input, output, { note }) => ballotChanged(output.roundId, note),
  },
);

/** A correction or a void: the audit row keeps both versions of the ballot and the reason. */
const beforeAndAfter = (input: { reason: string }, output: Ballot, { note }: Written<BallotNote, undefined>) => ({
  reason: input.reason,
  before: note.before,
  after: output,
});

/** A committed ballot entered wrongly: the corrected version replaces it; both stay. */
export const correct = within<'ballots.correct', BallotAt, undefined, BallotNote>(
  (input, db) => requireBallot(db, input.ballotId),
  {
    run({ ballot, ctx }, input, call) {
      const { db } = call;
      const live = requireLive(ballot);
      if (!live.ok) return live;
      const marks: BallotMarks = { marks: input.marks, writeIns: input.writeIns };
      const checked = checkMarks(ctx, marks);
      if (!checked.ok) return checked;
      if (sameMarks(marks, ballot)) {
        return refuse('invalid_input', 'ballot.correction_same', { no: paperNoOf(ballot) }, { field: 'marks' });
      }
      const validity = validityOf(db, ctx, marks);
      warnDisregarded(call, validity);
      const revision = bumpRevision(db, ctx.round.id);
      withdrawBallot(db, ballot.id, 'superseded', input.reason, revision);
      const setAside = ballot.state === 'set_aside';
      const after = insertBallot(db, {
        roundId: ctx.round.id,
        stack: ballot.stack,
        entry: ballot.entry,
        stackPosition: ballot.stackPosition,
        // A set-aside ballot stays with the scrutineers: their decision was on the old marks.
        state: setAside ? 'set_aside' : 'counted',
        marks,
        chosen: validity.chosen,
        valid: setAside ? null : validity.valid,
        decision: null,
        replaces: ballot.id,
        reason: input.reason,
        enteredBy: call.operator,
        enteredAt: call.now,
        revision,
        // A corrected paper is still the scanned page it was confirmed from.
        page: ballot.pageId === null ? null : { id: ballot.pageId, sha256: ballot.imageSha256! },
      });
      return done(after, { contestId: ctx.contest.id, before: ballot });
    },
    audit: beforeAndAfter,
    changes: (_input, output, { note }) => ballotChanged(output.roundId, note),
  },
);

export const voidBallot = within<'ballots.void', BallotAt, undefined, BallotNote>(
  (input, db) => requireBallot(db, input.ballotId),
  {
    run({ ballot, ctx }, input, { db }) {
      const live = requireLive(ballot);
      if (!live.ok) return live;
      const after = withdrawBallot(db, ballot.id, 'voided', input.reason, bumpRevision(db, ctx.round.id));
      return done(after, { contestId: ctx.contest.id, before: ballot });
    },
    audit: beforeAndAfter,
    changes: (_input, output, { note }) => ballotChanged(output.roundId, note),
  },
);

/** Rule 4: a ballot the counters could not judge, decided by the chief scrutineer (the operator). */
export const decide = within<'ballots.decide', BallotAt, undefined, BallotNote>(
  (input, db) => requireBallot(db, input.ballotId),
  {
    run({ ballot, ctx }, input, call) {
      const { db } = call;
      const field = at('ballotId', ballot.id);
      if (ballot.state !== 'set_aside') {
        return refuse('conflict', 'ballot.not_set_aside', { no: paperNoOf(ballot) }, field);
      }
      if (ballot.decision !== null) {
        return refuse('conflict', 'ballot.already_decided', { no: paperNoOf(ballot), by: ballot.decision.by }, field);
      }
      const valid = input.verdict === 'invalid' ? false : validityOf(db, ctx, ballot).valid;
      const note = input.note === null || input.note === '' ? null : input.note;
      db.prepare(
        `UPDATE ballots SET decision = ?, decision_by = ?, decision_note = ?, decision_at = ?, valid = ?, revision = ?
       WHERE id = ?`,
      ).run(input.verdict, call.operator, note, call.now, valid ? 1 : 0, bumpRevision(db, ctx.round.id), ballot.id);
      return done(findBallot(db, ballot.id)!, { contestId: ctx.contest.id, before: ballot });
    },
    audit: (_input, output, { note }) => ({ before: note.before, after: output }),
    changes: (_input, output, { note }) => ballotChanged(output.roundId, note),
  },
);
