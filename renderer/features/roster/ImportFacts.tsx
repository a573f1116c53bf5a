import { Alert, type TableColumnsType, Typography } from 'antd';
import { DELEGATE_CATEGORIES } from '../../../core/domain.js';
import type { RosterNotice, RosterNoticeKind } from '../../../core/model/roster.js';
import { type DelegationTally, type RosterCounts, rosterCounts } from '../../../core/roster-counts.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { fieldValue } from '../../lib/delegate-fields.js';
import { useErrorText } from '../../lib/errors.js';
import styles from './ImportPreview.module.css';
import type { RosterPreview } from './store.js';

/** The preview's rows counted as the organisation department counts them (core/roster-counts.ts). */
export const previewCounts = (p: RosterPreview): RosterCounts => rosterCounts(p.rows);

/** 「共 60 人:正式代表 54,候补代表 3,列席 3;女 20」, before anything is imported. */
export function CountSummary(props: { counts: RosterCounts; partial: boolean; t: Translate }) {
  const { counts: c, t } = props;
  return (
    <Typography.Text strong data-testid="import-count-summary">
      {t('import.counts.summary', { n: c.total, ...c.byCategory, women: c.women })}
      {c.genderUnknown > 0 && t('import.counts.genderUnknown', { n: c.genderUnknown })}
      {props.partial && t('import.counts.partial')}
    </Typography.Text>
  );
}

/** By delegation: each category, women, in all; the whole file in the total row. */
export function CountTable(props: { counts: RosterCounts; t: Translate }) {
  const { counts: c, t } = props;
  const columns: TableColumnsType<DelegationTally> = [
    {
      title: t('import.counts.delegation'),
      key: 'delegation',
      ellipsis: true,
      render: (_: unknown, d) => d.delegation ?? t('import.counts.noDelegation'),
    },
    ...DELEGATE_CATEGORIES.map((k) => ({
      title: t(`category.${k}`),
      key: k,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, d: DelegationTally) => d.byCategory[k],
    })),
    { title: t('import.counts.women'), key: 'women', width: 90, align: 'right', render: (_: unknown, d) => d.women },
    { title: t('import.counts.total'), key: 'total', width: 90, align: 'right', render: (_: unknown, d) => d.total },
  ];
  return (
    <DataTable<DelegationTally>
      testId="import-counts"
      rowKey={(d) => d.delegation ?? ''}
      columns={columns}
      dataSource={c.delegations}
      height={260}
      row={(d) => ({
        testId: 'import-count-row',
        data: { delegation: d.delegation ?? '', total: d.total, women: d.women },
      })}
      total={{
        label: t('import.counts.total'),
        values: [...DELEGATE_CATEGORIES.map((k) => c.byCategory[k]), c.women, c.total],
      }}
    />
  );
}

/** Kinds that read a value into the file rather than tidy one: the clerk should look. */
const TO_CHECK: ReadonlySet<RosterNoticeKind> = new Set([
  'birth_number',
  'category_empty',
  'category_column',
  'formula',
]);
/** Kinds whose example is a row, not a cell's value. */
const ROW_ONLY: ReadonlySet<RosterNoticeKind> = new Set(['empty_rows', 'category_empty']);
/** Kinds said by their sentence alone. */
const NO_EXAMPLES: ReadonlySet<RosterNoticeKind> = new Set(['category_column', 'above_header']);

/** A value as an example quotes it: a line break shown, an empty value named. */
const quoted = (v: string, empty: string) => (v === '' ? empty : v.replace(/\r?\n/g, '↵'));

/**
 * What reading the file normalised, each kind counted with its first examples as the file had
 * them and as they will be stored: 「已规范 59 个姓名中的全角空格 第 3 行「李　超」→「李超」…」.
 * The kinds to check come first.
 */
export function NoticeList(props: { notices: RosterNotice[]; t: Translate }) {
  const { t } = props;
  const text = useErrorText();
  if (props.notices.length === 0) return null;
  const empty = t('import.change.empty');
  const example = (n: RosterNotice, e: RosterNotice['examples'][number]) =>
    ROW_ONLY.has(n.kind)
      ? t('import.notice.row', { row: e.row })
      : t('import.notice.example', {
          row: e.row,
          from: quoted(e.from, empty),
          to: quoted(e.field ? fieldValue(t, e.field, e.to) : (e.to ?? ''), empty),
        });
  return (
    <Alert
      type={props.notices.some((n) => TO_CHECK.has(n.kind)) ? 'warning' : 'info'}
      showIcon
      data-testid="import-notices"
      title={t('import.notices')}
      description={
        <ul className={styles.notices}>
          {[
            ...props.notices.filter((n) => TO_CHECK.has(n.kind)),
            ...props.notices.filter((n) => !TO_CHECK.has(n.kind)),
          ].map((n) => (
            <li key={n.kind} data-testid="import-notice" data-reason={n.reason} data-count={n.count}>
              <span className={TO_CHECK.has(n.kind) ? styles.noticeCheck : undefined}>{text(n)}</span>
              {!NO_EXAMPLES.has(n.kind) && n.examples.length > 0 && (
                <span className={styles.noticeExamples}>
                  {n.examples.map((e) => example(n, e)).join(t('import.notice.separator'))}
                  {n.count > n.examples.length && t('import.notice.more')}
                </span>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
