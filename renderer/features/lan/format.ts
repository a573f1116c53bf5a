/**
 * How the venue network's figures read on screen: a station code as 「123 456」, a time as
 * 「12 秒前」, a code's time left as 4:05, a station's kind by its catalogue key.
 */
import type { StationKind } from '../../../core/lan/protocol.js';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';

/** Six digits in two groups of three, as people read them aloud. */
export function groupCode(code: string): string {
  return code.length === 6 ? `${code.slice(0, 3)} ${code.slice(3)}` : code;
}

/** The digits a person typed, spaces and dashes dropped (「123 456」 and 123-456 are one code). */
export const codeDigits = (typed: string): string => typed.replace(/[\s-]/g, '');

/** The host fingerprint's start as typed (「3F2A 91C0 …」): hex digits only, or '' when none was typed. */
export const fingerprintStart = (typed: string): string => typed.replace(/[\s:]/g, '').toLowerCase();

/** Empty (not typed), or at least 16 hex digits of it: fewer could be matched by a certificate made for it. */
export const fingerprintStartValid = (typed: string): boolean => /^([0-9a-f]{16,64})?$/.test(fingerprintStart(typed));

export const kindLabel = (kind: StationKind, t: Translate): string => t(`lan.kind.${kind}`);

/** How long ago `at` was, from `now` (both milliseconds), as 「12 秒前」; null: never. */
export function agoText(at: string | null, now: number, t: Translate): string {
  if (at === null) return t('lan.ago.never');
  const seconds = Math.max(0, Math.floor((now - Date.parse(at)) / 1000));
  if (seconds < 2) return t('lan.ago.now');
  if (seconds < 60) return t('lan.ago.seconds', { n: seconds });
  if (seconds < 3600) return t('lan.ago.minutes', { n: Math.floor(seconds / 60) });
  return t('lan.ago.hours', { n: Math.floor(seconds / 3600) });
}

/** The time left until `expiresAt` as m:ss, or null once it has passed. */
export function timeLeft(expiresAt: string, now: number): string | null {
  const ms = Date.parse(expiresAt) - now;
  if (!(ms > 0)) return null;
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

/**
 * A write a station cut off from its host keeps in its outbox (core/result.ts `queued`): not a
 * refusal — it reaches the host when the link is back, and the screen goes on to the next one.
 */
export const isKept = (error: AppError | null | undefined): boolean => error?.code === 'queued';
