import { Button, Form, Input, type InputRef, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { pickPath } from '../../components/pick-path.js';
import { joinPath, safeFileName, today } from '../../lib/paths.js';
import styles from './NewCongressForm.module.css';

interface NewCongressValues {
  name: string;
  date: string;
  venue: string;
  path: string;
}

export const CONGRESS_EXTENSION = 'congress';

/**
 * New congress: name, date, venue and where the file goes. Used on the start screen and
 * on `#/new` (File › New), where creating switches from the open congress to the new one.
 */
export function NewCongressForm(props: { focusSignal?: number; onCreated?: () => void }) {
  const { focusSignal = 0, onCreated } = props;
  const t = useT();
  const info = useCongress((s) => s.info);
  const busy = useCongress((s) => s.busy);
  const defaultDirectory = info?.defaultDirectory ?? '';

  const [form] = Form.useForm<NewCongressValues>();
  const pathTouched = useRef(false);
  const nameInput = useRef<InputRef>(null);

  // Each new value of `focusSignal` (File › New again) puts the cursor in the name.
  useEffect(() => {
    if (focusSignal > 0) nameInput.current?.focus();
  }, [focusSignal]);

  const suggestPath = (name: string) =>
    joinPath(defaultDirectory, `${safeFileName(name || t('start.new.name.placeholder'))}.${CONGRESS_EXTENSION}`);

  const browseSave = async () => {
    const r = await pickPath({
      mode: 'save',
      title: t('start.new.dialogTitle'),
      suggested: form.getFieldValue('path') || suggestPath(form.getFieldValue('name')),
      extensions: [CONGRESS_EXTENSION],
    });
    if (r.ok && r.value) {
      pathTouched.current = true;
      form.setFieldValue('path', r.value);
    }
  };

  const submit = async (v: NewCongressValues) => {
    const r = await useCongress
      .getState()
      .create({ name: v.name.trim(), date: v.date, venue: v.venue.trim(), path: v.path.trim() });
    if (r.ok) onCreated?.();
  };

  return (
    <Form<NewCongressValues>
      form={form}
      layout="vertical"
      data-testid="new-congress-form"
      initialValues={{ name: '', date: today(), venue: '', path: suggestPath('') }}
      onValuesChange={(changed: Partial<NewCongressValues>) => {
        if ('path' in changed) pathTouched.current = true;
        if ('name' in changed && !pathTouched.current) form.setFieldValue('path', suggestPath(changed.name ?? ''));
      }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item
        name="name"
        label={t('start.new.name')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input ref={nameInput} placeholder={t('start.new.name.placeholder')} data-testid="new-name" />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="date"
          label={t('start.new.date')}
          rules={[{ required: true, message: t('common.required') }]}
          className={styles.date}
        >
          <Input type="date" data-testid="new-date" />
        </Form.Item>
      </Space.Compact>
      <Form.Item
        name="venue"
        label={t('start.new.venue')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input placeholder={t('start.new.venue.placeholder')} data-testid="new-venue" />
      </Form.Item>
      <Form.Item label={t('start.new.path')} extra={t('start.new.path.help')} required>
        <Space.Compact block>
          <Form.Item name="path" noStyle rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input data-testid="new-path" />
          </Form.Item>
          <Button onClick={() => void browseSave()} data-testid="new-path-browse">
            {t('common.browse')}
          </Button>
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="new-submit">
        {t('start.new.submit')}
      </Button>
    </Form>
  );
}
