import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Input, type InputRef, Modal, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../app/language.js';
import { errorTitleKey, useErrorText } from '../../lib/errors.js';
import { testId } from '../../lib/testid.js';
import { useChief } from './chief-store.js';
import { pinDigits } from './pin.js';
import { useOperators } from './store.js';

/**
 * 总监票人确认: the chief scrutineer picks their name and types the PIN, at whatever station the
 * call was made; the call then goes through with it. Cancel leaves everything as it was.
 */
export function ChiefConfirmModal() {
  const t = useT();
  const errorText = useErrorText();
  const open = useChief((s) => s.open);
  const busy = useChief((s) => s.busy);
  const error = useChief((s) => s.error);
  const list = useOperators((s) => s.list);
  const chiefs = useMemo(() => list.filter((o) => o.role === 'chief_scrutineer' && !o.disabled), [list]);
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
    <Modal
      open={open}
      // Above the confirmations that asked for it (antd puts App.useApp() modals at 2000).
      zIndex={2100}
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('chief.title')}
        </Space>
      }
      okText={t('chief.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={() => useChief.getState().cancel()}
      confirmLoading={busy}
      okButtonProps={{ disabled: operatorId === null || pin.length === 0, ...testId('chief-submit') }}
      cancelButtonProps={testId('chief-cancel')}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) pinInput.current?.focus();
      }}
      data-testid="chief-modal"
    >
      <Typography.Paragraph type="secondary">{t('chief.intro')}</Typography.Paragraph>
      {chiefs.length === 0 ? (
        <Alert type="warning" showIcon title={t('chief.none')} data-testid="chief-none" />
      ) : (
        <div className="chief-form">
          <div className="chief-field">
            <label htmlFor="chief-operator">{t('chief.operator')}</label>
            <Select
              id="chief-operator"
              value={operatorId ?? undefined}
              placeholder={t('chief.operator.placeholder')}
              options={chiefs.map((c) => ({ value: c.id, label: c.name }))}
              onChange={(id: number) => {
                setChosen(id);
                pinInput.current?.focus();
              }}
              data-testid="chief-operator"
            />
          </div>
          <div className="chief-field">
            <label htmlFor="chief-pin">{t('chief.pin')}</label>
            <Input.Password
              id="chief-pin"
              ref={pinInput}
              size="large"
              value={pin}
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              onChange={(e) => setPin(pinDigits(e.target.value))}
              onPressEnter={submit}
              data-testid="chief-pin"
            />
          </div>
        </div>
      )}
      {error && (
        <Alert
          type="error"
          showIcon
          className="chief-error"
          data-testid="chief-error"
          title={t(errorTitleKey(error))}
          description={errorText(error)}
        />
      )}
    </Modal>
  );
}
