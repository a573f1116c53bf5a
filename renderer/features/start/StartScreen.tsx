import {
  ApiOutlined,
  FileAddOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  PlayCircleOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useCongress } from '../../app/congress.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { pickPath } from '../../components/pick-path.js';
import { TitledCard } from '../../components/TitledCard.js';
import { formatTime, joinPath } from '../../lib/paths.js';
import { CONGRESS_EXTENSION, NewCongressForm } from './NewCongressForm.js';
import styles from './StartScreen.module.css';

/** No congress open: New, Open, Recent files, and the demo congress. */
export function StartScreen() {
  const t = useT();
  const info = useCongress((s) => s.info);
  const openError = useCongress((s) => s.openError);
  const busy = useCongress((s) => s.busy);
  const { open, openDemo, clearOpenError } = useCongress.getState();
  const defaultDirectory = info?.defaultDirectory ?? '';

  const [openPath, setOpenPath] = useState(() => (defaultDirectory ? joinPath(defaultDirectory, '') : ''));

  // `#/new` (File › New) with no congress open: the form is here; focus it, and leave the
  // route at the desk so that whatever is opened next shows its desk, not the form again.
  const page = useRoute((s) => s.page);
  const navigate = useRoute((s) => s.navigate);
  const [focusNew, setFocusNew] = useState(0);
  useEffect(() => {
    if (page !== 'new') return;
    setFocusNew((n) => n + 1);
    useRoute.getState().replace('desk');
  }, [page]);

  const browseOpen = async () => {
    const r = await pickPath({
      mode: 'open',
      title: t('start.open.dialogTitle'),
      extensions: [CONGRESS_EXTENSION, 'sqlite'],
      suggested: defaultDirectory || undefined,
    });
    if (r.ok && r.value) {
      setOpenPath(r.value);
      await open(r.value);
    }
  };

  return (
    <div className={styles.screen} data-testid="start-screen">
      <header className={styles.header}>
        <div>
          <Typography.Title level={2} className={styles.title}>
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

      <Card className={styles.demo}>
        <div className={styles.demoBody}>
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

      <div className={styles.grid}>
        <TitledCard icon={<FileAddOutlined />} title={t('start.new.title')}>
          <NewCongressForm focusSignal={focusNew} />
        </TitledCard>

        <div className={styles.column}>
          <TitledCard icon={<FolderOpenOutlined />} title={t('start.open.title')}>
            <Form layout="vertical" onFinish={() => openPath.trim() && void open(openPath.trim())}>
              <Form.Item label={t('start.open.path')}>
                <Space.Compact block>
                  <Input
                    value={openPath}
                    onChange={(e) => setOpenPath(e.target.value)}
                    placeholder={t('start.open.path.placeholder')}
                    data-testid="open-path"
                  />
                  <Button onClick={() => void browseOpen()} data-testid="open-browse">
                    {t('common.browse')}
                  </Button>
                </Space.Compact>
              </Form.Item>
              <Button htmlType="submit" loading={busy} disabled={!openPath.trim()} data-testid="open-submit">
                {t('start.open.submit')}
              </Button>
            </Form>
          </TitledCard>

          <TitledCard icon={<HistoryOutlined />} title={t('start.recent.title')} className={styles.grow}>
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
                        <span className={styles.recentPath} title={f.path}>
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
          </TitledCard>

          <TitledCard icon={<ApiOutlined />} title={t('lan.join.start')} testId="start-join">
            <Typography.Paragraph type="secondary">{t('lan.join.start.description')}</Typography.Paragraph>
            <Button icon={<ApiOutlined />} onClick={() => navigate('join')} data-testid="open-join">
              {t('lan.join.start')}
            </Button>
          </TitledCard>

          <TitledCard icon={<SafetyCertificateOutlined />} title={t('start.verify.title')} testId="start-verify">
            <Typography.Paragraph type="secondary">{t('start.verify.description')}</Typography.Paragraph>
            <Button icon={<SafetyCertificateOutlined />} onClick={() => navigate('verify')} data-testid="open-verify">
              {t('start.verify.button')}
            </Button>
          </TitledCard>
        </div>
      </div>
    </div>
  );
}
