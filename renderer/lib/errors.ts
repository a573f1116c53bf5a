import type { AppError } from '../../core/result.js';
import type { MessageKey } from '../i18n/zh-CN.js';

/** Catalogue title of a backend error code (the message itself is already in Chinese). */
export const errorTitleKey = (error: AppError): MessageKey => `error.${error.code}` as MessageKey;

/** Errors that name a field (the error, or its details), by the field's last path segment. */
export function fieldErrors(error: AppError): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (e: AppError) => {
    if (!e.field) return;
    const name =
      e.field
        .split(/[.[\]/]/)
        .filter(Boolean)
        .at(-1) ?? e.field;
    out.set(name, [...(out.get(name) ?? []), e.message]);
  };
  add(error);
  for (const d of error.details ?? []) add(d);
  return out;
}

const cancelled = new WeakSet<AppError>();

/** The answer of a call whose chief scrutineer's confirmation was cancelled: nothing happened. */
export function cancelledError(message: string): AppError {
  const error: AppError = { code: 'chief_required', message };
  cancelled.add(error);
  return error;
}

/** True for a call the operator called off (the chief's PIN not given): nothing to show. */
export const isCancelled = (error: AppError | null | undefined): boolean => !!error && cancelled.has(error);
