/**
 * Rounds and ballots: papers issued and collected (rule 2), each ballot keyed (rules 3 and 4),
 * double-entry stacks, and a round's result and close. Issuing and collecting happen under the
 * scrutineers' eyes; the counters key; closing a round and deciding a set-aside ballot need the
 * chief scrutineer's PIN for that call.
 */
import { z } from 'zod';
import { ballot, ballotMarks, round, roundResult, stackSummary } from '../model/count.js';
import { id, optionalNote, reason } from '../model/fields.js';
import { candidateInput } from './contests.js';
import { ANYONE, C, CHIEF, J, ROLES, S, type Section, Z } from './spec.js';

const inRound = z.object({ roundId: id }).strict();
const paperCount = z.number().int().min(0).max(100_000);
const entry = z.union([z.literal(1), z.literal(2)]);

export const roundCalls = {
  /** Ballots printed, issued (= voters present, rule 2), spare voided in public. Needs the quorum. */
  'rounds.distribute': {
    write: true,
    roles: [S, J, Z],
    input: z.object({ roundId: id, ballotsPrinted: paperCount, issued: paperCount, spareVoided: paperCount }).strict(),
    output: round,
  },
  /** Collected > issued voids the round and opens a rerun with a fresh ballot set (rule 2). */
  'rounds.collect': {
    write: true,
    roles: [S, J, Z],
    input: z.object({ roundId: id, collected: paperCount }).strict(),
    output: z.object({ round, rerun: round.nullable() }),
  },
  'rounds.result': { write: false, roles: ANYONE, input: inRound, output: roundResult },
  /** Final only when closed (by the chief scrutineer); a tie at the cut opens a revote among the tied. */
  'rounds.close': {
    write: true,
    roles: CHIEF,
    input: inRound,
    output: z.object({ result: roundResult, next: round.nullable() }),
  },
  /**
   * 另行选举 for unfilled seats, among candidates not elected, as the presidium decides (rule 7);
   * candidates added after further 酝酿 come in `newCandidates` (from the roster by delegateId, or
   * by name with facts) and join the contest. The whole paper is in suggested stroke order.
   */
  'rounds.openAdditional': {
    write: true,
    roles: [S],
    input: z
      .object({
        contestId: id,
        seats: z.number().int().min(1).max(500),
        candidateIds: z.array(id).max(500),
        newCandidates: z.array(candidateInput).max(100).default([]),
        /** The presidium's decision on the added candidates (酝酿), recorded in the audit row. */
        note: optionalNote(500).default(null),
      })
      .strict(),
    output: round,
  },
  /**
   * Rule 16: the presidium declares a round void (选举无效) with its reason; opens a rerun. A
   * decision on the count: the chief scrutineer confirms it.
   */
  'rounds.declareVoid': {
    write: true,
    roles: CHIEF,
    input: z.object({ roundId: id, reason }).strict(),
    output: z.object({ round, rerun: round }),
  },
  'ballots.list': { write: false, roles: ROLES, input: inRound, output: z.array(ballot) },
  'ballots.enter': {
    write: true,
    roles: [C, J, Z],
    input: z
      .object({
        roundId: id,
        ...ballotMarks.shape,
        setAside: z.boolean(),
        stack: z.number().int().min(1).max(10_000).nullable(),
        entry: entry.nullable(),
        /**
         * The scanned page a person confirmed this paper from (issue 13): the ballot records its
         * source and the image's SHA-256. Absent or null: keyed by hand.
         */
        pageId: id.nullable().optional(),
      })
      .strict(),
    output: ballot,
  },
  'ballots.correct': {
    write: true,
    roles: [C, J, Z],
    input: z.object({ ballotId: id, ...ballotMarks.shape, reason }).strict(),
    output: ballot,
  },
  'ballots.void': { write: true, roles: [J, Z], input: z.object({ ballotId: id, reason }).strict(), output: ballot },
  /** The chief scrutineer's decision on a set-aside ballot (“由总监票人…确定”), recorded with who made it. */
  'ballots.decide': {
    write: true,
    roles: CHIEF,
    input: z.object({ ballotId: id, verdict: z.enum(['as_entered', 'invalid']), note: optionalNote(500) }).strict(),
    output: ballot,
  },
  'stacks.list': { write: false, roles: ROLES, input: inRound, output: z.array(stackSummary) },
  'stacks.compare': {
    write: false,
    roles: ROLES,
    input: z.object({ roundId: id, stack: z.number().int().min(1) }).strict(),
    output: z.array(
      z.object({ position: z.number().int(), first: ballot.nullable(), second: ballot.nullable(), same: z.boolean() }),
    ),
  },
  /** Scrutineers settle one differing position by keeping the first or second keying. */
  'stacks.settle': {
    write: true,
    roles: [J, Z],
    input: z
      .object({ roundId: id, stack: z.number().int().min(1), position: z.number().int().min(1), keep: entry })
      .strict(),
    output: stackSummary,
  },
} as const satisfies Section;
