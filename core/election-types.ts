/**
 * The vocabulary of contests, rounds and ballots (issue 3). The rules that use it live in
 * ballot.ts, tally.ts, results.ts, margin.ts, ballot-order.ts and structure.ts; the entities
 * built from it in core/model/.
 */
import type { MarkingConvention } from './model/congress.js';

export type { MarkingConvention } from './model/congress.js';
export type { BodyStructure, PersonFacts } from './model/contests.js';
export type {
  BallotMarks,
  CandidateTally,
  Choice,
  RankedChoice,
  RoundDecision,
  RoundTally,
  WriteIn,
} from './model/count.js';

/** What is on the paper beside a name, as the counter sees it: ○, ×, or nothing. */
export const PAPER_MARKS = ['circle', 'cross', 'none'] as const;
export type PaperMark = (typeof PAPER_MARKS)[number];

/** What a mark means under the congress's 选举办法. */
export const MEANINGS = ['for', 'against', 'abstain'] as const;
export type Meaning = (typeof MEANINGS)[number];

export const DEFAULT_CONVENTION: MarkingConvention = {
  circle: 'for',
  cross: 'against',
  none: 'abstain',
  writeInNeedsMark: true,
  writeInNeedsAgainst: true,
};

export const CONTEST_KINDS = ['election', 'prevote'] as const;
/** election: 正式选举; prevote: 预选 (threshold on those due to attend, rule 5). */
export type ContestKind = (typeof CONTEST_KINDS)[number];

export const ROUND_KINDS = ['first', 'tie_revote', 'additional', 'rerun'] as const;
/**
 * first: the contest's first vote; tie_revote: 得票相等不能确定当选人时, a new vote among the tied
 * (rule 6); additional: 另行选举 for seats left unfilled (rule 7); rerun: 重新选举 after a void
 * round (collected > issued, rule 2).
 */
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_STATUSES = ['setup', 'voting', 'void', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const BALLOT_STATES = ['counted', 'set_aside', 'voided', 'superseded'] as const;
/**
 * counted: in the tally (valid or invalid by rule 4); set_aside: the counters could not judge
 * it, waiting for the scrutineers; voided / superseded: withdrawn with a reason or replaced by a
 * correction — kept, never deleted.
 */
export type BallotState = (typeof BALLOT_STATES)[number];

/** A scrutineers' decision on a set-aside ballot. */
export type ScrutinyVerdict = 'as_entered' | 'invalid';

export interface BallotValidity {
  valid: boolean;
  /** Persons chosen = candidates marked for + write-ins that count (rule 4). */
  chosen: number;
  seats: number;
  /** Write-in lines with a name that do not count (any fate but `counts` and `empty`). */
  ignoredWriteIns: number;
}

/**
 * What rule 4 needs to know about the round to judge a write-in: 「A write-in is a vote for a
 * person not on the paper」. Names are compared by `normaliseName` (core/names.ts).
 */
export interface WriteInContext {
  /** Normalised names printed on this round's paper. */
  printed: ReadonlySet<string>;
  /** Normalised names of those elected in the contest's earlier closed rounds. */
  excluded: ReadonlySet<string>;
  /**
   * A tie revote (rule 6, 「就票数相等的被选举人再次投票」): only the tied, who are the printed
   * names, can be chosen, so every write-in is disregarded.
   */
  onlyTied: boolean;
}

export const WRITE_IN_FATES = [
  'counts',
  'disregarded_printed',
  'disregarded_elected',
  'disregarded_tie_revote',
  'no_mark',
  'no_room',
  'duplicate',
  'empty',
] as const;
/**
 * What became of one write-in line of a ballot, in the order they are tested:
 * empty: no name; no_mark: writeInNeedsMark and the mark beside it does not mean "for";
 * disregarded_printed: names a candidate on the paper (the printed mark alone counts);
 * disregarded_elected: names someone elected in an earlier round of the contest;
 * disregarded_tie_revote: any write-in in a tie revote; duplicate: the same person on an earlier
 * counting line; no_room: writeInNeedsAgainst and every × on the ballot already carries a
 * write-in; counts: a for-vote for the written person.
 */
export type WriteInFate = (typeof WRITE_IN_FATES)[number];

export const DISREGARD_REASONS = ['printed', 'elected', 'tie_revote'] as const;
/** Why a marked write-in was disregarded by rule 4 (fate `disregarded_<reason>`). */
export type DisregardReason = (typeof DISREGARD_REASONS)[number];

/** One write-in line as judged: its name normalised, and its fate. */
export interface WriteInLine {
  name: string;
  fate: WriteInFate;
}

/** A ballot judged by rules 3 and 4: validity, the write-ins that count, and every line's fate. */
export interface BallotJudgement extends BallotValidity {
  /** Normalised names of the write-ins that count, in line order. */
  writeIns: string[];
  /** One per write-in line of the ballot, in the same order. */
  lines: WriteInLine[];
}
