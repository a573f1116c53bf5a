import type { QuorumState } from './domain.js';

/**
 * Rule 1. 《基层组织选举工作条例》: 进行选举时,有选举权的到会人数超过应到会人数的五分之四,
 * 会议有效. Strict by default (`5 × present > 4 × due`); a congress setting may allow
 * equality, since older guidance read it so. Only voting delegates (正式代表) count on
 * either side: 列席 and 候补代表 never do.
 */
export function quorumState(due: number, present: number, allowEqual: boolean): QuorumState {
  const met = allowEqual ? 5 * present >= 4 * due : 5 * present > 4 * due;
  // Smallest head-count that satisfies the test above.
  const target = allowEqual ? Math.ceil((4 * due) / 5) : Math.floor((4 * due) / 5) + 1;
  return { met, needed: met ? 0 : Math.max(0, target - present), allowEqual };
}
