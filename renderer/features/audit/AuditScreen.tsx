import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../core/domain.js';
import type { AuditVerdict } from '../../../core/model/index.js';
import type { AppError } from '../../../core/result.js';
import { fetchCall, useCall } from '../../api/queries.js';
import { type Language, useLanguage, useT } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorText, useErrorText } from '../../lib/errors.js';
import { formatTime } from '../../lib/paths.js';
import styles from './AuditScreen.module.css';

export const AUDIT_PAGE_SIZE = 50;

/**
 * The audit log, newest first, paged by id (`beforeId` of each page shown so far; the last is
 * the page on screen), and the hash chain check. Each write appends a row: the page follows.
 */
export function AuditScreen() {
  const t = useT();
  const [cursors, setCursors] = useState<(number | null)[]>([null]);
  // One extra row tells whether an older page exists.
  const page = useCall('audit.list', { limit: AUDIT_PAGE_SIZE + 1, beforeId: cursors.at(-1) ?? null });
  const entries = page.data?.slice(0, AUDIT_PAGE_SIZE) ?? [];
  const hasMore = (page.data?.length ?? 0) > AUDIT_PAGE_SIZE;
  const columns = useColumns();
  const check = useChainCheck();
  const brokenId = check.verdict && !check.verdict.ok ? check.verdict.firstBrokenId : null;
  const differenceText = useErrorText();

  return (
    <div className="page" data-testid="audit-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={check.verifying}
          onClick={() => void check.verify()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
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
      {page.error && <ErrorAlert error={page.error} />}
      <DataTable<AuditEntry>
        rowKey="id"
        className={styles.table}
        loading={page.loading}
        columns={columns}
        dataSource={entries}
        testId="audit-table"
        emptyText={t('audit.empty')}
        expandable={{ expandedRowRender: (e) => <Expanded entry={e} /> }}
        row={(e) => ({ testId: 'audit-row', data: { id: e.id, broken: e.id === brokenId || undefined } })}
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

function useColumns(): TableColumnsType<AuditEntry> {
  const t = useT();
  return [
    { title: t('audit.id'), dataIndex: 'id', width: 70 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
    { title: t('audit.operator'), dataIndex: 'operator', width: 110, ellipsis: true },
    { title: t('audit.station'), dataIndex: 'station', width: 140, ellipsis: true },
    { title: t('audit.action'), dataIndex: 'action', width: 240, render: (a: string) => <code>{a}</code> },
    {
      title: t('audit.payload'),
      dataIndex: 'payload',
      ellipsis: true,
      render: (p: string) => <code className={styles.payload}>{p}</code>,
    },
  ];
}

/** An entry opened: the warnings acknowledged with it, its payload in full, its hash. */
function Expanded({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  return (
    <div className={styles.expanded}>
      {acknowledgedOf(entry.payload, language).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the payload's own order
        <div key={i} data-testid="audit-acknowledged">
          {t('audit.acknowledged', line)}
        </div>
      ))}
      <pre>{prettyPayload(entry.payload)}</pre>
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

function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}
