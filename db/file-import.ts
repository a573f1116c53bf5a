/**
 * A file imported whole (the roster, a candidate list): parsed outside the transaction, and
 * refused as a whole when any row has a problem, each problem a detail of the refusal.
 */
import { createHash } from 'node:crypto';
import type { ReasonKey } from '../core/reasons.js';
import type { AppError, ErrorCode, Result } from '../core/result.js';
import { ok, refuse } from '../core/result.js';
import type { RosterIssue } from '../core/roster-types.js';

/** The file's bytes, as the window sends them (base64). */
export const decodeFile = (contentBase64: string) => new Uint8Array(Buffer.from(contentBase64, 'base64'));

/** The file itself would bloat the audit log; its hash identifies it. */
export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** One problem of the file as a refusal's detail: where it is (row, column, value) and why. */
const issueAsError = (code: ErrorCode, issue: RosterIssue): AppError => ({
  code,
  message: issue.message,
  ...(issue.reason ? { reason: issue.reason, params: issue.params ?? {} } : {}),
  ...(issue.row !== null ? { row: issue.row } : {}),
  ...(issue.column !== null ? { column: issue.column } : {}),
  ...(issue.value !== null ? { value: issue.value } : {}),
});

/** What a refused file is refused with: the code, the reason for its problems, the reason for no rows. */
export interface FileRefusals {
  code: ErrorCode;
  invalid: ReasonKey;
  empty: ReasonKey;
}

/** All or nothing: the parsed file when it has rows and no problem, else the refusal naming every problem. */
export function wholeFile<T extends { rows: unknown[] }>(
  parsed: T,
  issues: RosterIssue[],
  refusals: FileRefusals,
): Result<T> {
  if (issues.length > 0) {
    return refuse(
      refusals.code,
      refusals.invalid,
      { count: issues.length },
      { details: issues.map((issue) => issueAsError(refusals.code, issue)) },
    );
  }
  if (parsed.rows.length === 0) return refuse(refusals.code, refusals.empty);
  return ok(parsed);
}
