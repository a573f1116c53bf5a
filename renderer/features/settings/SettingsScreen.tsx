import { KeyOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Input, Select, Space, Spin, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type MarkingConvention, MEANINGS, PAPER_MARKS } from '../../../core/election-types.js';
import type { AppError } from '../../../core/result.js';
import { invokeShell, isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { baseName, directoryOf, formatBytes, formatTime, joinPath, today } from '../../lib/paths.js';
import { BackupsCard } from '../backups/BackupsCard.js';
import { OperatorsCard } from '../operators/OperatorsCard.js';
import { useCan } from '../operators/station-store.js';
import { useResults } from '../results/store.js';

/**
 * Quorum setting, marking convention (rule 3), operators and the idle lock, automatic backups,
 * and Save a backup copy. A station whose role may not change settings sees them, disabled.
 */
export function SettingsScreen() {
  const t = useT();
  const readOnly = !useCan('congress.updateSettings');
  const canBackup = useCan('congress.backup');
  const { message } = App.useApp();
  const file = useCongress((s) => s.file);
  const info = useCongress((s) => s.info);
  const { updateSettings, backup } = useCongress.getState();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [backupPath, setBackupPath] = useState(() => {
    if (!file) return '';
    const name = baseName(file.path).replace(/\.[^.]*$/, '');
    return joinPath(info?.defaultDirectory || directoryOf(file.path), `${name}-backup-${today()}.congress`);
  });
  if (!file) return null;
  const { congress } = file;

  const runBackup = async (path: string) => {
    setBusy(true);
    setError(null);
    const r = await backup(path);
    setBusy(false);
    if (r.ok) void message.success(t('settings.backup.done', { path: r.value.path, size: formatBytes(r.value.bytes) }));
    else setError(r.error);
  };

  const marking = congress.settings.marking;
  const saveMarking = async (change: Partial<MarkingConvention>) => {
    const r = await updateSettings({ marking: { ...marking, ...change } });
    if (r.ok) void message.success(t('settings.saved'));
    else setError(r.error);
  };

  return (
    <div className="page" data-testid="settings-page">
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Card title={t('settings.congress')} className="page-card">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('start.new.name')}>{congress.name}</Descriptions.Item>
          <Descriptions.Item label={t('start.new.date')}>{congress.date}</Descriptions.Item>
          <Descriptions.Item label={t('start.new.venue')}>{congress.venue}</Descriptions.Item>
          <Descriptions.Item label={t('settings.file')}>
            <Typography.Text copyable>{file.path}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <OperatorsCard t={t} />
      <Card title={t('settings.quorum.title')} className="page-card">
        <Checkbox
          data-testid="settings-quorum-equal"
          disabled={readOnly}
          checked={congress.settings.quorumAllowEqual}
          onChange={async (e) => {
            const r = await updateSettings({ quorumAllowEqual: e.target.checked });
            if (r.ok) void message.success(t('settings.saved'));
            else setError(r.error);
          }}
        >
          {t('settings.quorum.allowEqual')}
        </Checkbox>
        <Typography.Paragraph type="secondary" className="setting-help">
          {t('settings.quorum.help')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.discipline.title')} className="page-card">
        <Space>
          <Switch
            data-testid="settings-pledge-at-desk"
            disabled={readOnly}
            checked={congress.settings.pledgeAtDesk}
            onChange={async (checked) => {
              const r = await updateSettings({ pledgeAtDesk: checked });
              if (r.ok) void message.success(t('settings.saved'));
              else setError(r.error);
            }}
          />
          <span>{t('settings.discipline.pledgeAtDesk')}</span>
        </Space>
        <Typography.Paragraph type="secondary" className="setting-help">
          {t('settings.discipline.pledgeAtDesk.help')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.marking.title')} className="page-card" data-testid="settings-marking">
        <Typography.Paragraph type="secondary">{t('settings.marking.help')}</Typography.Paragraph>
        <div className="marking-grid">
          {PAPER_MARKS.map((mark) => (
            <Space key={mark}>
              <span className="marking-symbol">{t(`settings.marking.${mark}`)}</span>
              <Select
                value={marking[mark]}
                style={{ width: 140 }}
                data-testid={`settings-marking-${mark}`}
                disabled={readOnly}
                onChange={(meaning) => void saveMarking({ [mark]: meaning })}
                options={MEANINGS.map((m) => ({ value: m, label: t(`count.meaning.${m}`) }))}
              />
            </Space>
          ))}
        </div>
        <Checkbox
          className="marking-check"
          data-testid="settings-writein-mark"
          disabled={readOnly}
          checked={marking.writeInNeedsMark}
          onChange={(e) => void saveMarking({ writeInNeedsMark: e.target.checked })}
        >
          {t('settings.marking.writeInNeedsMark')}
        </Checkbox>
        <Checkbox
          className="marking-check"
          data-testid="settings-writein-against"
          disabled={readOnly}
          checked={marking.writeInNeedsAgainst}
          onChange={(e) => void saveMarking({ writeInNeedsAgainst: e.target.checked })}
        >
          {t('settings.marking.writeInNeedsAgainst')}
        </Checkbox>
      </Card>
      <Card title={t('settings.tieRevote.title')} className="page-card">
        <Checkbox
          data-testid="settings-tie-revote-majority"
          disabled={readOnly}
          checked={congress.settings.tieRevoteNeedsMajority}
          onChange={async (e) => {
            const r = await updateSettings({ tieRevoteNeedsMajority: e.target.checked });
            if (r.ok) void message.success(t('settings.saved'));
            else setError(r.error);
          }}
        >
          {t('settings.tieRevote.needsMajority')}
        </Checkbox>
        <Typography.Paragraph type="secondary" className="setting-help">
          {t('settings.tieRevote.help')}
        </Typography.Paragraph>
      </Card>
      <KeyCard t={t} />
      <BackupsCard t={t} />
      <Card title={t('settings.backup.title')} className="page-card">
        <Typography.Paragraph type="secondary">{t('settings.backup.help')}</Typography.Paragraph>
        {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
        {!canBackup ? null : isDesktop() ? (
          <Button
            icon={<SaveOutlined />}
            loading={busy}
            data-testid="backup-submit"
            onClick={async () => {
              const r = await invokeShell('shell.saveDialog', {
                title: t('settings.backup.dialogTitle'),
                defaultPath: backupPath,
                extensions: ['congress'],
              });
              if (r?.ok && r.value.path) await runBackup(r.value.path);
            }}
          >
            {t('settings.backup.submit')}
          </Button>
        ) : (
          <Space.Compact block>
            <Space.Addon>{t('settings.backup.path')}</Space.Addon>
            <Input value={backupPath} onChange={(e) => setBackupPath(e.target.value)} data-testid="backup-path" />
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={busy}
              disabled={!backupPath.trim()}
              data-testid="backup-submit"
              onClick={() => void runBackup(backupPath.trim())}
            >
              {t('settings.backup.submit')}
            </Button>
          </Space.Compact>
        )}
      </Card>
    </div>
  );
}

/**
 * The installation key that signs result files: its fingerprint large and spaced, to read
 * aloud and compare with the paper forms, how the private key is kept, and since when.
 */
function KeyCard(props: { t: Translate }) {
  const { t } = props;
  const key = useResults((s) => s.key);
  const error = useResults((s) => s.keyError);
  useEffect(() => {
    void useResults.getState().loadKey();
  }, []);
  return (
    <Card
      title={
        <Space>
          <KeyOutlined />
          {t('key.title')}
        </Space>
      }
      className="page-card"
      data-testid="settings-key"
    >
      {error && <ErrorAlert error={error} />}
      {key ? (
        <>
          <div className="key-fingerprint">
            <Typography.Text type="secondary">{t('key.fingerprint')}</Typography.Text>
            <Fingerprint value={key.fingerprint} testId="settings-key-fingerprint" />
          </div>
          <Typography.Paragraph type="secondary">{t('key.help')}</Typography.Paragraph>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('key.protection')}>
              <span data-testid="settings-key-protection" data-protection={key.protection}>
                {t(key.protection === 'safeStorage' ? 'key.protection.safeStorage' : 'key.protection.file')}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('key.createdAt')}>{formatTime(key.createdAt)}</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        !error && <Spin />
      )}
    </Card>
  );
}
