/**
 * Rounds of a contest, the ballots keyed in them, the double-entry stacks, and a round's result:
 * the tally (rules 3 and 4) and the decision (rules 5 to 7).
 */
import { z } from 'zod';
import {
  BALLOT_STATES,
  DISREGARD_REASONS,
  PAPER_MARKS,
  ROUND_KINDS,
  ROUND_STATUSES,
  WRITE_IN_FATES,
} from '../election-types.js';
import { bodyStructure } from './contests.js';
import { id, text } from './fields.js';

export const paperMark = z.enum(PAPER_MARKS);

/** A written-in name (另选他人) and the mark beside it. */
export const writeIn = z.object({ name: text(64), mark: paperMark }).strict();
export type WriteIn = z.infer<typeof writeIn>;

/**
 * One paper ballot exactly as entered: a mark per candidate in paper order, and write-in lines.
 * Marks are checked against the round's candidate count by the handler.
 */
export const ballotMarks = z.object({ marks: z.array(paperMark).max(500), writeIns: z.array(writeIn).max(100) });
export type BallotMarks = z.infer<typeof ballotMarks>;

export const round = z.object({
  id,
  contestId: id,
  number: z.number().int(),
  kind: z.enum(ROUND_KINDS),
  seats: z.number().int(),
  status: z.enum(ROUND_STATUSES),
  /** Paper order of this round's candidates. */
  candidateIds: z.array(id),
  votersPresent: z.number().int().nullable(),
  due: z.number().int().nullable(),
  ballotsPrinted: z.number().int().nullable(),
  issued: z.number().int().nullable(),
  spareVoided: z.number().int().nullable(),
  collected: z.number().int().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Rule 16: the presidium declared the round void (选举无效) with this reason; a rerun follows. */
  voidDeclaration: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
});
export type Round = z.infer<typeof round>;

export const ballot = z.object({
  id,
  roundId: id,
  /** Order of entry in the round, 1-based, counting every version: a record number, not the paper's. */
  seq: z.number().int(),
  /**
   * The paper's number (issue 15): in single entry its place among the round's live papers in
   * entry order (1…n, n ≤ collected), in double entry its place in the stack's keying. Every
   * version of a paper has the paper's number; a voided paper is in no place (null).
   */
  no: z.number().int().nullable(),
  /** Corrections before this version: 0 as first entered, 1 once corrected… */
  version: z.number().int(),
  stack: z.number().int().nullable(),
  /** In double entry: first or second keying of the stack. */
  entry: z.union([z.literal(1), z.literal(2)]).nullable(),
  /** Position within the stack's entry, 1-based. */
  stackPosition: z.number().int().nullable(),
  state: z.enum(BALLOT_STATES),
  marks: z.array(paperMark),
  writeIns: z.array(z.object({ name: z.string(), mark: paperMark })),
  /** Rule 4's fate of each write-in line, in line order (core/ballot.ts `writeInLines`). */
  writeInFates: z.array(z.enum(WRITE_IN_FATES)),
  /** Rule 4 on the marks; null while set aside and undecided. */
  valid: z.boolean().nullable(),
  chosen: z.number().int(),
  decision: z
    .object({ verdict: z.enum(['as_entered', 'invalid']), by: z.string(), note: z.string().nullable(), at: z.string() })
    .nullable(),
  replaces: id.nullable(),
  reason: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  /**
   * Where the marks came from (issue 13): keyed by a person, or a scanned page a person confirmed
   * (`pageId`, and the SHA-256 of the page's stored image, which the result file carries).
   * Every version of a paper keeps its page.
   */
  source: z.enum(['keyed', 'scan']),
  pageId: id.nullable(),
  imageSha256: z.string().nullable(),
});
export type Ballot = z.infer<typeof ballot>;

/** One stack of a double-entry round: how far each keying got and whether they agree. */
export const stackSummary = z.object({
  stack: z.number().int(),
  first: z.number().int(),
  second: z.number().int(),
  differences: z.number().int(),
  reconciled: z.boolean(),
});
export type StackSummary = z.infer<typeof stackSummary>;

/** Who a vote is for: a candidate by position in the round's paper order, or a written-in name. */
export const choice = z.union([
  z.object({ kind: z.literal('candidate'), index: z.number().int() }),
  z.object({ kind: z.literal('writeIn'), name: z.string() }),
]);
export type Choice = z.infer<typeof choice>;

export const rankedChoice = z.object({ choice, name: z.string(), votes: z.number().int() });
export type RankedChoice = z.infer<typeof rankedChoice>;

export const candidateTally = z.object({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() });
export type CandidateTally = z.infer<typeof candidateTally>;

export const roundTally = z.object({
  /** Ballots in the tally: valid + invalid. */
  counted: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** Set aside and not yet decided: the result cannot be final while any remain. */
  pendingSetAside: z.number().int(),
  /** Per candidate, in paper order. */
  candidates: z.array(candidateTally),
  /** Written-in names with their for-votes, most first, then by name. */
  writeIns: z.array(z.object({ name: z.string(), for: z.number().int() })),
  /**
   * Marked write-ins that rule 4 disregarded on the valid ballots (naming a printed candidate,
   * someone already elected, or any write-in in a tie revote), per normalised name and reason,
   * in DISREGARD_REASONS order, then by name. They are in no other figure.
   */
  disregardedWriteIns: z.array(
    z.object({ name: z.string(), reason: z.enum(DISREGARD_REASONS), count: z.number().int() }),
  ),
});
export type RoundTally = z.infer<typeof roundTally>;

export const roundDecision = z.object({
  /** Least for-votes that pass: more than half of the basis (rule 5). */
  threshold: z.number().int(),
  /** 实到会有选举权人数 for an election, 应到会人数 for a pre-vote. */
  basis: z.number().int(),
  basisKind: z.enum(['present', 'due']),
  /** All who passed the threshold, most votes first. */
  passed: z.array(rankedChoice),
  elected: z.array(rankedChoice),
  /** Tied at the cut: never broken by the app; a new vote among them for `seats` seats. */
  tie: z.object({ tied: z.array(rankedChoice), seats: z.number().int() }).nullable(),
  /** Seats left for 另行选举 or a presidium decision to reduce seats (rule 7). */
  unfilled: z.number().int(),
  /**
   * Whether rule 5's more-than-half applied. False only in a tie revote whose congress does not
   * set tieRevoteNeedsMajority: the tied passed half already and most votes win (rule 6); then
   * `threshold` is 0.
   */
  majorityTest: z.boolean(),
});
export type RoundDecision = z.infer<typeof roundDecision>;

/** Why a round's figures are not final yet. */
export const PROVISIONAL_REASONS = [
  'not_closed',
  'ballots_missing',
  'set_aside_pending',
  'stacks_unreconciled',
] as const;

export const roundResult = z.object({
  round,
  tally: roundTally,
  decision: roundDecision,
  /** Why the figures are not final yet (entries missing, set-aside ballots, unreconciled stacks, not closed). */
  provisional: z.array(z.enum(PROVISIONAL_REASONS)),
  /** Structure of those elected (rule 11): women, under 35 on the election day, minority, education. */
  structure: bodyStructure,
});
export type RoundResult = z.infer<typeof roundResult>;
