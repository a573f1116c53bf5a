import { CloudSyncOutlined } from '@ant-design/icons';
import { Alert, Button, type InputRef, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import { useT } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ChiefFields } from '../operators/ChiefFields.js';
import { activeOperators } from '../operators/store.js';
import styles from './PromotePanel.module.css';
import { promoteStandby } from './store.js';

/**
 * 「接管」 on a standby's banner: the chief scrutineer picks their name (as the last list the host
 * gave said) and types the PIN the copy knows; the copy becomes this laptop's congress. In the
 * banner itself, not a dialog: the standby is usually at its lock screen when the host dies,
 * and the lock screen lets no key or click reach a dialog over it.
 */
export function PromotePanel(props: { onClose(): void }) {
  const t = useT();
  const list = useCall('operators.list', {}).data;
  const chiefs = useMemo(() => activeOperators(list).filter((o) => o.role === 'chief_scrutineer'), [list]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const pinInput = useRef<InputRef>(null);
  const operatorId = chosen ?? (chiefs.length === 1 ? chiefs[0]!.id : null);

  useEffect(() => {
    pinInput.current?.focus();
  }, []);

  const submit = async () => {
    if (operatorId === null || pin.length === 0 || busy) return;
    setBusy(true);
    setError(null);
    const r = await promoteStandby(operatorId, pin);
    setBusy(false);
    if (r.ok) return props.onClose();
    setError(r.error);
    setPin('');
    pinInput.current?.focus();
  };

  return (
    <div className={styles.panel} data-testid="promote-panel">
      <Typography.Title level={5} className={styles.title}>
        <CloudSyncOutlined /> {t('lan.promote.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('lan.promote.help')}</Typography.Paragraph>
      {list !== undefined && chiefs.length === 0 ? (
        <Alert type="warning" showIcon title={t('lan.promote.operator.none')} data-testid="promote-none" />
      ) : (
        <ChiefFields
          prefix="promote"
          className={styles.form}
          selectClassName={styles.operator}
          popupInPlace
          size="large"
          chiefs={chiefs}
          operatorId={operatorId}
          onChoose={setChosen}
          pin={pin}
          onPin={setPin}
          onSubmit={() => void submit()}
          pinRef={pinInput}
          labels={{ operator: t('lan.promote.operator'), pin: t('lan.promote.pin') }}
        />
      )}
      {error && <ErrorAlert error={error} className={styles.error} testId="promote-error" />}
      <Space className={styles.buttons}>
        <Button onClick={props.onClose} data-testid="promote-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          danger
          loading={busy}
          disabled={operatorId === null || pin.length === 0}
          onClick={() => void submit()}
          data-testid="promote-submit"
        >
          {t('lan.promote.submit')}
        </Button>
      </Space>
    </div>
  );
}
