/**
 * Signed results (issue 4): the installation's key, the result file the chief scrutineer signs,
 * and its verification, one file or a district's many.
 */
import { z } from 'zod';
import { empty, filePath, id } from '../model/fields.js';
import { districtKeyEntry, districtReport, verifyReport } from '../model/results.js';
import { CHIEF, ROLES, S, type Section } from './spec.js';

const fingerprint = z.string().trim().max(64).nullable();
/**
 * The content hash from the paper form, typed (any case, in groups) or scanned from its QR:
 * at least 32 hex digits (128 bits), a prefix of the hash being enough; the handler refuses
 * what does not read as one (`verify.hash_unreadable`).
 */
const expectHash = z.string().trim().max(200).nullable();
const resultFiles = z.array(filePath).min(1).max(1000);

export const resultCalls = {
  /** The installation key's fingerprint, made on first use. */
  'keys.info': {
    write: false,
    roles: ROLES,
    input: empty,
    output: z.object({
      fingerprint: z.string(),
      publicKey: z.string(),
      createdAt: z.string(),
      protection: z.enum(['safeStorage', 'file']),
    }),
  },
  /** Whether the result can be exported, and the hash the forms print. */
  'result.status': {
    write: false,
    roles: ROLES,
    input: empty,
    output: z.object({
      ready: z.boolean(),
      /** Contests not closed yet (the export waits for all). */
      open: z.array(z.object({ contestId: id, title: z.string() })),
      contentHash: z.string(),
      /** The audit log's last row now (null before the first write): the forms print it with the hash. */
      auditHead: z.object({ id: z.number().int(), hash: z.string() }).nullable(),
      fingerprint: z.string(),
    }),
  },
  /**
   * The signed result file (and a CSV of the results when `csvPath` is given), written
   * atomically; signing needs the chief scrutineer's PIN.
   */
  'result.export': {
    write: true,
    roles: CHIEF,
    writes: { path: 'file', csvPath: 'file' },
    input: z.object({ path: filePath, csvPath: filePath.nullable() }).strict(),
    output: z.object({
      path: z.string(),
      bytes: z.number().int(),
      csvPath: z.string().nullable(),
      contentHash: z.string(),
      fingerprint: z.string(),
    }),
  },
} as const satisfies Section;

const township = z.string().trim().min(1).max(200);
const registry = z.object({
  /** The registry file in the installation's data folder (db/results/district-keys.ts). */
  path: z.string(),
  entries: z.array(districtKeyEntry),
});

/**
 * Verifying needs no congress open: a district office reads the townships' files. Each file is
 * checked against its township's key in this installation's registry (`district.keys.*`).
 */
export const districtCalls = {
  /** Checks a result file from anywhere. */
  'result.verify': {
    write: false,
    roles: ROLES,
    input: z.object({ path: filePath, fingerprint, expectHash: expectHash.default(null) }).strict(),
    output: verifyReport,
  },
  /** The district view: many result files verified, per township and in total (verified files only). */
  'result.district': {
    write: false,
    roles: [S],
    input: z.object({ paths: resultFiles, fingerprint }).strict(),
    output: districtReport,
  },
  /** The district view as an .xlsx workbook. */
  'result.districtExport': {
    write: false,
    roles: [S],
    writes: { out: 'file' },
    input: z.object({ paths: resultFiles, fingerprint, out: filePath }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
  /** The district's key registry: township → the fingerprint of the key its laptop signs with. */
  'district.keys.list': { write: false, roles: [S], input: empty, output: registry },
  /** An entry typed from the township's paper form. */
  'district.keys.add': {
    write: false,
    roles: [S],
    input: z.object({ township, fingerprint: z.string().trim().min(1).max(64) }).strict(),
    output: registry,
  },
  'district.keys.remove': { write: false, roles: [S], input: z.object({ township }).strict(), output: registry },
  /** An entry from the township's signed enrolment file (`keys.enrol`, `congress-desk enrol`). */
  'district.keys.import': {
    write: false,
    roles: [S],
    input: z.object({ path: filePath }).strict(),
    output: registry.extend({ entry: districtKeyEntry }),
  },
  /**
   * This installation's enrolment file for the district: the township's name and the public
   * key, signed by the key (proof of possession; its authenticity is the paper it travels with).
   */
  'keys.enrol': {
    write: false,
    roles: [S],
    writes: { out: 'file' },
    input: z.object({ township, out: filePath }).strict(),
    output: z.object({ path: z.string(), fingerprint: z.string() }),
  },
} as const satisfies Section;
