import { Button } from 'antd';
import { type ReactNode, useRef } from 'react';

/**
 * A button that opens the system's file chooser (a hidden file input it clicks) and hands the
 * chosen file to `onPick`; the input is cleared after each choice, so choosing the same file
 * again (after fixing it) is a new choice.
 */
export function FilePickButton(props: {
  accept: string;
  icon: ReactNode;
  children: ReactNode;
  onPick(file: File | undefined): void;
  /** The hidden input's test id (specs set files on it). */
  inputTestId: string;
  buttonTestId: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={props.accept}
        hidden
        data-testid={props.inputTestId}
        onChange={(e) => {
          props.onPick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <Button icon={props.icon} onClick={() => input.current?.click()} data-testid={props.buttonTestId}>
        {props.children}
      </Button>
    </>
  );
}
