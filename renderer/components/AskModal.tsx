import { Modal, Space } from 'antd';
import type { ReactNode } from 'react';
import { testId } from '../lib/testid.js';

/**
 * A dialog a call opens while it waits for the person at the keyboard (the warnings to
 * acknowledge, the chief scrutineer's PIN): OK makes the call again, Cancel changes nothing, and
 * a click beside it is no answer. `zIndex` puts it above the dialog whose call asked.
 */
export function AskModal(props: {
  open: boolean;
  zIndex: number;
  icon: ReactNode;
  title: string;
  okText: string;
  cancelText: string;
  onOk(): void;
  onCancel(): void;
  busy: boolean;
  okDisabled?: boolean;
  /** data-testid of the dialog, its OK and its Cancel. */
  testIds: { modal: string; ok: string; cancel: string };
  afterOpen?(): void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={props.open}
      zIndex={props.zIndex}
      title={
        <Space>
          {props.icon}
          {props.title}
        </Space>
      }
      okText={props.okText}
      cancelText={props.cancelText}
      onOk={props.onOk}
      onCancel={props.onCancel}
      confirmLoading={props.busy}
      okButtonProps={{ disabled: props.okDisabled, ...testId(props.testIds.ok) }}
      cancelButtonProps={testId(props.testIds.cancel)}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (visible) props.afterOpen?.();
      }}
      data-testid={props.testIds.modal}
    >
      {props.children}
    </Modal>
  );
}
