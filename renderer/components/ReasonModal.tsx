import { Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import type { AppError } from '../../core/result.js';
import type { Translate } from '../app/language.js';
import { testId } from '../lib/testid.js';
import { ErrorAlert } from './ErrorAlert.js';

/**
 * A short text before a recorded act: the reason a pledge is withdrawn (required), or the
 * note of a refusal (optional).
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  /** What the act does, above the field. */
  help?: ReactNode;
  label: string;
  placeholder?: string;
  okText: string;
  required: boolean;
  danger?: boolean;
  testIdPrefix: string;
  t: Translate;
  onSubmit(text: string | null): Promise<AppError | null>;
  onClose(): void;
}) {
  const { t } = props;
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => setError(null)}
      okButtonProps={{ danger: props.danger, ...testId(`${props.testIdPrefix}-submit`) }}
      data-testid={`${props.testIdPrefix}-modal`}
    >
      {props.help && <Typography.Paragraph>{props.help}</Typography.Paragraph>}
      {error && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setSaving(true);
          const failed = await props.onSubmit(v.text?.trim() || null);
          setSaving(false);
          setError(failed);
          if (!failed) props.onClose();
        }}
      >
        <Form.Item
          name="text"
          label={props.label}
          rules={
            props.required
              ? [{ required: true, whitespace: true, message: t('discipline.reason.required') }, { max: 500 }]
              : [{ max: 200 }]
          }
        >
          <Input.TextArea
            autoFocus
            rows={3}
            maxLength={props.required ? 500 : 200}
            placeholder={props.placeholder}
            data-testid={`${props.testIdPrefix}-text`}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
