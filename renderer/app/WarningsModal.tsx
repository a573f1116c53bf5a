import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Modal, Space, Typography } from 'antd';
import { useErrorText } from '../lib/errors.js';
import { testId } from '../lib/testid.js';
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
    <Modal
      open={open}
      // Above the chief scrutineer's confirmation, which may be the call that raised them.
      zIndex={2200}
      title={
        <Space>
          <ExclamationCircleOutlined />
          {t('warnings.title')}
        </Space>
      }
      okText={t('warnings.acknowledge')}
      cancelText={t('common.cancel')}
      onOk={() => void useWarnings.getState().acknowledge()}
      onCancel={() => useWarnings.getState().cancel()}
      confirmLoading={busy}
      okButtonProps={testId('warnings-acknowledge')}
      cancelButtonProps={testId('warnings-cancel')}
      mask={{ closable: false }}
      destroyOnHidden
      data-testid="warnings-modal"
    >
      <Typography.Paragraph type="secondary">{t('warnings.intro')}</Typography.Paragraph>
      <ul className="warnings-list" data-testid="warnings-list">
        {warnings.map((w) => (
          <li key={`${w.reason}:${JSON.stringify(w.params)}`} data-reason={w.reason}>
            {text(w)}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
