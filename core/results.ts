import { assertSeats } from './ballot.js';
import type { ContestKind, RankedChoice, RoundDecision, RoundKind, RoundTally } from './election-types.js';

export interface DecideRoundInput {
  tally: RoundTally;
  /** Candidate names in paper order, one per `tally.candidates` entry. */
  candidateNames: readonly string[];
  seats: number;
  kind: ContestKind;
  /** 实到会有选举权人数: voting delegates present at the meeting (列席 and 候补 excluded). */
  votersPresent: number;
  /** 应到会人数: voting delegates due to attend. */
  due: number;
  /** The round's kind; a tie revote ranks without the more-than-half test (rule 6). Default: first. */
  roundKind?: RoundKind;
  /** The congress's 选举办法 demands more than half again in a tie revote. Default: false (the 条例). */
  tieRevoteNeedsMajority?: boolean;
}

/**
 * Rules 5–7: who is elected in one round. The app decides nothing the rules leave to people:
 * a tie at the cut goes to a new vote, missing seats to 另行选举 or the presidium.
 *
 * The result is only as final as the tally: while `tally.pendingSetAside > 0` it is provisional
 * and the caller must say so.
 */
export function decideRound(input: DecideRoundInput): RoundDecision {
  const { tally, candidateNames, seats, kind } = input;
  assertSeats(seats);
  if (candidateNames.length !== tally.candidates.length) {
    throw new Error(`${candidateNames.length} names for ${tally.candidates.length} candidates`);
  }
  // Rule 5. 正式选举: "被选举人获得的赞成票超过实到会有选举权人数的一半,始得当选" — the basis is
  // the voters present, not the ballots collected nor the valid ballots. 预选: more than half of
  // those due to attend (应到会人数). Exactly half fails: 2 × for > basis.
  const basisKind = kind === 'prevote' ? 'due' : 'present';
  const basis = kind === 'prevote' ? input.due : input.votersPresent;
  if (!Number.isSafeInteger(basis) || basis < 0)
    throw new RangeError(`basis must be a non-negative integer, got ${basis}`);
  // Rule 6. 「就票数相等的被选举人再次投票,得票多的当选」: the tied all passed half in the vote
  // that tied them, so their revote ranks them by votes alone — unless the congress's 选举办法
  // asks for more than half again. A renewed tie at the cut is a tie again (another revote).
  const majorityTest = input.roundKind !== 'tie_revote' || input.tieRevoteNeedsMajority === true;
  const threshold = majorityTest ? Math.floor(basis / 2) + 1 : 0;
  const passes = majorityTest ? (votes: number) => 2 * votes > basis : () => true;

  // Candidates and write-ins alike are eligible (另选他人 elects too when it passes).
  const all: RankedChoice[] = [];
  tally.candidates.forEach((c, index) => {
    all.push({ choice: { kind: 'candidate', index }, name: candidateNames[index]!, votes: c.for });
  });
  for (const w of tally.writeIns) all.push({ choice: { kind: 'writeIn', name: w.name }, name: w.name, votes: w.for });
  // Most votes first; equal votes keep paper order, then write-ins (display only — never a tie-break).
  const passed = all.filter((r) => passes(r.votes)).sort((a, b) => b.votes - a.votes);

  // Rule 7. "当选人少于应选名额时,对不足的名额可以另行选举" — or the presidium reduces the seats.
  // Those at or under half are never elected by rank.
  if (passed.length <= seats) {
    return {
      threshold,
      basis,
      basisKind,
      passed,
      elected: passed,
      tie: null,
      unfilled: seats - passed.length,
      majorityTest,
    };
  }

  // Rule 6. "当选人多于应选名额时,以得票多少为序,至取足应选名额为止。如遇票数相等不能确定当选人时,
  // 应当就票数相等的被选举人重新投票,得票多的当选。" A tie that straddles the cut is never broken here.
  const cut = passed[seats - 1]!.votes;
  if (passed[seats]!.votes < cut) {
    return {
      threshold,
      basis,
      basisKind,
      passed,
      elected: passed.slice(0, seats),
      tie: null,
      unfilled: 0,
      majorityTest,
    };
  }
  const elected = passed.filter((r) => r.votes > cut);
  const tied = passed.filter((r) => r.votes === cut);
  return {
    threshold,
    basis,
    basisKind,
    passed,
    elected,
    tie: { tied, seats: seats - elected.length },
    unfilled: 0,
    majorityTest,
  };
}
