import { Button, Input, Space } from 'antd';
import { type ReactNode, useState } from 'react';

/**
 * A name typed by hand and added with its button, for someone not on the roster: a 计票人, or a
 * candidate added to a 另行选举. The field empties once the name is taken (`onAdd` says so).
 */
export function NameByHand(props: {
  placeholder: string;
  addText: string;
  icon?: ReactNode;
  width: number;
  /** data-testid of the field and of its button. */
  testIds: [field: string, add: string];
  onAdd(name: string): boolean | Promise<boolean>;
}) {
  const [name, setName] = useState('');
  const [field, add] = props.testIds;
  return (
    <Space>
      <Input
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder={props.placeholder}
        style={{ width: props.width }}
        data-testid={field}
      />
      <Button
        icon={props.icon}
        disabled={name.trim() === ''}
        data-testid={add}
        onClick={async () => {
          if (await props.onAdd(name.trim())) setName('');
        }}
      >
        {props.addText}
      </Button>
    </Space>
  );
}
