import type { TableColumnsType } from 'antd';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { PledgeState } from '../../../core/discipline.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { CategoryTag } from '../../components/Tags.js';
import { formatTime } from '../../lib/paths.js';
import type { PledgeRow, PledgeSummary } from './store.js';

type DelegationRow = PledgeSummary['byDelegation'][number];

const STATE_COLOR: Record<PledgeState, string> = {
  signed: 'success',
  refused: 'error',
  leave: 'warning',
  absent: 'default',
  pending: 'processing',
};

export function PledgeStateTag(props: { state: PledgeState; t: Translate }) {
  return (
    <Tag color={STATE_COLOR[props.state]} data-testid={`pledge-state-${props.state}`}>
      {props.t(`pledge.state.${props.state}`)}
    </Tag>
  );
}

/** 应签 已签 拒签 请假/缺席 待签: the pledge figures of the meeting. */
export function PledgeCounts(props: { summary: PledgeSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  const tiles: { key: string; label: string; value: number | undefined; tone: string; note?: string }[] = [
    { key: 'due', label: t('pledge.count.due'), value: s?.due, tone: 'main' },
    {
      key: 'signed',
      label: t('pledge.count.signed'),
      value: s?.signed,
      tone: 'ok',
      note: s && s.due > 0 ? t('pledge.count.percent', { p: ((100 * s.signed) / s.due).toFixed(1) }) : undefined,
    },
    { key: 'refused', label: t('pledge.count.refused'), value: s?.refused, tone: 'bad' },
    { key: 'leave', label: t('pledge.count.leave'), value: s?.leave, tone: 'plain' },
    { key: 'absent', label: t('pledge.count.absent'), value: s?.absent, tone: 'plain' },
    { key: 'pending', label: t('pledge.count.pending'), value: s?.pending, tone: 'warn' },
  ];
  return (
    <section className="pledge-counts" data-testid="pledge-counts">
      {tiles.map((tile) => (
        <div key={tile.key} className={`pledge-tile pledge-tile-${tile.tone}`}>
          <div className="pledge-tile-label">{tile.label}</div>
          <div className="pledge-tile-value" data-testid={`pledge-count-${tile.key}`}>
            {tile.value ?? '–'}
          </div>
          {tile.note && <div className="pledge-tile-note">{tile.note}</div>}
        </div>
      ))}
    </section>
  );
}

/** Signed of due per delegation, with a total row. */
export function PledgeDelegationTable(props: { rows: DelegationRow[]; t: Translate; height: number }) {
  const { t } = props;
  const keys = ['due', 'signed', 'refused', 'away', 'pending'] as const;
  const value = (r: DelegationRow, k: (typeof keys)[number]) => (k === 'away' ? r.leave + r.absent : r[k]);
  const columns: TableColumnsType<DelegationRow> = [
    {
      title: t('desk.delegation'),
      dataIndex: 'delegation',
      ellipsis: true,
      render: (v: string) => v || t('desk.delegation.none'),
    },
    ...keys.map((k) => ({
      title: t(`pledge.count.${k}`),
      key: k,
      width: k === 'away' ? 88 : 72,
      align: 'right' as const,
      render: (_: unknown, r: DelegationRow) => value(r, k),
    })),
  ];
  const total = props.rows.reduce(
    (a, r) => {
      for (const k of keys) a[k] += value(r, k);
      return a;
    },
    { due: 0, signed: 0, refused: 0, away: 0, pending: 0 },
  );
  return (
    <DataTable<DelegationRow>
      testId="pledge-delegation-table"
      rowKey="delegation"
      height={props.height}
      columns={columns}
      dataSource={props.rows}
      row={(r) => ({
        testId: 'pledge-delegation-row',
        data: { delegation: r.delegation },
        complete: r.signed + r.leave + r.absent >= r.due,
      })}
      total={{ label: t('desk.delegation.total'), values: keys.map((k) => total[k]) }}
    />
  );
}

export type PledgeAction = 'sign' | 'refuse' | 'withdraw';

/** Delegates with where they stand; a row offers what can be done next. */
export function PledgeList(props: {
  rows: PledgeRow[];
  t: Translate;
  height: number;
  emptyText: string;
  onAction(action: PledgeAction, row: PledgeRow): void;
  /** What this station's role may do (all, in a congress without operators). */
  allowed?: ReadonlySet<PledgeAction>;
}) {
  const { t } = props;
  const may = (a: PledgeAction) => !props.allowed || props.allowed.has(a);
  const columns: TableColumnsType<PledgeRow> = [
    { title: t('field.badge'), key: 'badge', width: 84, render: (_, r) => r.delegate.badge },
    {
      title: t('field.name'),
      key: 'name',
      width: 118,
      render: (_, r) => (
        <Space size={4}>
          <Tooltip title={t(r.present ? 'pledge.present' : 'pledge.notPresent')}>
            <span
              className={`presence-dot${r.present ? ' presence-in' : ''}`}
              data-testid="pledge-presence"
              data-present={r.present}
            />
          </Tooltip>
          <strong>{r.delegate.name}</strong>
          {r.delegate.category !== 'voting' && <CategoryTag category={r.delegate.category} t={t} />}
        </Space>
      ),
    },
    { title: t('field.delegation'), key: 'delegation', ellipsis: true, render: (_, r) => r.delegate.delegation ?? '' },
    {
      title: t('pledge.col.state'),
      key: 'state',
      width: 92,
      render: (_, r) => <PledgeStateTag state={r.state} t={t} />,
    },
    {
      title: t('pledge.col.detail'),
      key: 'detail',
      width: 92,
      render: (_, r) =>
        r.pledge ? (
          <Tooltip
            title={[
              t('discipline.text.version', { version: r.pledge.textVersion }),
              t('pledge.detail.operator', { operator: r.pledge.operator }),
              r.pledge.note,
            ]
              .filter(Boolean)
              .join(' · ')}
          >
            <span className="pledge-detail">{formatTime(r.pledge.at).slice(5, 16)}</span>
          </Tooltip>
        ) : (
          ''
        ),
    },
    {
      title: '',
      key: 'actions',
      width: 136,
      render: (_, r) => (
        <Space size={4}>
          {r.state !== 'signed' && may('sign') && (
            <Button size="small" type="primary" onClick={() => props.onAction('sign', r)} data-testid="pledge-row-sign">
              {t('pledge.row.sign')}
            </Button>
          )}
          {r.state !== 'signed' && r.state !== 'refused' && may('refuse') && (
            <Button size="small" danger onClick={() => props.onAction('refuse', r)} data-testid="pledge-row-refuse">
              {t('pledge.row.refuse')}
            </Button>
          )}
          {r.pledge && may('withdraw') && (
            <Button size="small" onClick={() => props.onAction('withdraw', r)} data-testid="pledge-row-withdraw">
              {t('pledge.row.withdraw')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <DataTable<PledgeRow>
      testId="pledge-list"
      rowKey={(r) => r.delegate.id}
      virtual
      height={props.height}
      columns={columns}
      dataSource={props.rows}
      emptyText={props.emptyText}
      row={(r) => ({ testId: 'pledge-row', data: { badge: r.delegate.badge, state: r.state } })}
    />
  );
}
