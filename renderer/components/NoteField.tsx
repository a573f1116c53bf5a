import { Form, Input } from 'antd';

/**
 * A submit modal's optional note, one line of at most `max` characters (`noteOrNull` makes an
 * empty one null): the note of an exclusion, of a meeting's approval.
 */
export function NoteField(props: { label: string; placeholder: string; max: number; testId: string }) {
  return (
    <Form.Item name="note" label={props.label} rules={[{ max: props.max }]}>
      <Input placeholder={props.placeholder} data-testid={props.testId} maxLength={props.max} />
    </Form.Item>
  );
}
