import { EditOutlined, StopOutlined, TeamOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import { ROLES, type Role } from '../../../core/roles.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RoleTag } from '../../components/Tags.js';
import { testId } from '../../lib/testid.js';
import { pinDigits } from './pin.js';
import { useCan, useStation } from './station-store.js';
import { type Operator, useOperators } from './store.js';

const PIN_PATTERN = /^\d{4,12}$/;

/**
 * 操作员: who may sign in and with which role; adding one (the first must be the secretariat),
 * a new role or PIN, disabling and enabling; and the idle minutes after which a station locks.
 */
export function OperatorsCard(props: { t: Translate }) {
  const { t } = props;
  const { modal, message } = App.useApp();
  const list = useOperators((s) => s.list);
  const loaded = useOperators((s) => s.loaded);
  const loadError = useOperators((s) => s.loadError);
  const here = useStation((s) => s.operator?.id ?? null);
  const canAdd = useCan('operators.add');
  const canUpdate = useCan('operators.update');
  const [form, setForm] = useState<{ editing: Operator | null } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void useOperators.getState().refresh();
  }, []);

  const setDisabled = (o: Operator, disabled: boolean) => {
    const run = async () => {
      const r = await useOperators.getState().update({ operatorId: o.id, disabled });
      if (r.ok) void message.success(t('settings.operators.saved', { name: o.name }));
      else setError(r.error);
    };
    if (!disabled) return void run();
    modal.confirm({
      title: t('settings.operators.disable'),
      content: t('settings.operators.disable.confirm', { name: o.name }),
      okText: t('settings.operators.disable'),
      okButtonProps: { danger: true, ...testId('operator-disable-confirm') },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const columns: TableColumnsType<Operator> = [
    {
      title: t('settings.operators.col.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space size={6}>
          <strong>{name}</strong>
          {o.id === here && <Tag color="processing">{t('settings.operators.here')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('settings.operators.col.role'),
      dataIndex: 'role',
      width: 130,
      render: (role: Role) => <RoleTag role={role} t={t} />,
    },
    {
      title: t('settings.operators.col.status'),
      dataIndex: 'disabled',
      width: 100,
      render: (disabled: boolean) =>
        disabled ? (
          <Tag data-testid="operator-disabled">{t('settings.operators.disabled')}</Tag>
        ) : (
          <Tag color="success">{t('settings.operators.active')}</Tag>
        ),
    },
    ...(canUpdate
      ? [
          {
            title: t('settings.operators.col.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, o: Operator) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  data-testid="operator-edit"
                  onClick={() => setForm({ editing: o })}
                >
                  {t('settings.operators.edit')}
                </Button>
                {o.disabled ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<UndoOutlined />}
                    data-testid="operator-enable"
                    onClick={() => setDisabled(o, false)}
                  >
                    {t('settings.operators.enable')}
                  </Button>
                ) : (
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<StopOutlined />}
                    data-testid="operator-disable"
                    onClick={() => setDisabled(o, true)}
                  >
                    {t('settings.operators.disable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const none = loaded && list.length === 0;
  return (
    <Card
      title={
        <Space>
          <TeamOutlined />
          {t('settings.operators.title')}
        </Space>
      }
      className="page-card"
      data-testid="settings-operators"
      extra={
        canAdd && (
          <Button
            type={none ? 'primary' : 'default'}
            icon={<UserAddOutlined />}
            data-testid="operator-add"
            onClick={() => setForm({ editing: null })}
          >
            {none ? t('settings.operators.add.first') : t('settings.operators.add')}
          </Button>
        )
      }
    >
      {none && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          data-testid="operators-none"
          title={t('settings.operators.none')}
          description={t('settings.operators.none.help')}
        />
      )}
      <Typography.Paragraph type="secondary">{t('settings.operators.help')}</Typography.Paragraph>
      {loadError && <ErrorAlert error={loadError} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="operators-error" />}
      {!none && (
        <Table<Operator>
          rowKey="id"
          size="small"
          loading={!loaded}
          columns={columns}
          dataSource={list}
          pagination={false}
          onRow={(o) => testId('operator-row', { 'data-name': o.name, 'data-role': o.role })}
          data-testid="operators-table"
        />
      )}
      <IdleMinutes t={t} />
      <OperatorFormModal
        t={t}
        open={form !== null}
        editing={form?.editing ?? null}
        first={list.length === 0}
        onClose={(saved) => {
          setForm(null);
          if (saved) void message.success(saved);
        }}
      />
    </Card>
  );
}

/** The idle minutes after which a signed-in station locks itself. */
function IdleMinutes(props: { t: Translate }) {
  const { t } = props;
  const { message } = App.useApp();
  const idleMinutes = useCongress((s) => s.file?.congress.settings.idleMinutes ?? 15);
  const canSave = useCan('congress.updateSettings');
  const [value, setValue] = useState<number | null>(idleMinutes);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => setValue(idleMinutes), [idleMinutes]);
  const changed = value !== null && value !== idleMinutes;
  return (
    <div className="idle-minutes" data-testid="settings-idle">
      <Space wrap>
        <span>{t('settings.idle.label')}</span>
        <InputNumber
          min={1}
          max={240}
          precision={0}
          value={value}
          disabled={!canSave}
          onChange={(v) => setValue(v)}
          suffix={t('settings.idle.unit')}
          data-testid="settings-idle-minutes"
        />
        {canSave && (
          <Button
            disabled={!changed}
            data-testid="settings-idle-save"
            onClick={async () => {
              if (value === null) return;
              const r = await useCongress.getState().updateSettings({ idleMinutes: value });
              if (r.ok) {
                setError(null);
                void message.success(t('settings.saved'));
                void useStation.getState().refresh();
              } else setError(r.error);
            }}
          >
            {t('common.save')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" className="setting-help">
        {t('settings.idle.help')}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
    </div>
  );
}

interface OperatorFormValues {
  name: string;
  role: Role;
  pin: string;
  pinAgain: string;
}

/** Add an operator (name, role, PIN twice), or change one's role or PIN. */
function OperatorFormModal(props: {
  t: Translate;
  open: boolean;
  editing: Operator | null;
  first: boolean;
  onClose(saved: string | null): void;
}) {
  const { t, editing, first } = props;
  const [form] = Form.useForm<OperatorFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (props.open) setError(null);
  }, [props.open]);

  const submit = async (v: OperatorFormValues) => {
    setBusy(true);
    setError(null);
    const store = useOperators.getState();
    const r = editing
      ? await store.update({
          operatorId: editing.id,
          ...(v.role !== editing.role ? { role: v.role } : {}),
          ...(v.pin ? { pin: v.pin } : {}),
        })
      : await store.add({ name: v.name.trim(), role: v.role, pin: v.pin });
    setBusy(false);
    if (!r.ok) setError(r.error);
    else
      props.onClose(
        editing
          ? t('settings.operators.saved', { name: r.value.name })
          : t('settings.operators.added', { name: r.value.name }),
      );
  };

  const pinRules = [
    ...(editing ? [] : [{ required: true, message: t('common.required') }]),
    { pattern: PIN_PATTERN, message: t('settings.operators.pin.format') },
  ];
  return (
    <Modal
      open={props.open}
      title={editing ? t('settings.operators.edit.title', { name: editing.name }) : t('settings.operators.add.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={() => props.onClose(null)}
      confirmLoading={busy}
      okButtonProps={testId('operator-form-submit')}
      destroyOnHidden
      data-testid="operator-form"
    >
      <Form<OperatorFormValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          name: editing?.name ?? '',
          role: editing?.role ?? (first ? 'secretariat' : 'counter'),
          pin: '',
          pinAgain: '',
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('settings.operators.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }, { max: 64 }]}
        >
          <Input
            disabled={editing !== null}
            placeholder={t('settings.operators.name.placeholder')}
            data-testid="operator-form-name"
          />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('settings.operators.role')}
          extra={first && !editing ? t('settings.operators.role.first') : undefined}
        >
          <Select
            disabled={first && !editing}
            options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))}
            data-testid="operator-form-role"
          />
        </Form.Item>
        <Form.Item
          name="pin"
          label={editing ? t('settings.operators.pin.new') : t('settings.operators.pin')}
          extra={t('settings.operators.pin.help')}
          rules={pinRules}
          normalize={pinDigits}
        >
          <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="operator-form-pin" />
        </Form.Item>
        <Form.Item
          name="pinAgain"
          label={t('settings.operators.pin.again')}
          dependencies={['pin']}
          normalize={pinDigits}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                (value ?? '') === (getFieldValue('pin') ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('settings.operators.pin.mismatch'))),
            }),
          ]}
        >
          <Input.Password inputMode="numeric" autoComplete="new-password" data-testid="operator-form-pin-again" />
        </Form.Item>
      </Form>
      {error && <ErrorAlert error={error} testId="operator-form-error" />}
    </Modal>
  );
}
