/**
 * Expected failures travel as values. An exception crossing a handler boundary
 * means a bug, and the dispatcher reports it as `internal`.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'unknown_channel'
  | 'no_congress_open'
  | 'not_found'
  | 'conflict'
  | 'file_not_congress'
  | 'file_newer_version'
  | 'file_corrupt'
  | 'file_exists'
  | 'file_io'
  | 'roster_invalid'
  | 'operator_required'
  /** The station is not signed in, or locked after idle time. */
  | 'locked'
  /** The signed-in role may not make this call. */
  | 'forbidden'
  /** The call needs the chief scrutineer's PIN at that moment. */
  | 'chief_required'
  /** A wrong PIN. */
  | 'unauthorized'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** A sentence for people, naming the row, field or value at fault (zh-CN). */
  message: string;
  /** Where the fault is, when it has a place: a field path, a row number, a column. */
  field?: string;
  row?: number;
  column?: string;
  value?: string;
  details?: AppError[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ErrorCode,
  message: string,
  extra: Partial<AppError> = {},
): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, message, ...extra },
});
