import type { ReactNode } from 'react';
import type { Congress, Meeting } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { PaperFooter, type PaperSeal } from '../../components/print/PaperFooter.js';
import { paper } from '../../components/print/PaperForm.js';
import { meetingMeta, PaperHead } from '../../components/print/PaperHead.js';
import { PaperTail, ROWS_KEPT_WITH_END } from '../../components/print/PaperTail.js';
import styles from './SigninForm.module.css';
import { type BadgeDelegate, ROWS_WITH_HEADING, type SigninGroup } from './sheet.js';

export interface SigninData {
  congress: Congress;
  meeting: Meeting;
  groups: SigninGroup<BadgeDelegate>[];
  seal: PaperSeal | null;
  printedAt: string;
}

const COLUMNS = ['no', 'badge', 'name', 'category', 'signature'] as const;

/**
 * 签到表: one ruled table, its head repeated on every page; a heading row per delegation, kept
 * with the delegation's first rows (one row group that never breaks), so no heading ends a page;
 * the last rows and the paper's foot kept together (PaperTail), as on the other forms. Each
 * delegate signs their own row: no signature lines for officials, only the seal.
 */
export function SigninForm(props: { data: SigninData; t: Translate }) {
  const { t, data } = props;
  const total = data.groups.reduce((n, g) => n + g.rows.length, 0);
  const footer = <PaperFooter t={t} seal={data.seal} printedAt={data.printedAt} roles={[]} />;
  const row = ({ no, delegate: d }: SigninGroup<BadgeDelegate>['rows'][number]) => (
    <tr key={d.id} data-testid="signin-row" data-badge={d.badge}>
      <td className={styles.no}>{no}</td>
      <td className={styles.badge}>{d.badge}</td>
      <td className={styles.name}>
        <bdi>{d.name}</bdi>
      </td>
      <td className={styles.category}>{t(`category.${d.category}`)}</td>
      <td className={styles.signature} />
    </tr>
  );
  const groups: ReactNode[] = [];
  data.groups.forEach((g, i) => {
    const last = i === data.groups.length - 1;
    // The sheet's last rows go with its foot; the heading with the first rows, or with the foot.
    const tailFrom = last ? Math.max(0, g.rows.length - ROWS_KEPT_WITH_END) : g.rows.length;
    const headTo = Math.min(ROWS_WITH_HEADING, tailFrom);
    const heading = (
      <tr key="heading" className={styles.heading} data-testid="signin-delegation">
        <th colSpan={COLUMNS.length}>
          {t('signin.delegation', { delegation: g.delegation ?? t('signin.noDelegation'), n: g.rows.length })}
        </th>
      </tr>
    );
    const key = g.delegation ?? '';
    const tail = g.rows.slice(tailFrom).map(row);
    if (headTo === 0 && last) {
      groups.push(
        <PaperTail key={key} columns={COLUMNS.length} rows={[heading, ...tail]}>
          {footer}
        </PaperTail>,
      );
      return;
    }
    groups.push(
      <tbody key={`${key}-head`} className={paper.keep}>
        {heading}
        {g.rows.slice(0, headTo).map(row)}
      </tbody>,
    );
    if (tailFrom > headTo) groups.push(<tbody key={`${key}-rows`}>{g.rows.slice(headTo, tailFrom).map(row)}</tbody>);
    if (last)
      groups.push(
        <PaperTail key={`${key}-tail`} columns={COLUMNS.length} rows={tail}>
          {footer}
        </PaperTail>,
      );
  });
  return (
    <article className={paper.form} data-testid="signin-sheet">
      <PaperHead
        congress={data.congress.name}
        title={t('signin.title')}
        meta={meetingMeta(t, data.meeting, data.congress.venue)}
        t={t}
      />
      <p className={paper.lead} data-testid="signin-total">
        {total === 0 ? t('signin.empty') : t('signin.total', { n: total, groups: data.groups.length })}
      </p>
      {total === 0 ? (
        footer
      ) : (
        <table className={`${paper.table} ${paper.grid} ${styles.table}`}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c} className={styles[c]}>
                  {t(`signin.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          {groups}
        </table>
      )}
    </article>
  );
}
