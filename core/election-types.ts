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
  /** Write-in lines that do not count (no mark, or no candidate crossed to carry them). */
  ignoredWriteIns: number;
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
