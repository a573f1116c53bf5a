import { EditOutlined, StopOutlined, TeamOutlined, UndoOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, InputNumber, Space, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../core/result.js';
import type { Role } from '../../../core/roles.js';
import { useCall } from '../../api/queries.js';
import { useCongress } from '../../app/congress.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { RoleTag } from '../../components/Tags.js';
import { TitledCard } from '../../components/TitledCard.js';
import { testId } from '../../lib/testid.js';
import { OperatorFormModal } from './OperatorFormModal.js';
import styles from './OperatorsCard.module.css';
import { useCan, useStation } from './station-store.js';
import { type Operator, updateOperator } from './store.js';

/**
 * 操作员: who may sign in and with which role; adding one (the first must be the secretariat),
 * a new role or PIN, disabling and enabling; and the idle minutes after which a station locks.
 */
export function OperatorsCard(props: { t: Translate }) {
  const { t } = props;
  const { modal, message } = App.useApp();
  const operators = useCall('operators.list', {});
  const list = operators.data ?? [];
  const canAdd = useCan('operators.add');
  // Whether it is the first operator is taken when the form opens: its save fills the list, which
  // must not refill the open form nor turn the save into a second operator's.
  const [form, setForm] = useState<{ editing: Operator | null; first: boolean } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const setDisabled = (o: Operator, disabled: boolean) => {
    const run = async () => {
      const r = await updateOperator({ operatorId: o.id, disabled });
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

  const columns = useColumns(t, (o) => setForm({ editing: o, first: false }), setDisabled);
  const none = operators.data !== undefined && list.length === 0;
  return (
    <TitledCard
      icon={<TeamOutlined />}
      title={t('settings.operators.title')}
      className="page-card"
      testId="settings-operators"
      extra={
        canAdd && (
          <Button
            type={none ? 'primary' : 'default'}
            icon={<UserAddOutlined />}
            data-testid="operator-add"
            onClick={() => setForm({ editing: null, first: list.length === 0 })}
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
      {operators.error && <ErrorAlert error={operators.error} />}
      {error && <ErrorAlert error={error} onClose={() => setError(null)} testId="operators-error" />}
      {!none && (
        <DataTable<Operator>
          rowKey="id"
          loading={operators.loading}
          columns={columns}
          dataSource={list}
          row={(o) => ({ testId: 'operator-row', data: { name: o.name, role: o.role } })}
          testId="operators-table"
        />
      )}
      <IdleMinutes t={t} />
      <OperatorFormModal
        t={t}
        open={form !== null}
        editing={form?.editing ?? null}
        first={form?.first ?? false}
        onClose={(saved) => {
          setForm(null);
          if (saved) void message.success(saved);
        }}
      />
    </TitledCard>
  );
}

/** Name (and whether signed in here), role, status; edit and disable for whoever may change them. */
function useColumns(
  t: Translate,
  edit: (o: Operator) => void,
  setDisabled: (o: Operator, disabled: boolean) => void,
): TableColumnsType<Operator> {
  const here = useStation((s) => s.operator?.id ?? null);
  const canUpdate = useCan('operators.update');
  const actions = (o: Operator) => (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} data-testid="operator-edit" onClick={() => edit(o)}>
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
  );
  return [
    {
      title: t('settings.operators.col.name'),
      dataIndex: 'name',
      render: (name: string, o) => (
        <Space size={6}>
          <strong>{name}</strong>
          {o.id === here && <Tag color="processing">{t('settings.operators.here')}</Tag>}
          {o.pinShort && (
            <Tooltip title={t('settings.operators.pinShort.help')}>
              <Tag color="warning" data-testid="operator-pin-short">
                {t('settings.operators.pinShort')}
              </Tag>
            </Tooltip>
          )}
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
            render: (_: unknown, o: Operator) => actions(o),
          },
        ]
      : []),
  ];
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
  const save = async () => {
    if (value === null) return;
    const r = await useCongress.getState().updateSettings({ idleMinutes: value });
    if (!r.ok) return setError(r.error);
    setError(null);
    void message.success(t('settings.saved'));
    void useStation.getState().refresh();
  };
  return (
    <div className={styles.idle} data-testid="settings-idle">
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
          <Button disabled={!changed} data-testid="settings-idle-save" onClick={() => void save()}>
            {t('common.save')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" className={styles.help}>
        {t('settings.idle.help')}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} onClose={() => setError(null)} />}
    </div>
  );
}
