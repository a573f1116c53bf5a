import { Button, Form, Input, Modal, Typography } from 'antd';
import { useT } from '../../app/language.js';
import { LanguageSwitch } from '../../components/LanguageSwitch.js';
import styles from './OperatorModal.module.css';
import { useSession } from './session-store.js';

interface OperatorForm {
  operator: string;
  station: string;
}

/** Asked once per window when the app starts: every write records this name. */
export function OperatorModal(props: { open: boolean }) {
  const t = useT();
  const signIn = useSession((s) => s.signIn);
  const stationLabel = useSession((s) => s.stationLabel);
  const [form] = Form.useForm<OperatorForm>();
  return (
    <Modal
      open={props.open}
      title={t('operator.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      data-testid="operator-modal"
    >
      <Typography.Paragraph type="secondary">{t('operator.intro')}</Typography.Paragraph>
      <Form<OperatorForm>
        form={form}
        layout="vertical"
        initialValues={{ operator: '', station: stationLabel || t('operator.station.default') }}
        onFinish={(v) => signIn(v.operator, v.station || t('operator.station.default'))}
      >
        <Form.Item
          name="operator"
          label={t('operator.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
        >
          <Input autoFocus size="large" placeholder={t('operator.name.placeholder')} data-testid="operator-name" />
        </Form.Item>
        <Form.Item name="station" label={t('operator.station')} rules={[{ max: 40 }]}>
          <Input placeholder={t('operator.station.placeholder')} data-testid="operator-station" />
        </Form.Item>
        <div className={styles.footer}>
          <LanguageSwitch />
          <Button type="primary" htmlType="submit" size="large" data-testid="operator-submit">
            {t('operator.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
