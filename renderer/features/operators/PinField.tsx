import { Input, type InputRef } from 'antd';
import type { ReactNode, Ref } from 'react';
import styles from './PinField.module.css';
import { pinDigits } from './pin.js';

/** A label above its control, as the lock screen and the chief's confirmation lay them out. */
export function Field(props: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={props.className ? `${styles.field} ${props.className}` : styles.field}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
    </div>
  );
}

/** A PIN typed at that moment: digits only, never remembered by the browser, spaced for reading. */
export function PinField(props: {
  id: string;
  label: string;
  value: string;
  onChange(pin: string): void;
  onPressEnter(): void;
  inputRef: Ref<InputRef>;
  testId: string;
  disabled?: boolean;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Field id={props.id} label={props.label} className={props.className}>
      <Input.Password
        id={props.id}
        ref={props.inputRef}
        className={styles.pin}
        size="large"
        value={props.value}
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        disabled={props.disabled}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(pinDigits(e.target.value))}
        onPressEnter={props.onPressEnter}
        data-testid={props.testId}
      />
    </Field>
  );
}
