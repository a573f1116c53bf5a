import { useMemo } from 'react';
import { actionLabel, auditSentence, kindLabel } from '../../../core/audit/sentences.js';
import { terms } from '../../../core/reasons.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { useLanguage, useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { PaperFooter } from '../../components/print/PaperFooter.js';
import { type PaperColumn, PaperTable, paper } from '../../components/print/PaperForm.js';
import { PaperHead } from '../../components/print/PaperHead.js';
import { PrintPage } from '../../components/print/PrintPage.js';
import { formatTime, safeFileName, today } from '../../lib/paths.js';
import { printedNow } from '../discipline/PrintPledgesPage.js';
import { usePaperSeal } from '../results/useFormView.js';
import { filterInput, filterOfQuery } from './filters.js';
import styles from './PrintAuditPage.module.css';

/** As many rows as one call gives (1000: one more tells that there are more); a longer log is the workbook's (audit.export). */
const PRINTED_ROWS = 999;

/**
 * `#/print/audit?kinds=…&operator=…&contest=ID`: the audit log as filtered on the screen, its
 * latest rows oldest first, each as its sentence with time, operator and role, station and
 * action; the filter named in the head; the foot with the audit head and the scrutineers' lines.
 */
export function PrintAuditPage() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const query = useRoute((s) => s.query);
  const filter = useMemo(() => filterOfQuery(query), [query]);
  const congress = useCongress((s) => s.file?.congress ?? null);
  const rows = useCall('audit.list', { limit: PRINTED_ROWS + 1, beforeId: null, ...filterInput(filter) });
  const names = useCall('audit.names', {});
  const { seal, settled } = usePaperSeal();
  const shown = useMemo(() => (rows.data ?? []).slice(0, PRINTED_ROWS).reverse(), [rows.data]);
  const more = (rows.data?.length ?? 0) > PRINTED_ROWS;
  const ready = congress !== null && rows.data !== undefined && names.data !== undefined && settled;

  const filterText = [
    ...filter.kinds.map((k) => kindLabel(k, language)),
    ...(filter.operator ? [filter.operator] : []),
    ...(filter.contestId !== null ? [names.data?.contests[filter.contestId] ?? `#${filter.contestId}`] : []),
  ].join(' · ');
  const columns: PaperColumn[] = [
    { key: 'id', label: t('audit.id'), className: styles.no },
    { key: 'at', label: t('audit.at'), className: styles.at },
    { key: 'operator', label: t('audit.operator'), className: styles.who },
    { key: 'action', label: t('audit.action'), className: styles.action },
    { key: 'sentence', label: t('audit.sentence'), className: styles.sentence },
  ];

  const form = ready && names.data && (
    <article className={`${paper.form} ${styles.form}`} data-testid="audit-print">
      <PaperHead
        congress={congress.name}
        title={t('audit.print.title')}
        meta={[
          { label: t('audit.print.filter'), value: filterText || t('audit.print.all') },
          { label: t('audit.print.rows'), value: t('audit.print.count', { shown: shown.length }) },
        ]}
        t={t}
      />
      {more && <p className={paper.note}>{t('audit.print.more', { shown: shown.length })}</p>}
      <PaperTable
        columns={columns}
        dense
        testId="audit-print-table"
        rows={shown.map((e) => {
          const role = names.data!.operators[e.operator];
          return (
            <tr key={e.id} data-testid="audit-print-row">
              <td className={styles.no}>{e.id}</td>
              <td className={styles.at}>
                {/* The date over the time: the sentence keeps the width. */}
                {formatTime(e.at)
                  .split(' ')
                  .map((part) => (
                    <div key={part}>{part}</div>
                  ))}
              </td>
              <td className={styles.who}>
                {e.operator}
                <div className={styles.role}>
                  {[role && terms.role[role][language], e.station].filter(Boolean).join(' · ')}
                </div>
              </td>
              <td className={styles.action}>{actionLabel(e.action, language)}</td>
              <td>{auditSentence(e, names.data!, language)}</td>
            </tr>
          );
        })}
      />
      <PaperFooter t={t} seal={seal} printedAt={printedNow()} roles={['chief', 'scrutineer']} />
    </article>
  );

  return (
    <PrintPage
      ready={Boolean(form)}
      form={form || null}
      error={rows.error ?? names.error}
      pdfName={`${safeFileName(`${t('audit.print.title')}-${today()}`)}.pdf`}
    />
  );
}
