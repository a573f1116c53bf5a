/**
 * Contests (正式选举, 预选) of a meeting, their candidates and officials (rule 13), and the
 * structure of an elected body (rule 11).
 */
import { z } from 'zod';
import { GENDERS } from '../domain.js';
import { CONTEST_KINDS } from '../election-types.js';
import { markingConvention } from './congress.js';
import { id, optionalText, partialDate } from './fields.js';

/** The facts rule 11's structure counts, as a roster or a candidate list gives them. */
export const personFacts = z.object({
  gender: z.enum(GENDERS).nullable(),
  birthDate: partialDate.nullable(),
  ethnicity: optionalText(32),
  education: optionalText(32),
});
export type PersonFacts = z.infer<typeof personFacts>;

export const contest = z.object({
  id,
  meetingId: id,
  title: z.string(),
  kind: z.enum(CONTEST_KINDS),
  seats: z.number().int(),
  marginPercent: z.number().int(),
  /** Candidates the margin asks for: seats + ⌈seats × margin⌉ (rule 8). */
  requiredCandidates: z.number().int(),
  doubleEntry: z.boolean(),
  /** Contests sharing a paper group are issued together on separate papers (rule 10). */
  paperGroup: z.string().nullable(),
  position: z.number().int(),
  status: z.enum(['setup', 'voting', 'closed']),
  /** The presidium's recorded decision to reduce seats (rule 7), if any. */
  seatsReducedTo: z.number().int().nullable(),
  seatsReducedNote: z.string().nullable(),
  /**
   * Rule 3: this contest's marking convention (「each contest (paper group) says which」), fixed
   * once it has a ballot; contests of one paper group share it.
   */
  marking: markingConvention,
  /** Rule 12: the closed 预选 whose result made this formal contest's candidates, if any. */
  fromPrevoteId: id.nullable(),
});
export type Contest = z.infer<typeof contest>;

export const candidate = z.object({
  id,
  contestId: id,
  delegateId: id.nullable(),
  name: z.string(),
  ...personFacts.shape,
  unit: z.string().nullable(),
  /** Approved paper order (1-based), null until the secretariat approves an order. */
  position: z.number().int().nullable(),
  /** Added as a written-in name carried into a later round. */
  fromWriteIn: z.boolean(),
});
export type Candidate = z.infer<typeof candidate>;

/** Rule 13: 总监票人, 监票人 (voters not standing in the contest, approved by the meeting), 计票人. */
export const OFFICIAL_ROLES = ['chief_scrutineer', 'scrutineer', 'counter'] as const;
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const official = z.object({
  id,
  contestId: id,
  role: z.enum(OFFICIAL_ROLES),
  /** The voter on the roster; null only for a counter. */
  delegateId: id.nullable(),
  name: z.string(),
  /** How the meeting approved them (「经大会表决通过」); null only for a counter. */
  approval: z.string().nullable(),
  appointedBy: z.string(),
  appointedAt: z.string(),
});
export type Official = z.infer<typeof official>;

/** Rule 11's structure of an elected body (core/structure.ts). */
export const bodyStructure = z.object({
  total: z.number().int(),
  women: z.number().int(),
  /** Under 35 on the election day. */
  under35: z.number().int(),
  /** Ethnic minority: any ethnicity other than 汉族. */
  minority: z.number().int(),
  /** Count per education level, as given. */
  education: z.array(z.object({ level: z.string(), count: z.number().int() })),
  /** People whose facts are missing, per fact, so a figure is never silently low. */
  unknown: z.object({
    gender: z.number().int(),
    birthDate: z.number().int(),
    ethnicity: z.number().int(),
    education: z.number().int(),
  }),
});
export type BodyStructure = z.infer<typeof bodyStructure>;
