import { FileExcelOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { kindOf } from '../../../core/audit/kinds.js';
import { actionLabel, auditSentence, kindLabel } from '../../../core/audit/sentences.js';
import type { AuditEntry } from '../../../core/domain.js';
import { AUDIT_KINDS, type AuditNames, type AuditVerdict, noAuditNames } from '../../../core/model/index.js';
import { terms } from '../../../core/reasons.js';
import type { AppError } from '../../../core/result.js';
import { invoke, isDesktop } from '../../api/index.js';
import { fetchCall, useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import { type Language, useLanguage, useT } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { type PickRequest, pickPath } from '../../components/pick-path.js';
import { errorText, useErrorText } from '../../lib/errors.js';
import { formatBytes, formatTime, joinPath, today } from '../../lib/paths.js';
import { openPrintWindow } from '../../lib/print.js';
import { PathAction } from '../verify/PathAction.js';
import styles from './AuditScreen.module.css';
import { type AuditFilterState, filterInput, filterQuery, NO_FILTER } from './filters.js';

export const AUDIT_PAGE_SIZE = 50;

/** Before `audit.names` answers (or when it is refused): ids are said as `#id`. */
const NO_NAMES = noAuditNames();

/**
 * The audit log, newest first, each row a sentence in the UI's language (issue 15 item 2) with
 * its operator, role, station and time; filtered by kind, operator and contest (the query's,
 * db/audit/query.ts); paged by id (`beforeId` of each page shown so far; the last is the page on
 * screen); the stored row and its changes one click away; printed and exported as .xlsx as
 * filtered; and the hash chain check. Each write appends a row: the page follows.
 */
export function AuditScreen() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const [filter, setFilterState] = useState<AuditFilterState>(NO_FILTER);
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  const setFilter = (next: AuditFilterState) => {
    setFilterState(next);
    setCursors([null]);
  };
  // One extra row tells whether an older page exists.
  const page = useCall('audit.list', {
    limit: AUDIT_PAGE_SIZE + 1,
    beforeId: cursors.at(-1) ?? null,
    ...filterInput(filter),
  });
  const namesCall = useCall('audit.names', {});
  const names = namesCall.data ?? NO_NAMES;
  const entries = page.data?.slice(0, AUDIT_PAGE_SIZE) ?? [];
  const hasMore = (page.data?.length ?? 0) > AUDIT_PAGE_SIZE;
  const columns = useColumns(names, language);
  const check = useChainCheck();
  const brokenId = check.verdict && !check.verdict.ok ? check.verdict.firstBrokenId : null;
  const differenceText = useErrorText();
  const filtered = filterInput(filter);
  const isFiltered = Object.keys(filtered).length > 0;

  return (
    <div className="page" data-testid="audit-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Space>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => openPrintWindow('print/audit', filterQuery(filter))}
            data-testid="audit-print"
          >
            {t('audit.print')}
          </Button>
          <Button
            type="primary"
            icon={<SafetyCertificateOutlined />}
            loading={check.verifying}
            onClick={() => void check.verify()}
            data-testid="audit-verify"
          >
            {t('audit.verify')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      {check.verdict && (
        <Alert
          showIcon
          type={check.verdict.ok ? 'success' : 'error'}
          data-testid="audit-verdict"
          data-ok={check.verdict.ok}
          title={
            check.verdict.ok
              ? t('audit.verify.ok', { count: check.verdict.count })
              : check.verdict.firstBrokenId === null && !check.verdict.tablesAgree
                ? t('audit.verify.tables', { count: check.verdict.count })
                : t('audit.verify.broken', { id: check.verdict.firstBrokenId ?? '?', count: check.verdict.count })
          }
          // The replay's first difference: the table, the row, the column, both values.
          description={check.verdict.difference ? differenceText(check.verdict.difference) : undefined}
          className="page-alert"
        />
      )}
      {check.error && <ErrorAlert error={check.error} />}
      {(page.error ?? namesCall.error) && <ErrorAlert error={(page.error ?? namesCall.error)!} />}
      <Filters filter={filter} onChange={setFilter} names={names} entries={entries} language={language} />
      <DataTable<AuditEntry>
        rowKey="id"
        className={styles.table}
        loading={page.loading}
        columns={columns}
        dataSource={entries}
        testId="audit-table"
        emptyText={t(isFiltered ? 'audit.empty.filtered' : 'audit.empty')}
        expandable={{ expandedRowRender: (e) => <Expanded entry={e} /> }}
        row={(e) => ({
          testId: 'audit-row',
          data: { id: e.id, action: e.action, broken: e.id === brokenId || undefined },
        })}
      />
      <Space className={styles.pager}>
        <Button disabled={cursors.length <= 1} onClick={() => setCursors([null])}>
          {t('audit.first')}
        </Button>
        <Button
          disabled={cursors.length <= 1}
          onClick={() => setCursors(cursors.slice(0, -1))}
          data-testid="audit-newer"
        >
          {t('audit.newer')}
        </Button>
        <Typography.Text>{t('audit.page', { n: cursors.length })}</Typography.Text>
        <Button
          disabled={!hasMore}
          onClick={() => {
            const last = entries.at(-1);
            if (last) setCursors([...cursors, last.id]);
          }}
          data-testid="audit-older"
        >
          {t('audit.older')}
        </Button>
      </Space>
      <ExportRow filter={filter} language={language} />
    </div>
  );
}

/** The kinds, the operator (those of the file, and any on the page) and the contest. */
function Filters(props: {
  filter: AuditFilterState;
  onChange(next: AuditFilterState): void;
  names: AuditNames;
  entries: AuditEntry[];
  language: Language;
}) {
  const t = useT();
  const { filter, names, language } = props;
  const operators = useMemo(
    () => [...new Set([...Object.keys(names.operators), ...props.entries.map((e) => e.operator)])].sort(),
    [names, props.entries],
  );
  return (
    <Space wrap className={styles.filters} data-testid="audit-filters">
      <Select
        mode="multiple"
        allowClear
        className={styles.kinds}
        placeholder={t('audit.filter.kinds')}
        aria-label={t('audit.filter.kinds')}
        value={filter.kinds}
        onChange={(kinds) => props.onChange({ ...filter, kinds })}
        options={AUDIT_KINDS.map((k) => ({ value: k, label: kindLabel(k, language) }))}
        data-testid="audit-filter-kinds"
      />
      <Select
        allowClear
        showSearch
        className={styles.select}
        placeholder={t('audit.filter.operator')}
        aria-label={t('audit.filter.operator')}
        value={filter.operator ?? undefined}
        onChange={(operator?: string) => props.onChange({ ...filter, operator: operator ?? null })}
        options={operators.map((o) => ({ value: o, label: o }))}
        data-testid="audit-filter-operator"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        className={styles.select}
        placeholder={t('audit.filter.contest')}
        aria-label={t('audit.filter.contest')}
        value={filter.contestId ?? undefined}
        onChange={(contestId?: number) => props.onChange({ ...filter, contestId: contestId ?? null })}
        options={Object.entries(names.contests).map(([id, title]) => ({ value: Number(id), label: title }))}
        data-testid="audit-filter-contest"
      />
      <Button
        disabled={Object.keys(filterInput(filter)).length === 0}
        onClick={() => props.onChange(NO_FILTER)}
        data-testid="audit-filter-clear"
      >
        {t('audit.filter.clear')}
      </Button>
    </Space>
  );
}

/** The log as filtered, as a workbook: the desktop's save dialog, or a path typed or picked in a browser. */
function ExportRow({ filter, language }: { filter: AuditFilterState; language: Language }) {
  const t = useT();
  const desktop = isDesktop();
  const directory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const [out, setOut] = useState(() => joinPath(directory, `${t('audit.title')}-${today()}.xlsx`));
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<{ path: string; bytes: number; rows: number } | null>(null);
  const save: PickRequest = {
    mode: 'save',
    title: t('audit.export.dialogTitle'),
    suggested: out,
    extensions: ['xlsx'],
  };
  const run = async (path: string) => {
    setExporting(true);
    setError(null);
    setDone(null);
    const r = await invoke('audit.export', { path, language, ...filterInput(filter) });
    setExporting(false);
    if (r.ok) setDone(r.value);
    else setError(r.error);
  };
  const runDesktop = async () => {
    const chosen = await pickPath(save);
    if (chosen.ok && chosen.value) {
      setOut(chosen.value);
      await run(chosen.value);
    }
  };
  return (
    <div className={styles.export}>
      {error && <ErrorAlert error={error} />}
      <PathAction
        addon={t('audit.export.path')}
        path={out}
        onPath={setOut}
        pathTestId="audit-export-path"
        browse={save}
        icon={<FileExcelOutlined />}
        label={t(desktop ? 'audit.export.dialog' : 'audit.export')}
        loading={exporting}
        testId="audit-export"
        onClick={() => void (desktop ? runDesktop() : run(out.trim()))}
        className={undefined}
        done={
          done && {
            testId: 'audit-exported',
            title: t('audit.exported', { rows: done.rows, path: done.path, size: formatBytes(done.bytes) }),
          }
        }
      />
    </div>
  );
}

/**
 * The chain checked when asked (it reads the whole log), its verdict kept as it was until the
 * next check.
 */
function useChainCheck() {
  const [verdict, setVerdict] = useState<AuditVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const verify = async () => {
    setVerifying(true);
    setError(null);
    const r = await fetchCall('audit.verify', {});
    setVerifying(false);
    setVerdict(r.ok ? r.value : null);
    if (!r.ok) setError(r.error);
  };
  return { verdict, verifying, error, verify };
}

function useColumns(names: AuditNames, language: Language): TableColumnsType<AuditEntry> {
  const t = useT();
  return [
    { title: t('audit.id'), dataIndex: 'id', width: 70 },
    { title: t('audit.at'), dataIndex: 'at', width: 160, render: (at: string) => formatTime(at) },
    {
      title: t('audit.operator'),
      dataIndex: 'operator',
      width: 130,
      render: (operator: string) => {
        const role = names.operators[operator];
        return (
          <div className={styles.operator}>
            <div>{operator}</div>
            {role && <div className={styles.role}>{terms.role[role][language]}</div>}
          </div>
        );
      },
    },
    { title: t('audit.station'), dataIndex: 'station', width: 130, ellipsis: true },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 130,
      render: (action: string) => <Tag className={styles.tag}>{actionLabel(action, language)}</Tag>,
    },
    {
      title: t('audit.sentence'),
      key: 'sentence',
      render: (_: unknown, e) => (
        <span data-testid="audit-sentence" data-kind={kindOf(e.action)}>
          {auditSentence(e, names, language)}
        </span>
      ),
    },
  ];
}

/** An entry opened: the warnings acknowledged with it, its call, its payload and changes in full, its hash. */
function Expanded({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  return (
    <div className={styles.expanded} data-testid="audit-raw">
      {acknowledgedOf(entry.payload, language).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the payload's own order
        <div key={i} data-testid="audit-acknowledged">
          {t('audit.acknowledged', line)}
        </div>
      ))}
      <div className={styles.hash}>
        {t('audit.code')}: <code data-testid="audit-code">{entry.action}</code>
      </div>
      <div className={styles.rawLabel}>{t('audit.payload')}</div>
      <pre data-testid="audit-payload">{prettyJson(entry.payload)}</pre>
      <div className={styles.rawLabel}>{t('audit.changes')}</div>
      {entry.changes === null || entry.changes === '[]' ? (
        <div className={styles.hash}>{t('audit.changes.none')}</div>
      ) : (
        <pre data-testid="audit-changes">{prettyJson(entry.changes)}</pre>
      )}
      <div className={styles.hash}>
        {t('audit.hash')}: <code>{entry.hash}</code>
      </div>
    </div>
  );
}

/** The warnings a write's operator acknowledged (db/commit.ts), in the UI's language. */
function acknowledgedOf(payload: string, language: Language): { by: string; warning: string }[] {
  try {
    const parsed = JSON.parse(payload) as { acknowledged?: unknown };
    if (!Array.isArray(parsed.acknowledged)) return [];
    return parsed.acknowledged.map((a: { reason?: string; params?: Record<string, string | number>; by?: string }) => ({
      by: String(a.by ?? ''),
      warning: errorText({ reason: a.reason, params: a.params, message: String(a.reason ?? '') }, language),
    }));
  } catch {
    return [];
  }
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
