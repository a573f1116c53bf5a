import { Card, Space } from 'antd';
import type { ReactNode } from 'react';

/** A title that leads with its icon (a card's, a dialog's). */
export const IconTitle = (props: { icon: ReactNode; title: string }) => (
  <Space>
    {props.icon}
    {props.title}
  </Space>
);

/** A card whose title leads with its icon: the settings' cards and the start screen's. */
export function TitledCard(props: {
  icon: ReactNode;
  title: string;
  testId?: string;
  className?: string;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      title={<IconTitle icon={props.icon} title={props.title} />}
      className={props.className}
      extra={props.extra}
      data-testid={props.testId}
    >
      {props.children}
    </Card>
  );
}
