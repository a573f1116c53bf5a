/**
 * Signed results (issue 4): the installation's key, the result file the chief scrutineer signs,
 * and its verification, one file or a district's many.
 */
import { z } from 'zod';
import { empty, filePath, id } from '../model/fields.js';
import { districtReport, verifyReport } from '../model/results.js';
import { CHIEF, type Section } from './spec.js';

const fingerprint = z.string().trim().max(64).nullable();
const resultFiles = z.array(filePath).min(1).max(1000);

export const resultCalls = {
  /** The installation key's fingerprint, made on first use. */
  'keys.info': {
    write: false,
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
    input: empty,
    output: z.object({
      ready: z.boolean(),
      /** Contests not closed yet (the export waits for all). */
      open: z.array(z.object({ contestId: id, title: z.string() })),
      contentHash: z.string(),
      shortHash: z.string(),
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
    input: z.object({ path: filePath, csvPath: filePath.nullable() }).strict(),
    output: z.object({
      path: z.string(),
      bytes: z.number().int(),
      csvPath: z.string().nullable(),
      contentHash: z.string(),
      shortHash: z.string(),
      fingerprint: z.string(),
    }),
  },
} as const satisfies Section;

/** Verifying needs no congress open: a district office reads the townships' files. */
export const districtCalls = {
  /** Checks a result file from anywhere. */
  'result.verify': {
    write: false,
    input: z.object({ path: filePath, fingerprint }).strict(),
    output: verifyReport,
  },
  /** The district view: many result files verified, per township and in total (verified files only). */
  'result.district': {
    write: false,
    input: z.object({ paths: resultFiles, fingerprint }).strict(),
    output: districtReport,
  },
  /** The district view as an .xlsx workbook. */
  'result.districtExport': {
    write: false,
    input: z.object({ paths: resultFiles, fingerprint, out: filePath }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }),
  },
} as const satisfies Section;
