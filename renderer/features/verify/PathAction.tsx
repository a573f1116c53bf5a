import { Alert, Button, Input, Space } from 'antd';
import type { ReactNode } from 'react';
import { isDesktop } from '../../api/index.js';
import { BrowseButton } from '../../components/BrowseButton.js';
import type { PickRequest } from '../../components/pick-path.js';

/**
 * A file the verify screen reads or writes (the district workbook, an enrolment file in or
 * out): on the desktop one button that opens the file dialog; in a browser the path typed
 * beside it, or picked with 「浏览…」 from the places. What was done is said below it once done.
 */
export function PathAction(props: {
  /** Fields before the path (the township of an enrolment). */
  children?: ReactNode;
  addon?: string;
  path: string;
  onPath(path: string): void;
  pathLabel?: string;
  /** What 「浏览…」 asks for in a browser (the picker's test id: `<pathTestId>-browse`). */
  browse: PickRequest;
  pathTestId: string;
  icon: ReactNode;
  label: string;
  primary?: boolean;
  loading?: boolean;
  disabled?: boolean;
  testId: string;
  /** Desktop: ask for the file; browser: act on the typed path. */
  onClick(): void;
  className: string | undefined;
  done: { testId: string; title: string } | null;
}) {
  const desktop = isDesktop();
  return (
    <>
      <Space.Compact block className={props.className}>
        {props.children}
        {!desktop && props.addon && <Space.Addon>{props.addon}</Space.Addon>}
        {!desktop && (
          <Input
            value={props.path}
            onChange={(e) => props.onPath(e.target.value)}
            placeholder={props.pathLabel}
            aria-label={props.pathLabel}
            data-testid={props.pathTestId}
          />
        )}
        {!desktop && (
          <BrowseButton
            request={{ ...props.browse, suggested: props.path.trim() || props.browse.suggested }}
            onPicked={props.onPath}
            testId={`${props.pathTestId}-browse`}
          />
        )}
        <Button
          type={props.primary && !desktop ? 'primary' : 'default'}
          icon={props.icon}
          loading={props.loading}
          disabled={props.disabled || (!desktop && !props.path.trim())}
          data-testid={props.testId}
          onClick={props.onClick}
        >
          {props.label}
        </Button>
      </Space.Compact>
      {props.done && (
        <Alert
          className="page-alert"
          type="success"
          showIcon
          data-testid={props.done.testId}
          title={props.done.title}
        />
      )}
    </>
  );
}
