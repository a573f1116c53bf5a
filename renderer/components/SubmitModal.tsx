import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Translate } from '../app/language.js';
import { testId } from '../lib/testid.js';

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
  /** The call for the form's values: its error text, or null when done. */
  onSubmit(values: V): Promise<string | null>;
  onClose(): void;
  children(serverError: ServerErrorProps, form: FormInstance<V>): ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
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
      afterClose={() => setServerError(null)}
      okButtonProps={testId(props.okTestId)}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={props.initialValues}
        onFinish={async (values) => {
          setSaving(true);
          const error = await props.onSubmit(values);
          setSaving(false);
          setServerError(error);
          if (!error) props.onClose();
        }}
      >
        {props.children({ validateStatus: serverError ? 'error' : undefined, help: serverError ?? undefined }, form)}
      </Form>
    </Modal>
  );
}

/** A note as the store takes it: trimmed, and null when left empty. */
export const noteOrNull = (note: string | undefined): string | null => {
  const trimmed = note?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};
