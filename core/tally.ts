import { assertSeats, candidatesFor, disregardReason, NO_WRITE_IN_CONTEXT, writeInLines } from './ballot.js';
import {
  type BallotMarks,
  type CandidateTally,
  DISREGARD_REASONS,
  type DisregardReason,
  type MarkingConvention,
  type RoundTally,
  type WriteInContext,
} from './election-types.js';

/**
 * A ballot as the tally sees it.
 * counted: entered and judged by the counters (valid or invalid by rule 4, decided here);
 * invalid_by_decision: set aside, then ruled 无效 by the chief scrutineer with the scrutineers;
 * pending: set aside and not yet decided — kept out of every figure but `pendingSetAside`.
 * A set-aside ballot ruled "as entered" is passed as `counted`.
 */
export type TallyBallotStatus = 'counted' | 'invalid_by_decision' | 'pending';
export interface TallyBallot {
  marks: BallotMarks;
  status: TallyBallotStatus;
}

/** How a stored ballot enters the tally; null when it does not (voided, superseded, a check keying). */
export function tallyStatusOf(b: {
  state: 'counted' | 'set_aside' | 'voided' | 'superseded';
  entry: 1 | 2 | null;
  decision: 'as_entered' | 'invalid' | null;
}): TallyBallotStatus | null {
  // Double entry: the first keying is counted, the second only checks it.
  if (b.entry === 2) return null;
  if (b.state === 'counted') return 'counted';
  if (b.state !== 'set_aside') return null;
  if (b.decision === 'invalid') return 'invalid_by_decision';
  return b.decision === 'as_entered' ? 'counted' : 'pending';
}

/**
 * The count of one round (rules 3 and 4, 计票结果报告单's 有效/无效 and 赞成/不赞成/弃权).
 * A valid ballot adds, per candidate, a for, against or abstain by the convention's meaning of
 * its mark, and a for-vote to each write-in that counts. An invalid ballot — rule 4
 * ("多于应选人数的为无效票") or ruled invalid by the scrutineers — counts in `invalid` and for
 * nobody. A ballot whose marks do not match the candidates is a programming error: throws.
 *
 * `context` is the round as rule 4 judges a write-in (the paper's names, those elected in the
 * contest's earlier rounds, a tie revote): a disregarded write-in counts for nobody and chooses
 * nobody; the valid ballots' disregarded lines are counted in `disregardedWriteIns` so the
 * scrutineers see what happened.
 */
export function tallyRound(
  candidateCount: number,
  ballots: readonly TallyBallot[],
  seats: number,
  convention: MarkingConvention,
  context: WriteInContext = NO_WRITE_IN_CONTEXT,
): RoundTally {
  assertSeats(seats);
  if (!Number.isSafeInteger(candidateCount) || candidateCount < 0) {
    throw new RangeError(`candidateCount must be a non-negative integer, got ${candidateCount}`);
  }
  // Flat per-meaning counters: 3 × candidateCount, index = candidate × 3 + meaning.
  const counts = new Array<number>(candidateCount * 3).fill(0);
  const slot: Record<string, number> = {
    circle: MEANING_SLOT[convention.circle],
    cross: MEANING_SLOT[convention.cross],
    none: MEANING_SLOT[convention.none],
  };
  const writeIns = new Map<string, number>();
  /** Key: reason + '\n' + name (a normalised name has no line break). */
  const disregarded = new Map<string, number>();
  let valid = 0;
  let invalid = 0;
  let pending = 0;

  for (const b of ballots) {
    const marks = b.marks.marks;
    if (marks.length !== candidateCount) {
      throw new Error(`ballot has ${marks.length} marks for ${candidateCount} candidates`);
    }
    if (b.status === 'pending') {
      pending++;
      continue;
    }
    if (b.status === 'invalid_by_decision') {
      invalid++;
      continue;
    }
    if (b.status !== 'counted') throw new Error(`unknown ballot status ${String(b.status)}`);
    // Rule 4 inline (same functions as judgeBallot, without the per-ballot object).
    const lines = writeInLines(b.marks, convention, context);
    let counting = 0;
    for (const line of lines) if (line.fate === 'counts') counting++;
    if (candidatesFor(b.marks, convention) + counting > seats) {
      invalid++;
      continue;
    }
    valid++;
    for (let i = 0; i < candidateCount; i++) {
      const s = slot[marks[i]!];
      if (typeof s !== 'number') throw new Error(`unknown mark ${String(marks[i])}`);
      counts[i * 3 + s]!++;
    }
    for (const line of lines) {
      if (line.fate === 'counts') {
        writeIns.set(line.name, (writeIns.get(line.name) ?? 0) + 1);
        continue;
      }
      const reason = disregardReason(line.fate);
      if (reason === null) continue;
      const key = `${reason}\n${line.name}`;
      disregarded.set(key, (disregarded.get(key) ?? 0) + 1);
    }
  }

  const candidates: CandidateTally[] = [];
  for (let i = 0; i < candidateCount; i++) {
    candidates.push({ for: counts[i * 3]!, against: counts[i * 3 + 1]!, abstain: counts[i * 3 + 2]! });
  }
  return {
    counted: valid + invalid,
    valid,
    invalid,
    pendingSetAside: pending,
    candidates,
    writeIns: [...writeIns]
      .map(([name, n]) => ({ name, for: n }))
      .sort((a, b) => b.for - a.for || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    disregardedWriteIns: sortDisregarded(
      [...disregarded].map(([key, count]) => {
        const at = key.indexOf('\n');
        return { name: key.slice(at + 1), reason: key.slice(0, at) as DisregardReason, count };
      }),
    ),
  };
}

/** RoundTally's order of disregarded write-ins: by reason (DISREGARD_REASONS order), then name. */
export function sortDisregarded<T extends { name: string; reason: DisregardReason }>(list: T[]): T[] {
  return list.sort(
    (a, b) =>
      DISREGARD_REASONS.indexOf(a.reason) - DISREGARD_REASONS.indexOf(b.reason) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

const MEANING_SLOT = { for: 0, against: 1, abstain: 2 } as const;
