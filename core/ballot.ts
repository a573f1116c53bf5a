import type { BallotMarks, BallotValidity, MarkingConvention, Meaning, PaperMark } from './election-types.js';

/**
 * Rule 3. 选举办法 decides what a paper mark means: by default ○ 赞成, × 不赞成, no mark 弃权,
 * but a congress may reverse it (e.g. a pre-vote where no mark means agree).
 */
export function meaningOf(mark: PaperMark, convention: MarkingConvention): Meaning {
  return convention[mark];
}

const HAN_GAP = /(\p{Script=Han})\s+(?=\p{Script=Han})/gu;

/**
 * A written-in name as it is compared and counted: NFKC (full-width letters and spaces fold),
 * trimmed, inner whitespace collapsed, and no whitespace between two Han characters ("田 富" is
 * 田富). Kept local on purpose: the roster's matching rules are not the count's rules.
 */
export function normaliseWriteInName(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(HAN_GAP, '$1');
}

/**
 * Rule 3. The written-in names that count on one ballot, normalised, in line order.
 * 另选他人: "对候选人投不赞成票的,可以另选他人", and the voter marks the written name; "弃权的不能另选他人".
 * A line counts when
 *  - its name is not empty;
 *  - writeInNeedsMark: the mark beside it means "for";
 *  - writeInNeedsAgainst: it is within the number of candidates marked against on the ballot,
 *    taking the qualifying lines in line order (an abstention cannot carry a write-in);
 *  - the same person is not already written on an earlier line of this ballot (one ballot gives
 *    a person at most one vote; the repeated line is ignored and carries nothing).
 */
export function countingWriteIns(ballot: BallotMarks, convention: MarkingConvention): string[] {
  // Fast path for the common ballot: no write-in lines at all.
  if (ballot.writeIns.length === 0) return [];
  let room = Number.POSITIVE_INFINITY;
  if (convention.writeInNeedsAgainst) {
    room = 0;
    for (const m of ballot.marks) if (convention[m] === 'against') room++;
  }
  const out: string[] = [];
  for (const w of ballot.writeIns) {
    if (out.length >= room) break;
    const name = normaliseWriteInName(w.name);
    if (name === '') continue;
    if (convention.writeInNeedsMark && convention[w.mark] !== 'for') continue;
    if (out.includes(name)) continue;
    out.push(name);
  }
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
 * Persons chosen = candidates marked for + write-ins that count. Chosen > seats: the whole
 * ballot is invalid (无效票) and counts for nobody. A blank ballot is valid.
 */
export function ballotValidity(ballot: BallotMarks, seats: number, convention: MarkingConvention): BallotValidity {
  assertSeats(seats);
  const writeIns = countingWriteIns(ballot, convention);
  const chosen = candidatesFor(ballot, convention) + writeIns.length;
  let named = 0;
  for (const w of ballot.writeIns) if (normaliseWriteInName(w.name) !== '') named++;
  return { valid: chosen <= seats, chosen, seats, ignoredWriteIns: named - writeIns.length };
}

export function assertSeats(seats: number): void {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new RangeError(`seats must be a positive integer, got ${seats}`);
}
