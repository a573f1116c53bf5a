import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { AppError } from '../../core/result.js';
import type { Translate } from '../app/language.js';
import { testId } from '../lib/testid.js';
import { ErrorAlert } from './ErrorAlert.js';

/** How the first field of a submit modal shows the store's refusal. */
export interface ServerErrorProps {
  validateStatus: 'error' | undefined;
  help: string | undefined;
}

/**
 * A small modal form whose OK sends one call: saving while it runs, the refusal shown under the
 * first field (`children` puts `serverError` on that field's Form.Item), closed once the call
 * went through. The desk's leave and exclusion dialogs and the meetings' approval share it.
 */
export function SubmitModal<V>(props: {
  open: boolean;
  title: string;
  okText: string;
  /** data-testid of the OK button. */
  okTestId: string;
  t: Translate;
  initialValues?: Partial<V>;
  /** A red OK: the act cannot be taken back. */
  danger?: boolean;
  /** data-testid of the dialog. */
  testId?: string;
  /**
   * The call for the form's values, or null when done: an error text goes under the first
   * field, a refusal (`AppError`) above the form with its title and details.
   */
  onSubmit(values: V): Promise<string | AppError | null>;
  onClose(): void;
  children(serverError: ServerErrorProps, form: FormInstance<V>): ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | AppError | null>(null);
  const serverError = typeof failure === 'string' ? failure : null;
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={props.t('common.cancel')}
      confirmLoading={saving}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => setFailure(null)}
      okButtonProps={{ danger: props.danger, ...testId(props.okTestId) }}
      data-testid={props.testId}
    >
      {failure !== null && typeof failure !== 'string' && <ErrorAlert error={failure} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={async (values) => {
          setSaving(true);
          const failed = await props.onSubmit(values);
          setSaving(false);
          setFailure(failed);
          if (failed === null) props.onClose();
        }}
      >
        {props.children({ validateStatus: serverError ? 'error' : undefined, help: serverError ?? undefined }, form)}
      </Form>
    </Modal>
  );
}

/** A submit modal's first field: required, and where the store's refusal of the call shows. */
export function RequiredFirstField(props: {
  name: string;
  label: string;
  serverError: ServerErrorProps;
  t: Translate;
  children: ReactNode;
}) {
  return (
    <Form.Item
      name={props.name}
      label={props.label}
      rules={[{ required: true, message: props.t('common.required') }]}
      {...props.serverError}
    >
      {props.children}
    </Form.Item>
  );
}

/** A note as the store takes it: trimmed, and null when left empty. */
export const noteOrNull = (note: string | undefined): string | null => {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};
