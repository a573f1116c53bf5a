import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect } from 'react';
import type { AuditEntry } from '../../../core/domain.js';
import { type Language, useLanguage, useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { errorText } from '../../lib/errors.js';
import { formatTime } from '../../lib/paths.js';
import { testId } from '../../lib/testid.js';
import { useAudit } from './store.js';

/** The audit log, newest first, paged, and the hash chain check. */
export function AuditScreen() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const entries = useAudit((s) => s.entries);
  const cursors = useAudit((s) => s.cursors);
  const hasMore = useAudit((s) => s.hasMore);
  const loading = useAudit((s) => s.loading);
  const loadError = useAudit((s) => s.loadError);
  const verdict = useAudit((s) => s.verdict);
  const verifying = useAudit((s) => s.verifying);
  const verifyError = useAudit((s) => s.verifyError);
  const audit = useAudit.getState();

  useEffect(() => {
    void useAudit.getState().firstPage();
  }, []);

  const brokenId = verdict && !verdict.ok ? verdict.firstBrokenId : null;

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.id'), dataIndex: 'id', width: 70 },
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatTime(at) },
    { title: t('audit.operator'), dataIndex: 'operator', width: 110, ellipsis: true },
    { title: t('audit.station'), dataIndex: 'station', width: 140, ellipsis: true },
    { title: t('audit.action'), dataIndex: 'action', width: 240, render: (a: string) => <code>{a}</code> },
    {
      title: t('audit.payload'),
      dataIndex: 'payload',
      ellipsis: true,
      render: (p: string) => <code className="audit-payload">{p}</code>,
    },
  ];

  return (
    <div className="page" data-testid="audit-page">
      <div className="page-head">
        <Typography.Title level={3}>{t('audit.title')}</Typography.Title>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={verifying}
          onClick={() => void audit.verify()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('audit.hint')}</Typography.Paragraph>
      {verdict && (
        <Alert
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          data-testid="audit-verdict"
          data-ok={verdict.ok}
          title={
            verdict.ok
              ? t('audit.verify.ok', { count: verdict.count })
              : t('audit.verify.broken', { id: verdict.firstBrokenId ?? '?', count: verdict.count })
          }
          className="page-alert"
        />
      )}
      {verifyError && <ErrorAlert error={verifyError} />}
      {loadError && <ErrorAlert error={loadError} />}
      <Table<AuditEntry>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={entries}
        pagination={false}
        data-testid="audit-table"
        locale={{ emptyText: t('audit.empty') }}
        rowClassName={(e) => (e.id === brokenId ? 'audit-broken' : '')}
        expandable={{
          expandedRowRender: (e) => (
            <div className="audit-expanded">
              {acknowledgedOf(e.payload, language).map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the payload's own order
                <div key={i} className="audit-acknowledged" data-testid="audit-acknowledged">
                  {t('audit.acknowledged', line)}
                </div>
              ))}
              <pre>{prettyPayload(e.payload)}</pre>
              <div className="audit-hash">
                {t('audit.hash')}: <code>{e.hash}</code>
              </div>
            </div>
          ),
        }}
        onRow={(e) => testId('audit-row', { 'data-id': String(e.id) })}
      />
      <Space className="pager">
        <Button disabled={cursors.length <= 1} onClick={() => void audit.firstPage()}>
          {t('audit.first')}
        </Button>
        <Button disabled={cursors.length <= 1} onClick={() => void audit.previousPage()} data-testid="audit-newer">
          {t('audit.newer')}
        </Button>
        <Typography.Text>{t('audit.page', { n: cursors.length })}</Typography.Text>
        <Button disabled={!hasMore} onClick={() => void audit.nextPage()} data-testid="audit-older">
          {t('audit.older')}
        </Button>
      </Space>
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
