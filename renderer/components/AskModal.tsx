import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../app/language.js';
import { testId } from '../lib/testid.js';
import { IconTitle } from './TitledCard.js';

/**
 * A dialog a call opens while it waits for the person at the keyboard (the warnings to
 * acknowledge, the chief scrutineer's PIN): OK makes the call again, Cancel changes nothing, and
 * a click beside it is no answer. `zIndex` puts it above the dialog whose call asked.
 */
export function AskModal(props: {
  open: boolean;
  zIndex: number;
  title: ReactNode;
  okText: string;
  /** OK, or Cancel (false). */
  onAnswer(ok: boolean): void;
  busy: boolean;
  okDisabled?: boolean;
  /** data-testid of the dialog, its OK and its Cancel. */
  testIds: [modal: string, ok: string, cancel: string];
  afterOpen?(): void;
  children: ReactNode;
}) {
  const t = useT();
  const [modal, ok, cancel] = props.testIds;
  return (
    <Modal
      open={props.open}
      zIndex={props.zIndex}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      onOk={() => props.onAnswer(true)}
      onCancel={() => props.onAnswer(false)}
      confirmLoading={props.busy}
      okButtonProps={{ disabled: props.okDisabled, ...testId(ok) }}
      cancelButtonProps={testId(cancel)}
      mask={{ closable: false }}
      destroyOnHidden
      afterOpenChange={(visible) => visible && props.afterOpen?.()}
      data-testid={modal}
    >
      {props.children}
    </Modal>
  );
}

export { IconTitle };
