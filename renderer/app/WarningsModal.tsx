import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { AskModal, IconTitle } from '../components/AskModal.js';
import { useErrorText } from '../lib/errors.js';
import { useT } from './language.js';
import { useWarnings } from './warnings.js';

/**
 * 提醒确认: a write that is allowed but unusual waits for the operator to read its warnings, in
 * the UI's language, and acknowledge them; OK makes the call again, Cancel changes nothing.
 */
export function WarningsModal() {
  const t = useT();
  const text = useErrorText();
  const open = useWarnings((s) => s.open);
  const busy = useWarnings((s) => s.busy);
  const warnings = useWarnings((s) => s.warnings);

  return (
    <AskModal
      open={open}
      // Above the chief scrutineer's confirmation, which may be the call that raised them.
      zIndex={2200}
      title={<IconTitle icon={<ExclamationCircleOutlined />} title={t('warnings.title')} />}
      okText={t('warnings.acknowledge')}
      onAnswer={(ok) => (ok ? void useWarnings.getState().acknowledge() : useWarnings.getState().cancel())}
      busy={busy}
      testIds={['warnings-modal', 'warnings-acknowledge', 'warnings-cancel']}
    >
      <Typography.Paragraph type="secondary">{t('warnings.intro')}</Typography.Paragraph>
      <ul data-testid="warnings-list">
        {warnings.map((w) => (
          <li key={`${w.reason}:${JSON.stringify(w.params)}`} data-reason={w.reason}>
            {text(w)}
          </li>
        ))}
      </ul>
    </AskModal>
  );
}
