import type { Translate } from '../../app/language.js';
import { useErrorText } from '../../lib/errors.js';
import type { SheetVerdict } from './preview.js';
import { type LastKind, useSheet } from './sheet.js';
import styles from './ValidityLine.module.css';

/**
 * Rule 4's verdict on the paper as keyed: nothing before the first key (neutral, so that red
 * keeps meaning something), then valid or invalid with the persons chosen, and every written-in
 * name that will not count with why. With `confirming`, Enter was held for that reason.
 */
export function ValidityLine(props: { verdict: SheetVerdict; seats: number; confirming: boolean; t: Translate }) {
  const { verdict, seats, confirming, t } = props;
  if (verdict.kind === 'idle') {
    return (
      <div className={`${styles.validityLine} ${styles.validityIdle}`} data-testid="validity-line" data-state="idle">
        {t('count.validity.idle', { seats })}
      </div>
    );
  }
  const { valid, chosen } = verdict.judgement;
  return (
    <div className="validity-block">
      <div
        className={`${styles.validityLine} ${valid ? styles.validityOk : styles.validityBad}`}
        data-testid="validity-line"
        data-state={valid ? 'valid' : 'invalid'}
        data-valid={valid}
        data-chosen={chosen}
      >
        {valid ? t('count.validity.ok', { chosen, seats }) : t('count.validity.bad', { chosen, seats })}
      </div>
      {verdict.notCounting.length > 0 && (
        <div
          className={`${styles.validityWriteins}${confirming ? ` ${styles.validityConfirming}` : ''}`}
          data-testid="validity-writeins"
          data-confirming={confirming}
        >
          {verdict.notCounting.map((w) => (
            <div key={w.index} data-testid="validity-writein" data-fate={w.fate}>
              {t('count.writeIn.notCounting', { name: w.name, why: t(`count.fate.${w.fate}`) })}
            </div>
          ))}
          <div className={styles.validityConfirmHint}>
            {t(confirming ? 'count.writeIn.confirmAgain' : 'count.writeIn.confirmHint')}
          </div>
        </div>
      )}
    </div>
  );
}

const LAST_KIND: Record<LastKind, string> = {
  committed: styles.countLastCommitted ?? '',
  set_aside: styles.countLastSetAside ?? '',
  corrected: '',
  voided: '',
};

/** What happened to the last paper: the counter's confirmation before the next one. */
export function LastLine(props: { t: Translate }) {
  const last = useSheet((s) => s.last);
  const kept = useSheet((s) => s.kept);
  const text = useErrorText();
  const { t } = props;
  if (kept)
    return (
      <div className={`${styles.countLast} ${styles.countLastSetAside ?? ''}`} data-testid="count-kept">
        {t('lan.kept.ballot')} · {text(kept)}
      </div>
    );
  if (!last) return <div className={`${styles.countLast} count-last-idle`}>{t('count.last.idle')}</div>;
  const b = last.ballot;
  const validity = b.valid === null ? t('count.state.setAside') : b.valid ? t('count.valid') : t('count.invalid');
  return (
    <div
      className={`${styles.countLast} ${LAST_KIND[last.kind]}${b.valid === false ? ` ${styles.countLastInvalid}` : ''}`}
      data-testid="count-last"
      data-kind={last.kind}
      data-seq={b.seq}
      data-no={b.no ?? ''}
      data-version={b.version}
    >
      {t(`count.last.${last.kind}`, { n: b.no ?? '', v: b.version, validity, chosen: b.chosen })}
    </div>
  );
}
