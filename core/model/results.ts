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
  /** The content hash is not the one expected (typed or scanned from the paper form). */
  'hash_mismatch',
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
  /**
   * The congress's audit chain as the file states it; since issue 12 also the anchor's row and
   * the signed checkpoints with the key of each (null / empty in files written before).
   */
  audit: z.object({
    entries: z.number().int(),
    head: z.string(),
    anchorId: z.number().int().nullable(),
    checkpoints: z.array(z.object({ auditId: z.number().int(), fingerprint: z.string() })),
  }),
  /** The congress's random id (content.congress.uid), null in files written before issue 12. */
  congressUid: z.string().nullable(),
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

/**
 * The verdict, worst first: `failed` (a failure below); `signer_unchecked` — the signature is
 * valid and the recount agrees, but nothing said whose key it must be (no fingerprint given, no
 * registry entry): anyone can sign a file with a fresh key, so this is never 核验通过 (issue 12);
 * `verified` — all holds and the signer is the key expected.
 */
export const VERIFY_VERDICTS = ['failed', 'signer_unchecked', 'verified'] as const;
export type VerifyVerdict = (typeof VERIFY_VERDICTS)[number];

export const verifyReport = z.object({
  /** True only when every check holds AND the signer was checked (verdict `verified`). */
  ok: z.boolean(),
  verdict: z.enum(VERIFY_VERDICTS),
  failures: z.array(verifyFailure),
  /**
   * What the signer was checked against: the fingerprint given (typed or from the paper), the
   * district's key registry entry of the file's township, or nothing (`signer_unchecked`).
   */
  signerCheckedBy: z.enum(['fingerprint', 'registry']).nullable(),
  /** The file's township as the registry matches it (core/township.ts), null when unreadable. */
  township: z.string().nullable(),
  /** The expected content hash as given (normalised hex), null when none was given. */
  expectedHash: z.string().nullable(),
  signatureValid: z.boolean(),
  /** The fingerprint of the key that signed (null when the file could not be read that far). */
  fingerprint: z.string().nullable(),
  summary: resultSummary.nullable(),
});
export type VerifyReport = z.infer<typeof verifyReport>;

/** The district view: many result files verified, per township and in total (verified files only). */
/**
 * What the district flags on a file beside its own report: its township has no registry entry
 * (signer unchecked), it is signed by a key that also signed another township's file, or it is
 * a second, different file for a township already seen.
 */
export const DISTRICT_FLAGS = ['not_registered', 'key_shared', 'township_twice'] as const;
export type DistrictFlag = (typeof DISTRICT_FLAGS)[number];

export const districtFlag = z.object({
  flag: z.enum(DISTRICT_FLAGS),
  /** The other files involved (key_shared, township_twice). */
  others: z.array(z.string()),
});

export const districtReport = z.object({
  /** `duplicateOf`: an earlier file with the same content (one township counted once). */
  files: z.array(
    z.object({
      path: z.string(),
      report: verifyReport,
      duplicateOf: z.string().nullable(),
      flags: z.array(districtFlag),
      /** Whether the file's figures are in the total: verified, not a copy, not a township's second file. */
      counted: z.boolean(),
    }),
  ),
  total: z.object({
    townships: z.number().int(),
    contests: z.number().int(),
    seats: z.number().int(),
    elected: z.number().int(),
    structure: bodyStructure,
  }),
});
export type DistrictReport = z.infer<typeof districtReport>;

/**
 * One township's key in the district's registry (docs/result-file.md "The district's key
 * registry"): typed from the township's paper form, or imported from its signed enrolment file
 * (which also brings the whole public key, compared byte for byte).
 */
export const districtKeyEntry = z.object({
  /** As entered; files are matched by `townshipOf` of it and of the congress name (core/township.ts). */
  township: z.string(),
  /** 20 digits in five groups, as printed on the forms. */
  fingerprint: z.string(),
  /** The raw Ed25519 public key, base64, when the entry came from an enrolment file. */
  publicKey: z.string().nullable(),
  source: z.enum(['paper', 'enrolment']),
  addedAt: z.string(),
});
export type DistrictKeyEntry = z.infer<typeof districtKeyEntry>;
