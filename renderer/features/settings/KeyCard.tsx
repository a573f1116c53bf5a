import { KeyOutlined } from '@ant-design/icons';
import { Descriptions, Spin, Typography } from 'antd';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { TitledCard } from '../../components/TitledCard.js';
import { formatTime } from '../../lib/paths.js';
import { useKeyInfo } from '../results/store.js';
import styles from './SettingsScreen.module.css';

/**
 * The installation key that signs result files: its fingerprint large and spaced, to read
 * aloud and compare with the paper forms, how the private key is kept, and since when.
 */
export function KeyCard(props: { t: Translate }) {
  const { t } = props;
  const { data: key, error } = useKeyInfo();
  return (
    <TitledCard icon={<KeyOutlined />} title={t('key.title')} className="page-card" testId="settings-key">
      {error && <ErrorAlert error={error} />}
      {key ? (
        <>
          <div className={styles.fingerprint}>
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
    </TitledCard>
  );
}
