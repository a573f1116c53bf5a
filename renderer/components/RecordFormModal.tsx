import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { AppError, Result } from '../../core/result.js';
import type { Translate } from '../app/language.js';
import { fieldErrors } from '../lib/errors.js';
import { testId } from '../lib/testid.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * A modal form that adds or edits one record (a contest, a delegate): filled afresh each time it
 * opens, saving while the call runs, the backend's refusal put on the fields it names and the rest
 * of it above the form, closed with the record saved.
 */
export function RecordFormModal<V, R>(props: {
  open: boolean;
  title: string;
  t: Translate;
  /** The form's values when it opens: the record's, or a new one's (keep it memoised). */
  values: Partial<V>;
  /** data-testid of the OK button. */
  okTestId: string;
  /** data-testid of the form. */
  formTestId?: string;
  formClassName?: string;
  width?: number;
  /** Which of a refusal's field names the form shows (the others go above it); default: all. */
  isField?(name: string): boolean;
  onSave(values: V, form: FormInstance<V>): Promise<Result<R>>;
  onClose(saved: R | null): void;
  children: ReactNode;
}) {
  const { t, open, values } = props;
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(values as Parameters<FormInstance<V>['setFieldsValue']>[0]);
  }, [open, values, form]);

  const save = async (v: V) => {
    setSaving(true);
    setError(null);
    const r = await props.onSave(v, form);
    setSaving(false);
    if (r.ok) {
      props.onClose(r.value);
      return;
    }
    const byField = [...fieldErrors(r.error)];
    const placed = byField.filter(([name]) => props.isField?.(name) ?? true);
    if (placed.length > 0)
      form.setFields(
        placed.map(([name, errors]) => ({ name: name as Parameters<FormInstance<V>['getFieldError']>[0], errors })),
      );
    if (placed.length === 0 || placed.length < byField.length) setError(r.error);
  };

  return (
    <Modal
      open={open}
      title={props.title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(null)}
      {...(props.width !== undefined ? { width: props.width } : {})}
      destroyOnHidden
      okButtonProps={testId(props.okTestId)}
    >
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Form<V>
        form={form}
        layout="vertical"
        className={props.formClassName}
        onFinish={save}
        data-testid={props.formTestId}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
