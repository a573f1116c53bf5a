import { Button, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { BrowseButton } from './BrowseButton.js';
import type { PickRequest } from './pick-path.js';

/**
 * A path typed in full or picked with 「浏览…」 (the desktop's dialog, the browser's picker of the
 * places), with its one action: the settings' backup copy and the folder of the automatic backups.
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
  /** What 「浏览…」 asks for; without it the path is only typed. */
  browse?: PickRequest;
  /** data-testid of the input, of the button and of 「浏览…」 (`<input>-browse`). */
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
      {props.browse && (
        <BrowseButton
          request={{ ...props.browse, suggested: path || props.browse.suggested }}
          onPicked={props.onChange}
          testId={`${props.testIds.input}-browse`}
        />
      )}
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
