/**
 * Rule 8. 差额选举: "候选人应当多于应选人数 … 差额比例不少于 20%" (委员 and 代表 alike), rounded up —
 * 7 seats at 20% need at least 9 candidates (7 + ⌈1.4⌉), 5 seats 6, 10 seats 12. Integer percent and
 * integer arithmetic, so no floating-point residue (as with a margin stored as 0.2) can add a seat.
 */
export function requiredCandidates(seats: number, marginPercent: number): number {
  assertCount('seats', seats);
  assertCount('marginPercent', marginPercent);
  // ⌈seats × margin / 100⌉ on integers.
  return seats + Math.floor((seats * marginPercent + 99) / 100);
}

/** Candidates still missing for the margin; 0 when there are enough. */
export function marginShortfall(seats: number, marginPercent: number, candidates: number): number {
  assertCount('candidates', candidates);
  return Math.max(0, requiredCandidates(seats, marginPercent) - candidates);
}

function assertCount(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a non-negative integer, got ${n}`);
}
