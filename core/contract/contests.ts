/**
 * Contests of a meeting with their candidates (rules 7 to 9, 12) and officials (rule 13). The
 * secretariat records what the presidium and the meeting decided.
 */
import { z } from 'zod';
import { CONTEST_KINDS } from '../election-types.js';
import { markingConvention } from '../model/congress.js';
import { candidate, contest, OFFICIAL_ROLES, official, personFacts } from '../model/contests.js';
import { round } from '../model/count.js';
import { id, optionalText, reason, text } from '../model/fields.js';
import { ANYONE, ROLES, S, type Section } from './spec.js';

const seats = z.number().int().min(1).max(500);
const marginPercent = z.number().int().min(0).max(100);

/** A candidate as the secretariat adds one: from the roster by delegateId, or by name with facts. */
export const candidateInput = z
  .object({ delegateId: id.nullable(), name: text(64), ...personFacts.shape, unit: optionalText(200) })
  .strict();

export const contestCalls = {
  'contests.list': {
    write: false,
    roles: ROLES,
    input: z.object({ meetingId: id }).strict(),
    output: z.array(contest),
  },
  'contests.get': {
    write: false,
    roles: ANYONE,
    input: z.object({ contestId: id }).strict(),
    output: z.object({ contest, candidates: z.array(candidate), rounds: z.array(round) }),
  },
  'contests.create': {
    write: true,
    roles: [S],
    input: z
      .object({
        meetingId: id,
        title: text(100),
        kind: z.enum(CONTEST_KINDS),
        seats,
        marginPercent,
        doubleEntry: z.boolean(),
        paperGroup: optionalText(50),
        /** Rule 3: default the paper group's convention, else the congress setting. */
        marking: markingConvention.optional(),
      })
      .strict(),
    output: contest,
  },
  /** Only while the contest is in setup (no ballots issued). */
  'contests.update': {
    write: true,
    roles: [S],
    input: z
      .object({
        contestId: id,
        title: text(100).optional(),
        kind: z.enum(CONTEST_KINDS).optional(),
        seats: seats.optional(),
        marginPercent: marginPercent.optional(),
        doubleEntry: z.boolean().optional(),
        paperGroup: optionalText(50).optional(),
        /** Applies to every contest of the paper group; refused once any of them has a ballot. */
        marking: markingConvention.optional(),
      })
      .strict(),
    output: contest,
  },
  /** Rule 7: the presidium reduces the seats instead of another round; the app records it. */
  'contests.reduceSeats': {
    write: true,
    roles: [S],
    input: z.object({ contestId: id, seats: z.number().int().min(0).max(500), note: reason }).strict(),
    output: contest,
  },
  /** Rule 12: the formal contest from a closed 预选, its elected as candidates in stroke order, not approved. */
  'contests.createFromPrevote': {
    write: true,
    roles: [S],
    input: z
      .object({
        prevoteContestId: id,
        /** Default: the pre-vote's meeting. */
        meetingId: id.nullable().default(null),
        title: text(100),
        seats,
        marginPercent,
        doubleEntry: z.boolean().default(false),
        paperGroup: optionalText(50).default(null),
      })
      .strict(),
    output: z.object({ contest, candidates: z.array(candidate) }),
  },
  'candidates.add': {
    write: true,
    roles: [S],
    input: candidateInput.extend({ contestId: id }).strict(),
    output: candidate,
  },
  'candidates.remove': { write: true, roles: [S], input: z.object({ candidateId: id }).strict(), output: z.object({}) },
  /** The same columns as the roster (姓名, 性别, 出生年月, 民族, 学历, 工作单位); no badge needed. */
  'candidates.import': {
    write: true,
    roles: [S],
    input: z.object({ contestId: id, fileName: text(260), contentBase64: z.string().max(64 * 1024 * 1024) }).strict(),
    output: z.array(candidate),
  },
  /** The presidium-approved paper order (rule 9); refused once ballots are issued. */
  'candidates.approveOrder': {
    write: true,
    roles: [S],
    input: z.object({ contestId: id, candidateIds: z.array(id).min(1).max(500) }).strict(),
    output: z.array(candidate),
  },
  'officials.list': {
    write: false,
    roles: ROLES,
    input: z.object({ contestId: id }).strict(),
    output: z.array(official),
  },
  /**
   * Rule 13: the officials the meeting approved, recorded by the secretariat. A scrutineer must
   * be a voter of the contest's meeting and no candidate in it; a counter may be anyone.
   */
  'officials.appoint': {
    write: true,
    roles: [S],
    input: z
      .object({
        contestId: id,
        role: z.enum(OFFICIAL_ROLES),
        delegateId: id.nullable(),
        /** Used for a counter not on the roster; ignored when delegateId is given. */
        name: text(64).nullable().default(null),
        approval: optionalText(200).default(null),
      })
      .strict(),
    output: official,
  },
  /** Before the contest's first distribution only. */
  'officials.remove': { write: true, roles: [S], input: z.object({ officialId: id }).strict(), output: z.object({}) },
} as const satisfies Section;
