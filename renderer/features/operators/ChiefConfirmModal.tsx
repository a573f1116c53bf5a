import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, type InputRef, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCall } from '../../api/queries.js';
import { useT } from '../../app/language.js';
import { AskModal, IconTitle } from '../../components/AskModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import styles from './ChiefConfirmModal.module.css';
import { ChiefFields } from './ChiefFields.js';
import { useChief } from './chief-store.js';
import { activeOperators } from './store.js';

/**
 * 总监票人确认: the chief scrutineer picks their name and types the PIN, at whatever station the
 * call was made; the call then goes through with it. Cancel leaves everything as it was.
 */
export function ChiefConfirmModal() {
  const t = useT();
  const open = useChief((s) => s.open);
  const busy = useChief((s) => s.busy);
  const error = useChief((s) => s.error);
  const list = useCall('operators.list', open ? {} : null).data;
  const chiefs = useMemo(() => activeOperators(list).filter((o) => o.role === 'chief_scrutineer'), [list]);
  const [chosen, setChosen] = useState<number | null>(null);
  const [pin, setPin] = useState('');
  const pinInput = useRef<InputRef>(null);

  // Each time it opens: no PIN kept from before; the only chief chosen already.
  useEffect(() => {
    if (!open) return;
    setPin('');
    setChosen(null);
  }, [open]);
  const operatorId = chosen ?? (chiefs.length === 1 ? chiefs[0]!.id : null);
  useEffect(() => {
    if (!open || error === null) return;
    setPin('');
    pinInput.current?.focus();
  }, [open, error]);

  const submit = () => {
    if (operatorId === null || pin.length === 0 || busy) return;
    void useChief.getState().submit(operatorId, pin);
  };

  return (
    <AskModal
      open={open}
      // Above the confirmations that asked for it (antd puts App.useApp() modals at 2000).
      zIndex={2100}
      title={<IconTitle icon={<SafetyCertificateOutlined />} title={t('chief.title')} />}
      okText={t('chief.submit')}
      onAnswer={(ok) => (ok ? submit() : useChief.getState().cancel())}
      busy={busy}
      okDisabled={operatorId === null || pin.length === 0}
      testIds={['chief-modal', 'chief-submit', 'chief-cancel']}
      afterOpen={() => pinInput.current?.focus()}
    >
      <Typography.Paragraph type="secondary">{t('chief.intro')}</Typography.Paragraph>
      {list === undefined ? null : chiefs.length === 0 ? (
        <Alert type="warning" showIcon title={t('chief.none')} data-testid="chief-none" />
      ) : (
        <ChiefFields
          prefix="chief"
          className={styles.form}
          chiefs={chiefs}
          operatorId={operatorId}
          onChoose={setChosen}
          pin={pin}
          onPin={setPin}
          onSubmit={submit}
          pinRef={pinInput}
          labels={{ operator: t('chief.operator'), pin: t('chief.pin'), placeholder: t('chief.operator.placeholder') }}
        />
      )}
      {error && <ErrorAlert error={error} className={styles.error} testId="chief-error" />}
    </AskModal>
  );
}
