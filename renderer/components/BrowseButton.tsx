import { FolderOpenOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import type { AppError } from '../../core/result.js';
import { useT } from '../app/language.js';
import { type PickRequest, pickPath } from './pick-path.js';

/**
 * 「浏览…」 beside a typed path (issue 15 item 4): the desktop's dialog or the browser's picker of
 * the places, and the path picked goes into the field (nothing is done with it until its action).
 */
export function BrowseButton(props: {
  request: PickRequest;
  onPicked(path: string): void;
  onError?(error: AppError): void;
  disabled?: boolean;
  testId: string;
}) {
  const t = useT();
  const browse = async () => {
    const r = await pickPath(props.request);
    if (!r.ok) props.onError?.(r.error);
    else if (r.value) props.onPicked(r.value);
  };
  return (
    <Button
      icon={<FolderOpenOutlined />}
      disabled={props.disabled}
      onClick={() => void browse()}
      data-testid={props.testId}
    >
      {t('common.browse')}
    </Button>
  );
}
