import { Button, Input, Space } from 'antd';
import type { ReactNode } from 'react';

/**
 * A path typed in full, with its one action (in a browser there is no file dialog): the
 * settings' backup copy and the folder of the automatic backups.
 */
export function PathForm(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  action: string;
  icon?: ReactNode;
  busy: boolean;
  onSubmit(path: string): void;
  /** data-testid of the input and of the button. */
  testIds: { input: string; submit: string };
}) {
  const path = props.value.trim();
  return (
    <Space.Compact block>
      <Space.Addon>{props.label}</Space.Addon>
      <Input
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        onPressEnter={() => path && props.onSubmit(path)}
        data-testid={props.testIds.input}
      />
      <Button
        type="primary"
        icon={props.icon}
        loading={props.busy}
        disabled={!path}
        data-testid={props.testIds.submit}
        onClick={() => props.onSubmit(path)}
      >
        {props.action}
      </Button>
    </Space.Compact>
  );
}
