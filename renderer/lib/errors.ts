import { useCallback } from 'react';
import { type ReasonParams, reasonText } from '../../core/reasons.js';
import type { AppError, Result } from '../../core/result.js';
import { type Language, useLanguage } from '../app/language.js';
import type { MessageKey } from '../i18n/zh-CN.js';

/** Catalogue title of a backend error code; the sentence below it is `errorText`. */
export const errorTitleKey = (error: AppError): MessageKey => `error.${error.code}` as MessageKey;

/** Anything said by reason: a refusal, a warning, a roster issue. */
export interface Reasoned {
  reason?: string;
  params?: ReasonParams;
  message: string;
}

/**
 * A refusal or a warning in the UI's language: its reason and values from core/reasons.ts, or
 * the backend's own message when it has no reason the catalogue knows (an older file, a bug).
 */
export function errorText(error: Reasoned, language: Language): string {
  if (error.reason) {
    const text = reasonText(error.reason, error.params, language);
    if (text !== null) return text;
  }
  return error.message;
}

/** `errorText` in the current language; components re-render when it changes. */
export function useErrorText(): (error: Reasoned) => string {
  const language = useLanguage((s) => s.language);
  return useCallback((error: Reasoned) => errorText(error, language), [language]);
}

/** `errorText` outside React (stores), in the language chosen now. */
export const errorTextNow = (error: Reasoned): string => errorText(error, useLanguage.getState().language);

/** Errors that name a field (the error, or its details), by the field's last path segment, in `language`. */
export function fieldErrors(
  error: AppError,
  language: Language = useLanguage.getState().language,
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (e: AppError) => {
    if (!e.field) return;
    const name =
      e.field
        .split(/[.[\]/]/)
        .filter(Boolean)
        .at(-1) ?? e.field;
    out.set(name, [...(out.get(name) ?? []), errorText(e, language)]);
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

/** The answer of a call whose warnings the operator did not acknowledge: nothing was written. */
export function warningsDeclined(error: AppError): AppError {
  const declined: AppError = { ...error };
  cancelled.add(declined);
  return declined;
}

/** True for a call the operator called off (the chief's PIN not given): nothing to show. */
export const isCancelled = (error: AppError | null | undefined): boolean => !!error && cancelled.has(error);

/** A call that needs the open congress, made with none open (the congress closed meanwhile). */
export const noCongressOpen = <T>(): Result<T> => ({
  ok: false,
  error: { code: 'no_congress_open', message: useLanguage.getState().t('error.no_congress_open') },
});
