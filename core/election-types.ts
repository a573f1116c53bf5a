/**
 * The vocabulary of contests, rounds and ballots (issue 3). The rules that use it live in
 * ballot.ts, tally.ts, results.ts, margin.ts, ballot-order.ts and structure.ts.
 */

/** What is on the paper beside a name, as the counter sees it: ○, ×, or nothing. */
export const PAPER_MARKS = ['circle', 'cross', 'none'] as const;
export type PaperMark = (typeof PAPER_MARKS)[number];

/** What a mark means under the congress's 选举办法. */
export const MEANINGS = ['for', 'against', 'abstain'] as const;
export type Meaning = (typeof MEANINGS)[number];

/**
 * Rule 3. Default: ○ 赞成, × 不赞成, no mark 弃权. Some 选举办法 reverse a convention (a
 * pre-vote where no mark means agree), so each paper mark maps to a meaning.
 */
export interface MarkingConvention {
  circle: Meaning;
  cross: Meaning;
  none: Meaning;
  /** A written name counts only with a mark meaning "for" beside it (另选他人 and ○ the name). */
  writeInNeedsMark: boolean;
  /**
   * 对候选人投不赞成票的,可以另选他人: a write-in counts only in place of a candidate marked
   * against; an abstention cannot carry one. Counted write-ins are capped at the number of
   * candidates marked against on the same ballot, in line order.
   */
  writeInNeedsAgainst: boolean;
}

export const DEFAULT_CONVENTION: MarkingConvention = {
  circle: 'for',
  cross: 'against',
  none: 'abstain',
  writeInNeedsMark: true,
  writeInNeedsAgainst: true,
};

export interface WriteIn {
  name: string;
  mark: PaperMark;
}

/** One paper ballot exactly as entered: a mark per candidate in paper order, and write-in lines. */
export interface BallotMarks {
  marks: PaperMark[];
  writeIns: WriteIn[];
}

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

/** Who a vote is for: a candidate by position in the round's paper order, or a written-in name. */
export type Choice = { kind: 'candidate'; index: number } | { kind: 'writeIn'; name: string };

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

export interface CandidateTally {
  for: number;
  against: number;
  abstain: number;
}

export interface RoundTally {
  /** Ballots in the tally: valid + invalid. */
  counted: number;
  valid: number;
  invalid: number;
  /** Set aside and not yet decided: the result cannot be final while any remain. */
  pendingSetAside: number;
  /** Per candidate, in paper order. */
  candidates: CandidateTally[];
  /** Written-in names with their for-votes, most first, then by name. */
  writeIns: { name: string; for: number }[];
  /**
   * Marked write-ins that rule 4 disregarded on the valid ballots (naming a printed candidate,
   * someone already elected, or any write-in in a tie revote), per normalised name and reason,
   * in DISREGARD_REASONS order, then by name. They are in no other figure.
   */
  disregardedWriteIns: { name: string; reason: DisregardReason; count: number }[];
}

export interface RankedChoice {
  choice: Choice;
  name: string;
  votes: number;
}

export interface RoundDecision {
  /** Least for-votes that pass: more than half of the basis (rule 5). */
  threshold: number;
  /** 实到会有选举权人数 for an election, 应到会人数 for a pre-vote. */
  basis: number;
  basisKind: 'present' | 'due';
  /** All who passed the threshold, most votes first. */
  passed: RankedChoice[];
  elected: RankedChoice[];
  /** Tied at the cut: never broken by the app; a new vote among them for `seats` seats. */
  tie: { tied: RankedChoice[]; seats: number } | null;
  /** Seats left for 另行选举 or a presidium decision to reduce seats (rule 7). */
  unfilled: number;
  /**
   * Whether rule 5's more-than-half applied. False only in a tie revote whose congress does not
   * set tieRevoteNeedsMajority: the tied passed half already and most votes win (rule 6); then
   * `threshold` is 0.
   */
  majorityTest: boolean;
}

export interface PersonFacts {
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity: string | null;
  education: string | null;
}

export interface BodyStructure {
  total: number;
  women: number;
  /** Under 35 on the election day. */
  under35: number;
  /** Ethnic minority: any ethnicity other than 汉族. */
  minority: number;
  /** Count per education level, as given. */
  education: { level: string; count: number }[];
  /** People whose facts are missing, per fact, so a figure is never silently low. */
  unknown: { gender: number; birthDate: number; ethnicity: number; education: number };
}
