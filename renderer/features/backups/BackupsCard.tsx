import { CloudServerOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useErrorText } from '../../lib/errors.js';
import { baseName, formatBytes, formatTime } from '../../lib/paths.js';
import { testId } from '../../lib/testid.js';
import { useCan } from '../operators/station-store.js';
import { type BackupStatus, useBackups } from './store.js';

type Copy = BackupStatus['copies'][number];

/**
 * 自动备份: the folder the congress is copied to (typed: the desktop's open dialog picks files),
 * the last copy and the last failure, the copies there, each of which can be restored.
 */
export function BackupsCard(props: { t: Translate }) {
  const { t } = props;
  const errorText = useErrorText();
  const { modal, message } = App.useApp();
  const status = useBackups((s) => s.status);
  const loadError = useBackups((s) => s.loadError);
  const congressPath = useCongress((s) => s.file?.path ?? '');
  const canSet = useCan('congress.updateSettings');
  const canRestore = useCan('backups.restore');
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => useBackups.getState().watch(), []);

  const saveDir = async (next: string | null) => {
    setBusy(true);
    setError(null);
    const r = await useBackups.getState().setDir(next);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setDir('');
    void message.success(t(next ? 'settings.autoBackup.saved' : 'settings.autoBackup.stopped'));
  };

  const restore = (copy: Copy) =>
    modal.confirm({
      title: t('settings.autoBackup.restore.title'),
      content: t('settings.autoBackup.restore.content', {
        at: formatTime(copy.modifiedAt),
        name: baseName(congressPath),
      }),
      okText: t('settings.autoBackup.restore.ok'),
      okButtonProps: { danger: true, ...testId('backup-restore-confirm') },
      cancelText: t('common.cancel'),
      width: 520,
      onOk: async () => {
        setError(null);
        const r = await useBackups.getState().restore(copy.path);
        if (!r.ok) return setError(r.error);
        void message.success(
          r.value.previousKeptAt
            ? t('settings.autoBackup.restored', { path: r.value.previousKeptAt })
            : t('settings.autoBackup.restored.plain'),
        );
      },
    });

  const columns: TableColumnsType<Copy> = [
    {
      title: t('settings.autoBackup.col.file'),
      dataIndex: 'path',
      ellipsis: true,
      render: (p: string) => (
        <Typography.Text title={p} className="backup-file">
          {baseName(p)}
        </Typography.Text>
      ),
    },
    {
      title: t('settings.autoBackup.col.time'),
      dataIndex: 'modifiedAt',
      width: 180,
      render: (at: string) => formatTime(at),
    },
    {
      title: t('settings.autoBackup.col.size'),
      dataIndex: 'bytes',
      width: 100,
      align: 'right',
      render: (b: number) => formatBytes(b),
    },
    ...(canRestore
      ? [
          {
            key: 'restore',
            width: 90,
            render: (_: unknown, c: Copy) => (
              <Button size="small" icon={<HistoryOutlined />} data-testid="backup-restore" onClick={() => restore(c)}>
                {t('settings.autoBackup.restore')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const current = status?.dir ?? null;
  return (
    <Card
      title={
        <Space>
          <CloudServerOutlined />
          {t('settings.autoBackup.title')}
        </Space>
      }
      className="page-card"
      data-testid="settings-auto-backup"
    >
      <Typography.Paragraph type="secondary">{t('settings.autoBackup.help')}</Typography.Paragraph>
      {loadError && <ErrorAlert error={loadError} />}
      {status?.lastError && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="backup-last-error"
          title={t('settings.autoBackup.lastError')}
          description={
            <div>
              <div>
                {formatTime(status.lastError.at)} · {errorText(status.lastError)}
              </div>
              <div className="muted">{t('settings.autoBackup.lastError.help')}</div>
            </div>
          }
        />
      )}
      <Descriptions column={1} size="small" className="backup-facts">
        <Descriptions.Item label={t('settings.autoBackup.current')}>
          {current ? (
            <Typography.Text copyable data-testid="backup-dir">
              {current}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="backup-dir-none">
              {t('settings.autoBackup.off')}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('settings.autoBackup.last')}>
          {status?.last ? (
            <span data-testid="backup-last">
              {formatTime(status.last.at)} · {t(`settings.autoBackup.reason.${status.last.reason}`)}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('settings.autoBackup.last.none')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {canSet && (
        <Space.Compact block className="backup-dir-form">
          <Space.Addon>{t('settings.autoBackup.dir')}</Space.Addon>
          <Input
            value={dir}
            placeholder={t('settings.autoBackup.dir.placeholder')}
            onChange={(e) => setDir(e.target.value)}
            onPressEnter={() => dir.trim() && void saveDir(dir.trim())}
            data-testid="backup-dir-input"
          />
          <Button
            type="primary"
            loading={busy}
            disabled={!dir.trim()}
            data-testid="backup-dir-set"
            onClick={() => void saveDir(dir.trim())}
          >
            {t('settings.autoBackup.set')}
          </Button>
        </Space.Compact>
      )}
      {canSet && current && (
        <Button className="backup-stop" data-testid="backup-dir-stop" onClick={() => void saveDir(null)}>
          {t('settings.autoBackup.stop')}
        </Button>
      )}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="backup-error" />}
      {current && (
        <>
          <Typography.Title level={5} className="backup-copies-title">
            {t('settings.autoBackup.copies')}
          </Typography.Title>
          <Table<Copy>
            rowKey="path"
            size="small"
            columns={columns}
            dataSource={status?.copies ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            locale={{ emptyText: t('settings.autoBackup.copies.empty') }}
            onRow={(c) => testId('backup-copy', { 'data-path': c.path })}
            data-testid="backup-copies"
          />
        </>
      )}
    </Card>
  );
}
