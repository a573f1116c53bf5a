import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { ROLES, type Role } from '../../../core/roles.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { testId } from '../../lib/testid.js';
import { pinDigits } from './pin.js';
import { addOperator, type Operator, updateOperator } from './store.js';

const PIN_PATTERN = /^\d{4,12}$/;

interface OperatorFormValues {
  name: string;
  role: Role;
  pin: string;
  pinAgain: string;
}

/** Add an operator (name, role, PIN twice), or change one's role or PIN. */
export function OperatorFormModal(props: {
  t: Translate;
  open: boolean;
  editing: Operator | null;
  first: boolean;
  onClose(saved: string | null): void;
}) {
  const { t, editing, first } = props;
  const [form] = Form.useForm<OperatorFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (props.open) setError(null);
  }, [props.open]);

  const submit = async (v: OperatorFormValues) => {
    setBusy(true);
    setError(null);
    const r = editing
      ? await updateOperator({
          operatorId: editing.id,
          ...(v.role !== editing.role ? { role: v.role } : {}),
          ...(v.pin ? { pin: v.pin } : {}),
        })
      : await addOperator({ name: v.name.trim(), role: v.role, pin: v.pin }, first);
    setBusy(false);
    if (!r.ok) setError(r.error);
    else
      props.onClose(
        editing
          ? t('settings.operators.saved', { name: r.value.name })
          : t('settings.operators.added', { name: r.value.name }),
      );
  };

  const pinRules = [
    ...(editing ? [] : [{ required: true, message: t('common.required') }]),
    { pattern: PIN_PATTERN, message: t('settings.operators.pin.format') },
  ];
  return (
    <Modal
      open={props.open}
      title={editing ? t('settings.operators.edit.title', { name: editing.name }) : t('settings.operators.add.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(null)}
      confirmLoading={busy}
      okButtonProps={testId('operator-form-submit')}
      destroyOnHidden
      data-testid="operator-form"
    >
      <Form<OperatorFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: editing?.name ?? '',
          role: editing?.role ?? (first ? 'secretariat' : 'counter'),
          pin: '',
          pinAgain: '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('settings.operators.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
        >
          <Input
            disabled={editing !== null}
            placeholder={t('settings.operators.name.placeholder')}
            data-testid="operator-form-name"
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('settings.operators.role')}
          extra={first && !editing ? t('settings.operators.role.first') : undefined}
        >
          <Select
            disabled={first && !editing}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            data-testid="operator-form-role"
          />
        </Form.Item>
        <Form.Item
          name="pin"
          label={editing ? t('settings.operators.pin.new') : t('settings.operators.pin')}
          extra={t('settings.operators.pin.help')}
          rules={pinRules}
          normalize={pinDigits}
        >
          <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="operator-form-pin" />
        </Form.Item>
        <Form.Item
          name="pinAgain"
          label={t('settings.operators.pin.again')}
          dependencies={['pin']}
          normalize={pinDigits}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                (value ?? '') === (getFieldValue('pin') ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('settings.operators.pin.mismatch'))),
            }),
          ]}
        >
          <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="operator-form-pin-again" />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} testId="operator-form-error" />}
    </Modal>
  );
}
