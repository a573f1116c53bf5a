import { Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AppError } from '../../core/result.js';
import type { Translate } from '../app/language.js';
import { SubmitModal } from './SubmitModal.js';

/**
 * A short text before a recorded act: the reason a pledge is withdrawn (required), or the
 * note of a refusal (optional). The store's refusal shows above the text, as it came.
 */
export function ReasonModal(props: {
  open: boolean;
  title: string;
  /** What the act does, above the field (a round declared void and what follows). */
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
  return (
    <SubmitModal<{ text?: string }>
      open={props.open}
      title={props.title}
      okText={props.okText}
      okTestId={`${props.testIdPrefix}-submit`}
      testId={`${props.testIdPrefix}-modal`}
      danger={props.danger}
      t={t}
      onSubmit={(v) => props.onSubmit(v.text?.trim() || null)}
      onClose={props.onClose}
    >
      {() => (
        <>
          {props.help && <Typography.Paragraph>{props.help}</Typography.Paragraph>}
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
        </>
      )}
    </SubmitModal>
  );
}
