import { type InputRef, Select } from 'antd';
import type { RefObject } from 'react';
import { Field, PinField } from './PinField.js';
import type { Operator } from './store.js';

/**
 * The chief scrutineer's name and PIN, as the 总监票人确认 and a standby's 接管 both ask for them:
 * the name from the chiefs the list holds (the only one chosen already), then the PIN, Enter to
 * submit; choosing a name moves to the PIN. `prefix` names the ids and test ids (`${prefix}-operator`, `${prefix}-pin`).
 */
export function ChiefFields(props: {
  prefix: string;
  className?: string;
  chiefs: Pick<Operator, 'id' | 'name'>[];
  operatorId: number | null;
  onChoose(id: number): void;
  pin: string;
  onPin(pin: string): void;
  onSubmit(): void;
  pinRef: RefObject<InputRef | null>;
  labels: { operator: string; pin: string; placeholder?: string };
  /** Where the list opens: in a banner over the lock screen, a list drawn at the page's end would be under it. */
  popupInPlace?: boolean;
  selectClassName?: string;
  size?: 'large';
}) {
  const { prefix } = props;
  return (
    <div className={props.className}>
      <Field id={`${prefix}-operator`} label={props.labels.operator}>
        <Select
          id={`${prefix}-operator`}
          className={props.selectClassName}
          size={props.size}
          value={props.operatorId ?? undefined}
          placeholder={props.labels.placeholder}
          options={props.chiefs.map((c) => ({ value: c.id, label: c.name }))}
          getPopupContainer={
            props.popupInPlace ? (trigger: HTMLElement) => trigger.parentElement ?? document.body : undefined
          }
          onChange={(id: number) => {
            props.onChoose(id);
            props.pinRef.current?.focus();
          }}
          data-testid={`${prefix}-operator`}
        />
      </Field>
      <PinField
        id={`${prefix}-pin`}
        label={props.labels.pin}
        inputRef={props.pinRef}
        value={props.pin}
        onChange={props.onPin}
        onPressEnter={props.onSubmit}
        testId={`${prefix}-pin`}
      />
    </div>
  );
}
