import { ApiOutlined, ArrowLeftOutlined, LoginOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useState } from 'react';
import { LAN_DEFAULT_PORT, STATION_KINDS, type StationKind, shortFingerprint } from '../../../core/lan/protocol.js';
import type { AppError } from '../../../core/result.js';
import { useT } from '../../app/language.js';
import { useRoute } from '../../app/route.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Fingerprint } from '../../components/Fingerprint.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import { codeDigits, fingerprintStart, fingerprintStartValid, kindLabel } from './format.js';
import styles from './JoinScreen.module.css';
import { joinHost, type LinkStatus } from './store.js';

interface JoinValues {
  address: string;
  port: number;
  code: string;
  fingerprint?: string;
  name: string;
  kind: StationKind;
}

/**
 * 「连接主机」 (`#/join`, from the start screen): this laptop pairs with the host by its address,
 * port and the code its screen shows, as a desk, a counting station, a board, a pledge station or
 * the standby. Once joined it shows the certificate it pinned, for people to compare with the
 * host's screen, before going on to the congress (the host's).
 */
export function JoinScreen() {
  const t = useT();
  const navigate = useRoute((s) => s.navigate);
  const [form] = Form.useForm<JoinValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [joined, setJoined] = useState<LinkStatus | null>(null);

  const submit = async (values: JoinValues) => {
    setBusy(true);
    setError(null);
    const r = await joinHost({
      address: values.address.trim(),
      port: values.port,
      code: codeDigits(values.code),
      ...(fingerprintStart(values.fingerprint ?? '')
        ? { fingerprint: fingerprintStart(values.fingerprint ?? '') }
        : {}),
      name: values.name.trim(),
      kind: values.kind,
    });
    setBusy(false);
    if (r.ok) setJoined(r.value);
    else setError(r.error);
  };

  return (
    <div className={styles.screen} data-testid="join-screen">
      <header className={styles.header}>
        <div>
          <Typography.Title level={2} className={styles.title}>
            {t('lan.join.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('lan.join.help')}</Typography.Text>
        </div>
        <LanguageSwitch />
      </header>
      {joined ? (
        <Card data-testid="join-done">
          <Alert
            type="success"
            showIcon
            title={t('lan.join.done', { congress: joined.congress?.name ?? '' })}
            className={styles.done}
          />
          {joined.host && (
            <div className={styles.compare}>
              <Typography.Text>{t('lan.join.compare')}</Typography.Text>
              <Fingerprint value={shortFingerprint(joined.host.fingerprint)} testId="join-fingerprint" />
            </div>
          )}
          <Button
            type="primary"
            size="large"
            icon={<LoginOutlined />}
            data-testid="join-continue"
            onClick={() => navigate('desk')}
          >
            {t('lan.join.continue')}
          </Button>
        </Card>
      ) : (
        <Card>
          {error && <ErrorAlert error={error} testId="join-error" onClose={() => setError(null)} />}
          <Form<JoinValues>
            form={form}
            layout="vertical"
            className={styles.form}
            initialValues={{ port: LAN_DEFAULT_PORT, kind: 'desk' }}
            onFinish={(v) => void submit(v)}
            requiredMark={false}
          >
            <div className={styles.row}>
              <Form.Item
                name="address"
                label={t('lan.join.address')}
                className={styles.grow}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input
                  autoFocus
                  placeholder={t('lan.join.address.placeholder')}
                  data-testid="join-address"
                  autoComplete="off"
                  spellCheck={false}
                />
              </Form.Item>
              <Form.Item
                name="port"
                label={t('lan.join.port')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <InputNumber min={1024} max={65535} data-testid="join-port" />
              </Form.Item>
            </div>
            <div className={styles.row}>
              <Form.Item
                name="code"
                label={t('lan.join.code')}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      /^\d{6}$/.test(codeDigits(v ?? ''))
                        ? Promise.resolve()
                        : Promise.reject(t('lan.join.code.invalid')),
                  },
                ]}
              >
                <Input
                  className={styles.code}
                  placeholder={t('lan.join.code.placeholder')}
                  inputMode="numeric"
                  maxLength={7}
                  data-testid="join-code"
                  autoComplete="off"
                />
              </Form.Item>
              <Form.Item
                name="fingerprint"
                label={t('lan.join.fingerprint')}
                extra={t('lan.join.fingerprint.help')}
                className={styles.grow}
                rules={[
                  {
                    validator: (_, v: string | undefined) =>
                      fingerprintStartValid(v ?? '')
                        ? Promise.resolve()
                        : Promise.reject(t('lan.join.fingerprint.invalid')),
                  },
                ]}
              >
                <Input
                  className={styles.fingerprint}
                  placeholder={t('lan.join.fingerprint.placeholder')}
                  maxLength={80}
                  data-testid="join-fingerprint-start"
                  autoComplete="off"
                  spellCheck={false}
                />
              </Form.Item>
            </div>
            <div className={styles.row}>
              <Form.Item
                name="name"
                label={t('lan.join.name')}
                className={styles.grow}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input placeholder={t('lan.join.name.placeholder')} maxLength={64} data-testid="join-name" />
              </Form.Item>
              <Form.Item name="kind" label={t('lan.join.kind')}>
                <Select
                  className={styles.kind}
                  data-testid="join-kind"
                  options={STATION_KINDS.map((k) => ({ value: k, label: kindLabel(k, t) }))}
                />
              </Form.Item>
            </div>
            <div className={styles.buttons}>
              <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('desk')} data-testid="join-back">
                {t('lan.join.back')}
              </Button>
              <Button type="primary" htmlType="submit" icon={<ApiOutlined />} loading={busy} data-testid="join-submit">
                {t('lan.join.submit')}
              </Button>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
