import { Form, Input } from 'antd';
import { memo } from 'react';
import type { Delegate } from '../../../core/domain.js';
import type { Translate } from '../../app/language.js';
import { SubmitModal } from '../../components/SubmitModal.js';

/** 请假 needs a reason; it goes into the attendance report. Drawn only when its props change. */
export const LeaveModal = memo(function LeaveModal(props: {
  delegate: Delegate | null;
  t: Translate;
  onSubmit(reason: string): Promise<string | null>;
  onClose(): void;
}) {
  const { delegate, t } = props;
  return (
    <SubmitModal<{ reason: string }>
      open={delegate !== null}
      title={delegate ? t('desk.leave.title', { name: delegate.name }) : ''}
      okText={t('desk.leave.submit')}
      okTestId="leave-submit"
      t={t}
      onSubmit={(v) => props.onSubmit(v.reason.trim())}
      onClose={props.onClose}
    >
      {(serverError) => (
        <Form.Item
          name="reason"
          label={t('desk.leave.reason')}
          rules={[{ required: true, whitespace: true, message: t('desk.leave.reason.required') }, { max: 200 }]}
          {...serverError}
        >
          <Input
            autoFocus
            placeholder={t('desk.leave.reason.placeholder')}
            data-testid="leave-reason"
            maxLength={200}
          />
        </Form.Item>
      )}
    </SubmitModal>
  );
});
