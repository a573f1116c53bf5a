import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatTime } from '../../lib/paths.js';
import type { DisciplineText } from './store.js';
import styles from './TextEditor.module.css';

/**
 * One discipline text (the oath or the pledge): edit and save a new version. Records taken
 * already keep the version that was read, so saving never changes them.
 */
export function TextEditor(props: {
  title: string;
  help: string;
  text: DisciplineText | null;
  testIdPrefix: string;
  t: Translate;
  onSave(body: string): Promise<AppError | null>;
  /** A role that may not change the texts reads them. */
  readOnly?: boolean;
}) {
  const { text, t } = props;
  const [draft, setDraft] = useState(text?.body ?? '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // A new version saved here or elsewhere replaces the draft only when the draft is untouched.
  const base = useRef(text?.body ?? '');
  useEffect(() => {
    if (!text) return;
    const previous = base.current;
    base.current = text.body;
    setDraft((d) => (d === previous ? text.body : d));
  }, [text]);

  const dirty = text !== null && draft.trim() !== text.body.trim();
  return (
    <Card
      className="page-card"
      title={props.title}
      data-testid={`${props.testIdPrefix}-card`}
      extra={
        text && (
          <Typography.Text type="secondary" data-testid={`${props.testIdPrefix}-version`} data-version={text.version}>
            {t('discipline.text.versionBy', {
              version: text.version,
              at: formatTime(text.createdAt).slice(0, 16),
              by: text.createdBy === 'system' ? t('discipline.text.systemDefault') : text.createdBy,
            })}
          </Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary">{props.help}</Typography.Paragraph>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <Input.TextArea
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        autoSize={{ minRows: 6, maxRows: 18 }}
        maxLength={20_000}
        className={styles.input}
        disabled={!text}
        readOnly={props.readOnly}
        data-testid={`${props.testIdPrefix}-input`}
      />
      {!props.readOnly && (
        <Space className={styles.actions}>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty || draft.trim() === ''}
            loading={saving}
            data-testid={`${props.testIdPrefix}-save`}
            onClick={async () => {
              setSaving(true);
              const failed = await props.onSave(draft.trim());
              setSaving(false);
              setError(failed);
            }}
          >
            {t('discipline.text.save')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            disabled={!dirty}
            onClick={() => text && setDraft(text.body)}
            data-testid={`${props.testIdPrefix}-revert`}
          >
            {t('discipline.text.revert')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('discipline.text.unsaved')}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
