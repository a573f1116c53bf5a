import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Select, Space, Switch, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { CongressSettings } from '../../../core/domain.js';
import { type MarkingConvention, MEANINGS, PAPER_MARKS } from '../../../core/election-types.js';
import type { AppError } from '../../../core/result.js';
import { isDesktop } from '../../api/index.js';
import { useCongress } from '../../app/congress.js';
import { type Translate, useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PathForm } from '../../components/PathForm.js';
import { type PickRequest, pickPath } from '../../components/pick-path.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { baseName, directoryOf, formatBytes, joinPath, today } from '../../lib/paths.js';
import { BackupsCard } from '../backups/BackupsCard.js';
import { OperatorsCard } from '../operators/OperatorsCard.js';
import { useCan } from '../operators/station-store.js';
import { KeyCard } from './KeyCard.js';
import styles from './SettingsScreen.module.css';

/**
 * Quorum setting, marking convention (rule 3), operators and the idle lock, automatic backups,
 * and Save a backup copy. A station whose role may not change settings sees them, disabled.
 */
export function SettingsScreen() {
  const t = useT();
  const readOnly = !useCan('congress.updateSettings');
  const { message } = App.useApp();
  const file = useCongress((s) => s.file);
  const [error, setError] = useState<AppError | null>(null);
  if (!file) return null;
  const { congress } = file;

  const save = async (change: Partial<CongressSettings>) => {
    const r = await useCongress.getState().updateSettings(change);
    if (r.ok) void message.success(t('settings.saved'));
    else setError(r.error);
  };
  const marking = congress.settings.marking;
  const saveMarking = (change: Partial<MarkingConvention>) => void save({ marking: { ...marking, ...change } });
  const checks = { settings: congress.settings, readOnly, save, t };

  return (
    <div className="page" data-testid="settings-page">
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
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
      <CheckSetting setting="quorumAllowEqual" {...checks} />
      <SettingCard title={t('settings.discipline.title')} help={t('settings.discipline.pledgeAtDesk.help')}>
        <Space>
          <Switch
            data-testid="settings-pledge-at-desk"
            disabled={readOnly}
            checked={congress.settings.pledgeAtDesk}
            onChange={(checked) => void save({ pledgeAtDesk: checked })}
          />
          <span>{t('settings.discipline.pledgeAtDesk')}</span>
        </Space>
      </SettingCard>
      <Card title={t('settings.marking.title')} className="page-card" data-testid="settings-marking">
        <Typography.Paragraph type="secondary">{t('settings.marking.help')}</Typography.Paragraph>
        <div className={styles.markingGrid}>
          {PAPER_MARKS.map((mark) => (
            <Space key={mark}>
              <span className={styles.markingSymbol}>{t(`settings.marking.${mark}`)}</span>
              <Select
                value={marking[mark]}
                style={{ width: 140 }}
                data-testid={`settings-marking-${mark}`}
                disabled={readOnly}
                onChange={(meaning) => saveMarking({ [mark]: meaning })}
                options={MEANINGS.map((m) => ({ value: m, label: t(`count.meaning.${m}`) }))}
              />
            </Space>
          ))}
        </div>
        {WRITE_IN_RULES.map(([rule, label, testId]) => (
          <Checkbox
            key={rule}
            className={styles.markingCheck}
            data-testid={testId}
            disabled={readOnly}
            checked={marking[rule]}
            onChange={(e) => saveMarking({ [rule]: e.target.checked })}
          >
            {t(label)}
          </Checkbox>
        ))}
      </Card>
      <CheckSetting setting="tieRevoteNeedsMajority" {...checks} />
      <KeyCard t={t} />
      <BackupsCard t={t} />
      <BackupCopyCard t={t} />
    </div>
  );
}

/** The write-in rules of the marking convention, each a checkbox. */
const WRITE_IN_RULES: [keyof MarkingConvention & `writeIn${string}`, MessageKey, string][] = [
  ['writeInNeedsMark', 'settings.marking.writeInNeedsMark', 'settings-writein-mark'],
  ['writeInNeedsAgainst', 'settings.marking.writeInNeedsAgainst', 'settings-writein-against'],
];

type OnOff = 'quorumAllowEqual' | 'tieRevoteNeedsMajority';

/** Each on/off setting's card title, checkbox label, rule, and test id. */
const ON_OFF: Record<OnOff, [MessageKey, MessageKey, MessageKey, string]> = {
  quorumAllowEqual: [
    'settings.quorum.title',
    'settings.quorum.allowEqual',
    'settings.quorum.help',
    'settings-quorum-equal',
  ],
  tieRevoteNeedsMajority: [
    'settings.tieRevote.title',
    'settings.tieRevote.needsMajority',
    'settings.tieRevote.help',
    'settings-tie-revote-majority',
  ],
};

/** A setting that is on or off, as a checkbox in its card. */
function CheckSetting(props: {
  setting: OnOff;
  settings: CongressSettings;
  readOnly: boolean;
  save(change: Partial<CongressSettings>): Promise<void>;
  t: Translate;
}) {
  const [title, label, help, testId] = ON_OFF[props.setting];
  return (
    <SettingCard title={props.t(title)} help={props.t(help)}>
      <Checkbox
        data-testid={testId}
        disabled={props.readOnly}
        checked={props.settings[props.setting]}
        onChange={(e) => void props.save({ [props.setting]: e.target.checked })}
      >
        {props.t(label)}
      </Checkbox>
    </SettingCard>
  );
}

/** One setting of the congress: its control and the rule it follows, in a card. */
function SettingCard(props: { title: string; help: string; children: ReactNode }) {
  return (
    <Card title={props.title} className="page-card">
      {props.children}
      <Typography.Paragraph type="secondary" className={styles.help}>
        {props.help}
      </Typography.Paragraph>
    </Card>
  );
}

/** Save a backup copy (e.g. to a USB stick): the desktop's save dialog, or in a browser a path typed or picked. */
function BackupCopyCard(props: { t: Translate }) {
  const { t } = props;
  const { message } = App.useApp();
  const canBackup = useCan('congress.backup');
  const file = useCongress((s) => s.file);
  const defaultDirectory = useCongress((s) => s.info?.defaultDirectory ?? '');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [backupPath, setBackupPath] = useState(() => {
    if (!file) return '';
    const name = baseName(file.path).replace(/\.[^.]*$/, '');
    return joinPath(defaultDirectory || directoryOf(file.path), `${name}-backup-${today()}.congress`);
  });

  const saveCopy: PickRequest = {
    mode: 'save',
    title: t('settings.backup.dialogTitle'),
    suggested: backupPath,
    extensions: ['congress'],
  };

  const runBackup = async (path: string) => {
    setBusy(true);
    setError(null);
    const r = await useCongress.getState().backup(path);
    setBusy(false);
    if (r.ok) void message.success(t('settings.backup.done', { path: r.value.path, size: formatBytes(r.value.bytes) }));
    else setError(r.error);
  };
  const browse = async () => {
    const r = await pickPath(saveCopy);
    if (r.ok && r.value) await runBackup(r.value);
    else if (!r.ok) setError(r.error);
  };

  return (
    <Card title={t('settings.backup.title')} className="page-card">
      <Typography.Paragraph type="secondary">{t('settings.backup.help')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      {!canBackup ? null : isDesktop() ? (
        <Button icon={<SaveOutlined />} loading={busy} data-testid="backup-submit" onClick={() => void browse()}>
          {t('settings.backup.submit')}
        </Button>
      ) : (
        <PathForm
          label={t('settings.backup.path')}
          value={backupPath}
          onChange={setBackupPath}
          action={t('settings.backup.submit')}
          icon={<SaveOutlined />}
          busy={busy}
          onSubmit={(path) => void runBackup(path)}
          browse={saveCopy}
          testIds={{ input: 'backup-path', submit: 'backup-submit' }}
        />
      )}
    </Card>
  );
}
