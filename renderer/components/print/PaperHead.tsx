import type { Translate } from '../../app/language.js';
import styles from './Paper.module.css';

export interface PaperMetaItem {
  label: string;
  value: string;
}

/**
 * The head every paper form shares: the congress's name, the form's title in large type,
 * and one line of what it is about (meeting, date, venue; the contest and round).
 */
export function PaperHead(props: { congress: string; title: string; meta: readonly PaperMetaItem[]; t: Translate }) {
  const { t } = props;
  return (
    <header className={styles.head}>
      <div className={styles.congress}>{props.congress}</div>
      <h1 className={styles.title}>{props.title}</h1>
      <div className={styles.meta}>
        {props.meta
          .filter((m) => m.value !== '')
          .map((m) => (
            <span key={m.label}>{t('paper.meta', { label: m.label, value: m.value })}</span>
          ))}
      </div>
    </header>
  );
}

/** The meta line of a form about one meeting: meeting, date, and the venue when known. */
export function meetingMeta(
  t: Translate,
  meeting: { name: string; date: string },
  venue: string | null,
): PaperMetaItem[] {
  return [
    { label: t('report.form.meeting'), value: meeting.name },
    { label: t('report.form.date'), value: meeting.date },
    { label: t('report.form.venue'), value: venue ?? '' },
  ];
}
