/** What a verifier says about a signed result file (docs/result-file.md), for one township or many. */
import { z } from 'zod';
import { CONTEST_KINDS } from '../election-types.js';
import { bodyStructure } from './contests.js';

export const VERIFY_FAILURE_KINDS = [
  'malformed',
  'unknown_format',
  'bad_signature',
  'unknown_key',
  'recount_differs',
  'attendance_inconsistent',
  /** Rule 1: a meeting that voted, or a round's snapshot, without more than four fifths present. */
  'quorum_not_met',
  /** The same person (by normalised name) elected twice in one contest. */
  'elected_twice',
  /** Rule 13: a 总监票人 or 监票人 who is a candidate in the contest. */
  'official_is_candidate',
] as const;
export type VerifyFailureKind = (typeof VERIFY_FAILURE_KINDS)[number];

export const verifyFailure = z.object({
  kind: z.enum(VERIFY_FAILURE_KINDS),
  message: z.string(),
  /** The meeting's name, when the failure is about a meeting or one of its contests. */
  meeting: z.string().nullable(),
  contest: z.string().nullable(),
  round: z.number().int().nullable(),
  subject: z.string().nullable(),
  stated: z.string().nullable(),
  recounted: z.string().nullable(),
});
export type VerifyFailure = z.infer<typeof verifyFailure>;

/** What a verified file says: the congress, its contests, those elected, attendance, pledges. */
export const resultSummary = z.object({
  congress: z.object({ name: z.string(), date: z.string(), venue: z.string() }),
  exportedAt: z.string(),
  appVersion: z.string(),
  /** The file's format version (docs/result-file.md): 1 files keep verifying with their own rules. */
  formatVersion: z.number().int(),
  contentHash: z.string(),
  shortHash: z.string(),
  audit: z.object({ entries: z.number().int(), head: z.string() }),
  fingerprint: z.string(),
  contests: z.array(
    z.object({
      title: z.string(),
      kind: z.enum(CONTEST_KINDS),
      seats: z.number().int(),
      elected: z.array(z.string()),
      structure: bodyStructure,
    }),
  ),
  seats: z.number().int(),
  elected: z.number().int(),
  structure: bodyStructure,
  meetings: z.array(
    z.object({
      name: z.string(),
      date: z.string(),
      due: z.number().int(),
      present: z.number().int(),
      oathParticipants: z.number().int().nullable(),
    }),
  ),
  pledges: z.object({ due: z.number().int(), signed: z.number().int(), refused: z.number().int() }),
});
export type ResultSummary = z.infer<typeof resultSummary>;

export const verifyReport = z.object({
  /** True only when every check holds. */
  ok: z.boolean(),
  failures: z.array(verifyFailure),
  signatureValid: z.boolean(),
  /** The fingerprint of the key that signed (null when the file could not be read that far). */
  fingerprint: z.string().nullable(),
  summary: resultSummary.nullable(),
});
export type VerifyReport = z.infer<typeof verifyReport>;

/** The district view: many result files verified, per township and in total (verified files only). */
export const districtReport = z.object({
  /** `duplicateOf`: an earlier file with the same content (one township counted once). */
  files: z.array(z.object({ path: z.string(), report: verifyReport, duplicateOf: z.string().nullable() })),
  total: z.object({
    townships: z.number().int(),
    contests: z.number().int(),
    seats: z.number().int(),
    elected: z.number().int(),
    structure: bodyStructure,
  }),
});
export type DistrictReport = z.infer<typeof districtReport>;
