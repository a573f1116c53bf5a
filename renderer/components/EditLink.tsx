import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useT } from '../app/language.js';

/** A row's 编辑 link, which opens the record in its form (a delegate, a contest in setup). */
export function EditLink(props: { testId: string; onClick(): void }) {
  const t = useT();
  return (
    <Button size="small" type="link" icon={<EditOutlined />} data-testid={props.testId} onClick={props.onClick}>
      {t('roster.edit')}
    </Button>
  );
}
