import type { Translate } from '../../app/language.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import type { VerifyFailure, VerifyReport } from './store.js';

/** The verdict's headline: 核验通过 only for a file whose signer was checked. */
export const VERDICT_LABEL: Record<VerifyReport['verdict'], MessageKey> = {
  verified: 'verify.ok',
  signer_unchecked: 'verify.unchecked',
  failed: 'verify.fail',
};

/** What each kind of failure means, in plain words. */
export const FAILURE_LABEL: Record<VerifyFailure['kind'], MessageKey> = {
  malformed: 'verify.kind.malformed',
  unknown_format: 'verify.kind.unknown_format',
  bad_signature: 'verify.kind.bad_signature',
  unknown_key: 'verify.kind.unknown_key',
  recount_differs: 'verify.kind.recount_differs',
  attendance_inconsistent: 'verify.kind.attendance_inconsistent',
  quorum_not_met: 'verify.kind.quorum_not_met',
  elected_twice: 'verify.kind.elected_twice',
  official_is_candidate: 'verify.kind.official_is_candidate',
  hash_mismatch: 'verify.kind.hash_mismatch',
};

const RULE_KINDS = new Set<VerifyFailure['kind']>([
  'quorum_not_met',
  'attendance_inconsistent',
  'elected_twice',
  'official_is_candidate',
  'malformed',
]);

/**
 * The failure's particulars in the UI's language where the report names them (which contest
 * and round, what was stated and what the recount gives); else the verifier's own message.
 */
export function failureDetail(t: Translate, f: VerifyFailure): string {
  if (f.kind === 'recount_differs' && f.subject !== null && f.stated !== null && f.recounted !== null) {
    const where = [f.contest, f.round === null ? null : t('verify.roundN', { n: f.round })].filter(Boolean).join(' ');
    return t('verify.detail.recount', {
      where: where || t('verify.detail.file'),
      subject: f.subject,
      stated: f.stated,
      recounted: f.recounted,
    });
  }
  // The rules a file's own figures break (quorum, attendance, elected twice, officials, dates):
  // where, what, the value stated and what the rule requires.
  if (RULE_KINDS.has(f.kind) && f.subject !== null && f.stated !== null && f.recounted !== null) {
    const place = f.contest ?? f.meeting;
    const where = [place, f.round === null ? null : t('verify.roundN', { n: f.round })].filter(Boolean).join(' ');
    return t('verify.detail.rule', {
      where: where || t('verify.detail.file'),
      subject: f.subject,
      stated: f.stated,
      expected: f.recounted,
    });
  }
  if (f.kind === 'hash_mismatch' && f.stated !== null && f.recounted !== null) {
    return t('verify.detail.hashMismatch', { actual: f.stated, expected: f.recounted });
  }
  if (f.kind === 'unknown_key' && f.stated !== null && f.recounted !== null) {
    return t('verify.detail.unknownKey', { actual: f.stated, expected: f.recounted });
  }
  return f.message;
}
