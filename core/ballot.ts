import type {
  BallotJudgement,
  BallotMarks,
  BallotValidity,
  DisregardReason,
  MarkingConvention,
  Meaning,
  PaperMark,
  WriteInContext,
  WriteInFate,
  WriteInLine,
} from './election-types.js';
import { normaliseName } from './names.js';

/**
 * Rule 3. 选举办法 decides what a paper mark means: by default ○ 赞成, × 不赞成, no mark 弃权,
 * but a congress may reverse it (e.g. a pre-vote where no mark means agree).
 */
export function meaningOf(mark: PaperMark, convention: MarkingConvention): Meaning {
  return convention[mark];
}

/**
 * The round as rule 4 sees a write-in, from names as stored (normalised here): the names on
 * the paper, those elected in the contest's earlier rounds, and whether it is a tie revote.
 */
export function writeInContext(round: {
  printed?: Iterable<string>;
  excluded?: Iterable<string>;
  onlyTied?: boolean;
}): WriteInContext {
  const set = (names: Iterable<string> | undefined) => new Set([...(names ?? [])].map(normaliseName));
  return { printed: set(round.printed), excluded: set(round.excluded), onlyTied: round.onlyTied ?? false };
}

/**
 * No paper names and nobody elected yet: every marked write-in counts. Only for callers that
 * judge a ballot without its round (a bench); the store and the verifier pass the round's context.
 */
export const NO_WRITE_IN_CONTEXT: WriteInContext = writeInContext({});

/**
 * Rules 3 and 4 for the write-in lines of one ballot: each line's fate, in line order.
 * 另选他人: "对候选人投不赞成票的,可以另选他人", and the voter marks the written name; "弃权的不能另选他人".
 * A line counts when
 *  - its name is not empty;
 *  - writeInNeedsMark: the mark beside it means "for";
 *  - it names a person not on the paper (rule 4: the printed mark alone counts for a printed
 *    candidate), not elected in an earlier round of the contest (nobody is elected twice), and
 *    the round is not a tie revote (「就票数相等的被选举人再次投票」: only the tied can be chosen);
 *  - the same person is not already written on an earlier counting line (one ballot gives a
 *    person at most one vote);
 *  - writeInNeedsAgainst: a candidate marked against is left to carry it, taking the counting
 *    lines in line order. A disregarded line uses up no ×.
 */
export function writeInLines(
  ballot: BallotMarks,
  convention: MarkingConvention,
  context: WriteInContext = NO_WRITE_IN_CONTEXT,
): WriteInLine[] {
  // Fast path for the common ballot: no write-in lines at all.
  if (ballot.writeIns.length === 0) return [];
  let room = Number.POSITIVE_INFINITY;
  if (convention.writeInNeedsAgainst) {
    room = 0;
    for (const m of ballot.marks) if (convention[m] === 'against') room++;
  }
  const counting = new Set<string>();
  return ballot.writeIns.map((w) => {
    const name = normaliseName(w.name);
    const fate = fateOf(name, w.mark, convention, context, counting, room);
    if (fate === 'counts') counting.add(name);
    return { name, fate };
  });
}

function fateOf(
  name: string,
  mark: PaperMark,
  convention: MarkingConvention,
  context: WriteInContext,
  counting: ReadonlySet<string>,
  room: number,
): WriteInFate {
  if (name === '') return 'empty';
  if (convention.writeInNeedsMark && convention[mark] !== 'for') return 'no_mark';
  if (context.printed.has(name)) return 'disregarded_printed';
  if (context.excluded.has(name)) return 'disregarded_elected';
  if (context.onlyTied) return 'disregarded_tie_revote';
  if (counting.has(name)) return 'duplicate';
  if (counting.size >= room) return 'no_room';
  return 'counts';
}

/** The reason a disregarded line was disregarded, or null for any other fate. */
export function disregardReason(fate: WriteInFate): DisregardReason | null {
  switch (fate) {
    case 'disregarded_printed':
      return 'printed';
    case 'disregarded_elected':
      return 'elected';
    case 'disregarded_tie_revote':
      return 'tie_revote';
    default:
      return null;
  }
}

/** The written-in names that count on one ballot, normalised, in line order (see writeInLines). */
export function countingWriteIns(
  ballot: BallotMarks,
  convention: MarkingConvention,
  context: WriteInContext = NO_WRITE_IN_CONTEXT,
): string[] {
  const out: string[] = [];
  for (const line of writeInLines(ballot, convention, context)) if (line.fate === 'counts') out.push(line.name);
  return out;
}

/** Candidates on the ballot whose mark means "for". */
export function candidatesFor(ballot: BallotMarks, convention: MarkingConvention): number {
  let n = 0;
  for (const m of ballot.marks) if (convention[m] === 'for') n++;
  return n;
}

/**
 * Rule 4. "所选人数等于或者少于应选人数的为有效票,多于应选人数的为无效票。"
 * Persons chosen = candidates marked for + write-ins that count (a disregarded write-in chooses
 * nobody). Chosen > seats: the whole ballot is invalid (无效票) and counts for nobody. A blank
 * ballot is valid.
 */
export function judgeBallot(
  ballot: BallotMarks,
  seats: number,
  convention: MarkingConvention,
  context: WriteInContext = NO_WRITE_IN_CONTEXT,
): BallotJudgement {
  assertSeats(seats);
  const lines = writeInLines(ballot, convention, context);
  const writeIns: string[] = [];
  let ignored = 0;
  for (const line of lines) {
    if (line.fate === 'counts') writeIns.push(line.name);
    else if (line.fate !== 'empty') ignored++;
  }
  const chosen = candidatesFor(ballot, convention) + writeIns.length;
  return { valid: chosen <= seats, chosen, seats, ignoredWriteIns: ignored, writeIns, lines };
}

/** Rule 4's verdict alone (see judgeBallot for the write-in lines' fates). */
export function ballotValidity(
  ballot: BallotMarks,
  seats: number,
  convention: MarkingConvention,
  context: WriteInContext = NO_WRITE_IN_CONTEXT,
): BallotValidity {
  const { valid, chosen, ignoredWriteIns } = judgeBallot(ballot, seats, convention, context);
  return { valid, chosen, seats, ignoredWriteIns };
}

export function assertSeats(seats: number): void {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new RangeError(`seats must be a positive integer, got ${seats}`);
}
