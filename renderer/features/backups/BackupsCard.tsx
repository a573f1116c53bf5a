import { CloudServerOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, type TableColumnsType, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PathForm } from '../../components/PathForm.js';
import { TitledCard } from '../../components/TitledCard.js';
import { useErrorText } from '../../lib/errors.js';
import { baseName, formatBytes, formatTime } from '../../lib/paths.js';
import { testId } from '../../lib/testid.js';
import { useCan } from '../operators/station-store.js';
import styles from './BackupsCard.module.css';
import { type BackupStatus, restoreBackup, setBackupDir } from './store.js';

type Copy = BackupStatus['copies'][number];

/** Milliseconds between two looks at the backup folder while the settings show it. */
const POLL_MS = 10_000;

/**
 * 自动备份: the folder the congress is copied to (typed, or picked with 「浏览…」: the desktop's
 * folder dialog, the browser's picker of the places),
 * the last copy and the last failure, the copies there, each of which can be restored.
 */
export function BackupsCard(props: { t: Translate }) {
  const { t } = props;
  const errorText = useErrorText();
  const { modal, message } = App.useApp();
  const backups = useCall('backups.status', {});
  const status = backups.data;
  const congressPath = useCongress((s) => s.file?.path ?? '');
  const canSet = useCan('congress.updateSettings');
  const canRestore = useCan('backups.restore');
  const [dir, setDir] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  // A stick pulled out shows while the settings are open: the folder is looked at now and then.
  const { refetch } = backups;
  useEffect(() => {
    const timer = window.setInterval(() => void refetch(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [refetch]);

  const saveDir = async (next: string | null) => {
    setBusy(true);
    setError(null);
    const r = await setBackupDir(next);
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
        const r = await restoreBackup(copy.path);
        if (!r.ok) return setError(r.error);
        // The congress it restored is named: a restore never puts another congress in its place.
        const { name, date } = r.value.congress;
        void message.success(
          r.value.previousKeptAt
            ? t('settings.autoBackup.restored', { path: r.value.previousKeptAt, name, date })
            : t('settings.autoBackup.restored.plain', { name, date }),
        );
      },
    });

  const columns: TableColumnsType<Copy> = [
    {
      title: t('settings.autoBackup.col.file'),
      dataIndex: 'path',
      ellipsis: true,
      render: (p: string) => <Typography.Text title={p}>{baseName(p)}</Typography.Text>,
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
    <TitledCard
      icon={<CloudServerOutlined />}
      title={t('settings.autoBackup.title')}
      className="page-card"
      testId="settings-auto-backup"
    >
      <Typography.Paragraph type="secondary">{t('settings.autoBackup.help')}</Typography.Paragraph>
      {backups.error && <ErrorAlert error={backups.error} />}
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
              <div className={styles.hint}>{t('settings.autoBackup.lastError.help')}</div>
            </div>
          }
        />
      )}
      <Descriptions column={1} size="small" className={styles.facts}>
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
        <PathForm
          label={t('settings.autoBackup.dir')}
          value={dir}
          onChange={setDir}
          placeholder={t('settings.autoBackup.dir.placeholder')}
          action={t('settings.autoBackup.set')}
          busy={busy}
          onSubmit={(path) => void saveDir(path)}
          browse={{ mode: 'folder', title: t('settings.autoBackup.dir.dialogTitle'), suggested: current ?? undefined }}
          testIds={{ input: 'backup-dir-input', submit: 'backup-dir-set' }}
        />
      )}
      {canSet && current && (
        <Button className={styles.stop} data-testid="backup-dir-stop" onClick={() => void saveDir(null)}>
          {t('settings.autoBackup.stop')}
        </Button>
      )}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="backup-error" />}
      {current && (
        <>
          <Typography.Title level={5} className={styles.copiesTitle}>
            {t('settings.autoBackup.copies')}
          </Typography.Title>
          <DataTable<Copy>
            rowKey="path"
            columns={columns}
            dataSource={status?.copies ?? []}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            emptyText={t('settings.autoBackup.copies.empty')}
            row={(c) => ({ testId: 'backup-copy', data: { path: c.path } })}
            testId="backup-copies"
          />
        </>
      )}
    </TitledCard>
  );
}
