/**
 * Double entry: each numbered stack is keyed twice, blind; places where the two keyings
 * differ are settled by the scrutineers, who keep one version. The tally counts the first
 * keying, so the version kept is written into both slots: the other one is superseded by a
 * copy of the kept one, and a place is settled when both keyings read the same.
 */
import { andThen, at, ok, refuse } from '../../core/result.js';
import { done, query, type UpdateHandler } from '../handler-types.js';
import { type Ballot, bumpRevision, findBallot, insertBallot, withdrawBallot } from './ballot-rows.js';
import { ballotChanged, requireCountingRound } from './ballots.js';
import { requireRound } from './round-rows.js';
import { stackPlacesOf, stackSummaries, stackSummary } from './stack-places.js';

export const list = query<'stacks.list'>((input, { db }) =>
  andThen(requireRound(db, input.roundId), (found) =>
    ok(found.contest.doubleEntry ? stackSummaries(db, input.roundId) : []),
  ),
);

export const compare = query<'stacks.compare'>((input, { db }) =>
  andThen(requireRound(db, input.roundId), () =>
    ok(
      stackPlacesOf(db, input.roundId, input.stack).map((p) => ({
        position: p.position,
        first: p.first ? findBallot(db, p.first.id)! : null,
        second: p.second ? findBallot(db, p.second.id)! : null,
        same: p.same,
      })),
    ),
  ),
);

interface SettleNote {
  contestId: number;
  before: { first: Ballot | null; second: Ballot | null };
  after: { first: Ballot | null; second: Ballot | null };
}

export const settle: UpdateHandler<'stacks.settle', undefined, SettleNote> = {
  kind: 'update',
  run(input, call) {
    const { db } = call;
    const counting = requireCountingRound(db, input.roundId, 'stacks.settle');
    if (!counting.ok) return counting;
    const { round, contest } = counting.value;
    const spot = { contest: contest.title, round: round.number, stack: input.stack, position: input.position };
    if (!contest.doubleEntry) {
      return refuse('conflict', 'contest.not_double_entry', { contest: contest.title }, at('roundId', round.id));
    }
    const place = stackPlacesOf(db, round.id, input.stack).find((p) => p.position === input.position);
    if (!place) {
      return refuse('not_found', 'stack.no_position', spot, at('position', input.position));
    }
    if (place.same) {
      return refuse('conflict', 'stack.entries_agree', spot, at('position', input.position));
    }
    const before = {
      first: place.first ? findBallot(db, place.first.id)! : null,
      second: place.second ? findBallot(db, place.second.id)! : null,
    };
    const kept = input.keep === 1 ? before.first : before.second;
    const other = input.keep === 1 ? before.second : before.first;
    const otherEntry: 1 | 2 = input.keep === 1 ? 2 : 1;
    const reason = `双录核对: 保留第${input.keep}次录入`;
    const revision = bumpRevision(db, round.id);
    // Keeping "no ballot here" withdraws the other keying's ballot at this place.
    if (other) withdrawBallot(db, other.id, kept ? 'superseded' : 'voided', reason, revision);
    let copy: Ballot | null = null;
    if (kept) {
      copy = insertBallot(db, {
        roundId: round.id,
        stack: input.stack,
        entry: otherEntry,
        stackPosition: input.position,
        state: kept.state === 'set_aside' ? 'set_aside' : 'counted',
        marks: { marks: kept.marks, writeIns: kept.writeIns },
        chosen: kept.chosen,
        valid: kept.valid,
        decision: kept.decision,
        replaces: other?.id ?? null,
        reason,
        enteredBy: call.operator,
        enteredAt: call.now,
        revision,
      });
    }
    const after = input.keep === 1 ? { first: kept, second: copy } : { first: copy, second: kept };
    return done(stackSummary(db, round.id, input.stack), { contestId: contest.id, before, after });
  },
  audit: (input, _output, { note }) => ({ ...input, before: note.before, after: note.after }),
  changes: (input, _output, { note }) => ballotChanged(input.roundId, note),
};
