import { Card, Space } from 'antd';
import type { ReactNode } from 'react';

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
      title={
        <Space>
          {props.icon}
          {props.title}
        </Space>
      }
      className={props.className}
      extra={props.extra}
      data-testid={props.testId}
    >
      {props.children}
    </Card>
  );
}
