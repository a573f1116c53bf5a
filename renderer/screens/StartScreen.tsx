import { FileAddOutlined, FolderOpenOutlined, HistoryOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { invokeShell, isDesktop } from '../api/index.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { formatTime, joinPath, safeFileName, today } from '../lib/paths.js';
import { useCongress } from '../stores/congress.js';
import { useT } from '../stores/language.js';

interface NewCongressForm {
  name: string;
  date: string;
  venue: string;
  path: string;
}

const EXTENSION = 'congress';

/** No congress open: New, Open, Recent files, and the demo congress. */
export function StartScreen() {
  const t = useT();
  const info = useCongress((s) => s.info);
  const openError = useCongress((s) => s.openError);
  const busy = useCongress((s) => s.busy);
  const { create, open, openDemo, clearOpenError } = useCongress.getState();
  const desktop = isDesktop();
  const defaultDirectory = info?.defaultDirectory ?? '';

  const [newForm] = Form.useForm<NewCongressForm>();
  const pathTouched = useRef(false);
  const [openPath, setOpenPath] = useState(() => (defaultDirectory ? joinPath(defaultDirectory, '') : ''));

  const suggestPath = (name: string) =>
    joinPath(defaultDirectory, `${safeFileName(name || t('start.new.name.placeholder'))}.${EXTENSION}`);

  const browseSave = async () => {
    const r = await invokeShell('shell.saveDialog', {
      title: t('start.new.dialogTitle'),
      defaultPath: newForm.getFieldValue('path') || suggestPath(newForm.getFieldValue('name')),
      extensions: [EXTENSION],
    });
    if (r?.ok && r.value.path) {
      pathTouched.current = true;
      newForm.setFieldValue('path', r.value.path);
    }
  };

  const browseOpen = async () => {
    const r = await invokeShell('shell.openDialog', {
      title: t('start.open.dialogTitle'),
      extensions: [EXTENSION, 'sqlite'],
    });
    if (r?.ok && r.value.path) {
      setOpenPath(r.value.path);
      await open(r.value.path);
    }
  };

  return (
    <div className="start-screen" data-testid="start-screen">
      <header className="start-header">
        <div>
          <Typography.Title level={2} className="start-title">
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('start.subtitle')}</Typography.Text>
        </div>
        <LanguageSwitch />
      </header>

      {openError && (
        <ErrorAlert
          error={openError}
          testId="open-error"
          extra={openError.code.startsWith('file_') ? t('error.untouched') : undefined}
          onClose={clearOpenError}
        />
      )}

      <Card className="start-demo">
        <div className="start-demo-body">
          <div>
            <Typography.Title level={4}>{t('start.demo.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('start.demo.description')}</Typography.Text>
          </div>
          <Button
            type="primary"
            size="large"
            icon={<PlayCircleOutlined />}
            loading={busy}
            onClick={() => void openDemo()}
            data-testid="open-demo"
          >
            {t('start.demo.button')}
          </Button>
        </div>
      </Card>

      <div className="start-grid">
        <Card
          title={
            <Space>
              <FileAddOutlined />
              {t('start.new.title')}
            </Space>
          }
        >
          <Form<NewCongressForm>
            form={newForm}
            layout="vertical"
            initialValues={{ name: '', date: today(), venue: '', path: suggestPath('') }}
            onValuesChange={(changed: Partial<NewCongressForm>) => {
              if ('path' in changed) pathTouched.current = true;
              if ('name' in changed && !pathTouched.current)
                newForm.setFieldValue('path', suggestPath(changed.name ?? ''));
            }}
            onFinish={(v) =>
              void create({ name: v.name.trim(), date: v.date, venue: v.venue.trim(), path: v.path.trim() })
            }
          >
            <Form.Item
              name="name"
              label={t('start.new.name')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input placeholder={t('start.new.name.placeholder')} data-testid="new-name" />
            </Form.Item>
            <Space.Compact block>
              <Form.Item
                name="date"
                label={t('start.new.date')}
                rules={[{ required: true, message: t('common.required') }]}
                className="grow"
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
                <Form.Item
                  name="path"
                  noStyle
                  rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                >
                  <Input data-testid="new-path" />
                </Form.Item>
                {desktop && <Button onClick={() => void browseSave()}>{t('common.browse')}</Button>}
              </Space.Compact>
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="new-submit">
              {t('start.new.submit')}
            </Button>
          </Form>
        </Card>

        <div className="start-column">
          <Card
            title={
              <Space>
                <FolderOpenOutlined />
                {t('start.open.title')}
              </Space>
            }
          >
            <Form layout="vertical" onFinish={() => openPath.trim() && void open(openPath.trim())}>
              <Form.Item label={t('start.open.path')}>
                <Space.Compact block>
                  <Input
                    value={openPath}
                    onChange={(e) => setOpenPath(e.target.value)}
                    placeholder={t('start.open.path.placeholder')}
                    data-testid="open-path"
                  />
                  {desktop && <Button onClick={() => void browseOpen()}>{t('common.browse')}</Button>}
                </Space.Compact>
              </Form.Item>
              <Button htmlType="submit" loading={busy} disabled={!openPath.trim()} data-testid="open-submit">
                {t('start.open.submit')}
              </Button>
            </Form>
          </Card>

          <Card
            title={
              <Space>
                <HistoryOutlined />
                {t('start.recent.title')}
              </Space>
            }
            className="grow"
          >
            {info && info.recentFiles.length > 0 ? (
              <List
                size="small"
                dataSource={info.recentFiles}
                data-testid="recent-files"
                renderItem={(f) => (
                  <List.Item
                    actions={[
                      <Button key="open" type="link" onClick={() => void open(f.path)} disabled={busy}>
                        {t('start.open.submit')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={f.name}
                      description={
                        <span className="recent-path" title={f.path}>
                          {f.path} · {t('start.recent.openedAt', { at: formatTime(f.openedAt) })}
                        </span>
                      }
                    />
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('start.recent.empty')} />
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}
