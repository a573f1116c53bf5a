import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, Input, Select, Space, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { Delegate } from '../../../core/domain.js';
import type { Official } from '../../../core/model/index.js';
import type { AppError } from '../../../core/result.js';
import { useCall } from '../../api/queries.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import type { MessageKey } from '../../i18n/zh-CN.js';
import { searchDelegates } from '../../lib/search.js';
import { useCan } from '../operators/station-store.js';
import { useDelegates } from '../roster/delegates.js';
import { NameByHand } from './NameByHand.js';
import styles from './OfficialsCard.module.css';
import { type Contest, writeContest } from './store.js';

type OfficialRole = Official['role'];
const ROLES: OfficialRole[] = ['chief_scrutineer', 'scrutineer', 'counter'];

/** Finds a delegate on the roster by name, pinyin initials or badge, and hands it over. */
export function DelegatePicker(props: {
  placeholder: string;
  exclude?: ReadonlySet<number>;
  onPick(d: Delegate): void;
  testId: string;
  /** The options' test id (default: the field's, with `-option`). */
  optionTestId?: string;
}) {
  const { delegates } = useDelegates();
  const [query, setQuery] = useState('');
  const found = query.trim() ? searchDelegates(delegates, query, 10).filter((d) => !props.exclude?.has(d.id)) : [];
  return (
    <AutoComplete
      className={styles.search}
      value={query}
      onChange={setQuery}
      onSelect={(id: string) => {
        const d = delegates.find((x) => String(x.id) === id);
        if (d) {
          setQuery('');
          props.onPick(d);
        }
      }}
      options={found.map((d) => ({
        value: String(d.id),
        label: (
          <span data-testid={props.optionTestId ?? `${props.testId}-option`}>
            {d.badge} <strong>{d.name}</strong> <Typography.Text type="secondary">{d.unit}</Typography.Text>
          </span>
        ),
      }))}
      defaultActiveFirstOption
    >
      <Input placeholder={props.placeholder} data-testid={props.testId} />
    </AutoComplete>
  );
}

/**
 * Rule 13: the contest's 总监票人, 监票人 (voters not standing in it, approved by the meeting) and
 * 计票人. The backend refuses a candidate or a non-voter by name; removal only before the
 * contest's papers are distributed. The forms print these names.
 */
export function OfficialsCard(props: { contest: Contest; t: Translate }) {
  const { contest, t } = props;
  const canAppoint = useCan('officials.appoint');
  const canRemove = useCan('officials.remove');
  const listed = useCall('officials.list', { contestId: contest.id });
  const officials = listed.data ?? [];
  const [error, setError] = useState<AppError | null>(null);
  const [role, setRole] = useState<OfficialRole>('scrutineer');
  const [approval, setApproval] = useState(t('officials.approval.default'));

  const appoint = async (delegateId: number | null, name: string | null) => {
    setError(null);
    const r = await writeContest(contest.id, 'officials.appoint', {
      contestId: contest.id,
      role,
      delegateId,
      name,
      // 计票人 are appointed, not voted on: no approval note of the meeting.
      approval: role === 'counter' || approval.trim() === '' ? null : approval.trim(),
    });
    if (!r.ok) setError(r.error);
    return r.ok;
  };

  const shownError = error ?? listed.error;
  const setup = contest.status === 'setup';
  const columns: TableColumnsType<Official> = [
    {
      title: t('officials.col.role'),
      dataIndex: 'role',
      width: 110,
      render: (r: OfficialRole) => t(`officials.role.${r}` as MessageKey),
    },
    { title: t('officials.col.name'), dataIndex: 'name', render: (n: string) => <strong>{n}</strong> },
    { title: t('officials.col.approval'), dataIndex: 'approval', render: (a: string | null) => a ?? '' },
    {
      title: '',
      key: 'remove',
      width: 90,
      render: (_, o) =>
        setup &&
        canRemove && (
          <Button
            size="small"
            type="link"
            danger
            icon={<DeleteOutlined />}
            data-testid="official-remove"
            onClick={async () => {
              setError(null);
              const r = await writeContest(contest.id, 'officials.remove', { officialId: o.id });
              if (!r.ok) setError(r.error);
            }}
          >
            {t('officials.remove')}
          </Button>
        ),
    },
  ];

  return (
    <Card title={t('officials.title')} className="page-card" data-testid="officials-card">
      <Typography.Paragraph type="secondary">{t('officials.help')}</Typography.Paragraph>
      {shownError && <ErrorAlert error={shownError} onClose={() => setError(null)} testId="officials-error" />}
      {canAppoint && contest.status !== 'closed' && (
        <Space wrap className={styles.tools} data-testid="officials-form">
          <Select<OfficialRole>
            value={role}
            onChange={setRole}
            style={{ width: 120 }}
            data-testid="official-role"
            options={ROLES.map((r) => ({ value: r, label: t(`officials.role.${r}` as MessageKey) }))}
          />
          <Input
            disabled={role === 'counter'}
            value={approval}
            onChange={(e) => setApproval(e.target.value)}
            placeholder={t('officials.approval')}
            style={{ width: 180 }}
            data-testid="official-approval"
          />
          <DelegatePicker
            placeholder={t('officials.pick')}
            exclude={new Set(officials.map((o) => o.delegateId).filter((id): id is number => id !== null))}
            onPick={(d) => void appoint(d.id, null)}
            testId="official-search"
          />
          {role === 'counter' && (
            <NameByHand
              placeholder={t('officials.counterName')}
              addText={t('officials.appoint')}
              icon={<UserAddOutlined />}
              width={180}
              testIds={['official-counter-name', 'official-counter-add']}
              onAdd={(name) => appoint(null, name)}
            />
          )}
        </Space>
      )}
      <DataTable<Official>
        rowKey="id"
        columns={columns}
        dataSource={officials}
        emptyText={t('officials.empty')}
        testId="officials-table"
        row={(o) => ({ testId: 'official-row', data: { role: o.role, name: o.name } })}
      />
      {!setup && officials.length > 0 && <Typography.Text type="secondary">{t('officials.locked')}</Typography.Text>}
    </Card>
  );
}
