import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { Delegate } from '../../../core/domain.js';
import { testId } from '../../lib/testid.js';
import type { Translate } from '../../stores/language.js';

/** 请假 needs a reason; it goes into the attendance report. */
export function LeaveModal(props: {
  delegate: Delegate | null;
  t: Translate;
  onSubmit(reason: string): Promise<string | null>;
  onClose(): void;
}) {
  const { delegate, t } = props;
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  return (
    <Modal
      open={delegate !== null}
      title={delegate ? t('desk.leave.title', { name: delegate.name }) : ''}
      okText={t('desk.leave.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={props.onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      afterClose={() => setServerError(null)}
      okButtonProps={testId('leave-submit')}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          setSaving(true);
          const error = await props.onSubmit(v.reason.trim());
          setSaving(false);
          setServerError(error);
          if (!error) props.onClose();
        }}
      >
        <Form.Item
          name="reason"
          label={t('desk.leave.reason')}
          rules={[{ required: true, whitespace: true, message: t('desk.leave.reason.required') }, { max: 200 }]}
          validateStatus={serverError ? 'error' : undefined}
          help={serverError ?? undefined}
        >
          <Input
            autoFocus
            placeholder={t('desk.leave.reason.placeholder')}
            data-testid="leave-reason"
            maxLength={200}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
