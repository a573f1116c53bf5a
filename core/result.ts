import { type ReasonKey, type ReasonParams, reasonText } from './reasons.js';

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
  /** The write raised warnings the operator has not acknowledged (`AppError.warnings`): nothing was written. */
  | 'warnings'
  /** Issue 14: a station cut off from its host holds the write in its outbox; it reaches the host on reconnect. */
  | 'queued'
  /** Issue 14: a station cut off from its host cannot answer this read (nothing kept of it). */
  | 'offline'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  /** Why, as a key of core/reasons.ts: the UI renders it in its language from `params`. */
  reason?: string;
  params?: ReasonParams;
  /** A sentence for people, naming the row, field or value at fault (zh-CN). */
  message: string;
  /** Where the fault is, when it has a place: a field path, a row number, a column. */
  field?: string;
  row?: number;
  column?: string;
  value?: string;
  details?: AppError[];
  /** With code `warnings`: what must be acknowledged (their reasons go back in `acknowledge`). */
  warnings?: AppWarning[];
}

/** Something allowed but unusual (a short margin, fewer papers issued than present): shown, acknowledged, audited. */
export interface AppWarning {
  reason: string;
  params: ReasonParams;
  /** zh-CN text, as for AppError.message. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

// A failure is made by `refuse` only: a reason and its values, never a sentence of the handler's own.
/**
 * A refusal by reason code: the zh-CN sentence is made from the catalogue, the UI renders
 * its own language from `reason` and `params`.
 */
export const refuse = (
  code: ErrorCode,
  reason: ReasonKey,
  params: ReasonParams = {},
  extra: Partial<AppError> = {},
): { ok: false; error: AppError } => ({
  ok: false,
  error: { code, reason, params, message: reasonText(reason, params, 'zh-CN') ?? reason, ...extra },
});

export const warning = (reason: ReasonKey, params: ReasonParams = {}): AppWarning => ({
  reason,
  params,
  message: reasonText(reason, params, 'zh-CN') ?? reason,
});

/** Where a refusal is: the field at fault and the value it had (`refuse(code, reason, params, at(field, value))`). */
export const at = (field: string, value: string | number): Pick<AppError, 'field' | 'value'> => ({
  field,
  value: String(value),
});

/** The next step on what a step found; a refusal passes through untouched. */
export const andThen = <T, U>(result: Result<T>, next: (value: T) => Result<U>): Result<U> =>
  result.ok ? next(result.value) : result;
