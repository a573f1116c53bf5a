import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import type { PaperSeal } from '../../components/print/PaperFooter.js';
import { PaperForm, type PaperSheet, PaperTable, paper } from '../../components/print/PaperForm.js';
import { formatTime } from '../../lib/paths.js';
import styles from './OathRecordForm.module.css';
import type { Oath } from './store.js';

export interface OathRecordData {
  congress: Congress;
  meeting: Meeting;
  oath: Oath;
  seal: PaperSeal | null;
  printedAt: string;
}

/** The recorder signs the record; no scrutineers oversee an oath. */
const SHEET: PaperSheet = { title: 'oath.form.title', testId: 'oath-record', venue: true, roles: ['recorder'] };

/**
 * 集中宣誓记录: when, who led it, how many took it (latecomers named apart), the text sworn,
 * the participants, and the lines to sign.
 */
export function OathRecordForm(props: { data: OathRecordData; t: Translate }) {
  const { t } = props;
  const { oath } = props.data;
  const onTime = oath.participants.filter((p) => !p.late);
  const late = oath.participants.filter((p) => p.late);
  const time = oath.endedAt
    ? t('oath.form.timeRange', { start: formatTime(oath.startedAt), end: formatTime(oath.endedAt).slice(11) })
    : t('oath.form.timeOpen', { start: formatTime(oath.startedAt) });
  return (
    <PaperForm {...props} sheet={SHEET}>
      <PaperTable
        rows={
          <>
            <tr data-testid="oath-form-time">
              <th scope="row">{t('oath.form.time')}</th>
              <td>{time}</td>
            </tr>
            <tr data-testid="oath-form-leader">
              <th scope="row">{t('oath.form.leader')}</th>
              <td>{oath.leader ?? ''}</td>
            </tr>
            <tr data-testid="oath-form-count">
              <th scope="row">{t('oath.form.count')}</th>
              <td>
                {late.length > 0
                  ? t('oath.form.countWithLate', { n: oath.participants.length, late: late.length })
                  : t('report.form.count', { n: oath.participants.length })}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('oath.form.text')}</th>
              <td>
                <div className={paper.bodyText}>{oath.text.body}</div>
                <div className={paper.small}>{t('discipline.text.version', { version: oath.text.version })}</div>
              </td>
            </tr>
          </>
        }
      />

      <section className={styles.names}>
        <h2>{t('oath.form.participants', { n: onTime.length })}</h2>
        <NameGrid participants={onTime} testId="oath-form-names" />
        {late.length > 0 && (
          <>
            <h2>{t('oath.form.latecomers', { n: late.length })}</h2>
            <NameGrid participants={late} testId="oath-form-late" withTime />
          </>
        )}
      </section>
    </PaperForm>
  );
}

/** Those who took the oath, five a row: badge and name, and for a latecomer when they joined. */
function NameGrid(props: { participants: Oath['participants']; testId: string; withTime?: boolean }) {
  return (
    <ol className={styles.nameGrid} data-testid={props.testId}>
      {props.participants.map((p) => (
        <li key={p.delegate.id}>
          <span className={styles.nameBadge}>{p.delegate.badge}</span>
          {p.delegate.name}
          {props.withTime && <span className={styles.nameTime}>{formatTime(p.joinedAt).slice(11, 16)}</span>}
        </li>
      ))}
    </ol>
  );
}
