import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { ROLES, type Role } from '../../../core/roles.js';
import type { Translate } from '../../app/language.js';
import { RecordFormModal } from '../../components/RecordFormModal.js';
import { PIN_PATTERN, pinDigits } from './pin.js';
import { addOperator, type Operator, updateOperator } from './store.js';

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
  const values = useMemo<OperatorFormValues>(
    () => ({
      name: editing?.name ?? '',
      role: editing?.role ?? (first ? 'secretariat' : 'counter'),
      pin: '',
      pinAgain: '',
    }),
    [editing, first],
  );

  const save = (v: OperatorFormValues) =>
    editing
      ? updateOperator({
          operatorId: editing.id,
          ...(v.role !== editing.role ? { role: v.role } : {}),
          ...(v.pin ? { pin: v.pin } : {}),
        })
      : addOperator({ name: v.name.trim(), role: v.role, pin: v.pin }, first);

  const pinRules = [
    ...(editing ? [] : [{ required: true, message: t('common.required') }]),
    { pattern: PIN_PATTERN, message: t('settings.operators.pin.format') },
  ];
  return (
    <RecordFormModal<OperatorFormValues, Operator>
      open={props.open}
      title={editing ? t('settings.operators.edit.title', { name: editing.name }) : t('settings.operators.add.title')}
      t={t}
      values={values}
      okTestId="operator-form-submit"
      formTestId="operator-form"
      // The refusal in one alert, as before, rather than on the fields it names.
      isField={() => false}
      onSave={save}
      onClose={(saved) =>
        props.onClose(
          saved && t(editing ? 'settings.operators.saved' : 'settings.operators.added', { name: saved.name }),
        )
      }
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
    </RecordFormModal>
  );
}
