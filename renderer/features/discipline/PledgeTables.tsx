import type { ButtonProps, TableColumnsType } from 'antd';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { PledgeState } from '../../../core/discipline.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { type CountColumn, DelegationCountsTable } from '../../components/DelegationCountsTable.js';
import { CategoryTag } from '../../components/Tags.js';
import { actionsColumn } from '../../components/table-columns.js';
import { formatTime } from '../../lib/paths.js';
import styles from './PledgeTables.module.css';
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

/** How a tile reads: the main figure, done, refused, waiting, or plain. */
type Tone = 'main' | 'ok' | 'bad' | 'warn' | 'plain';
const TONE_CLASS: Record<Tone, string | undefined> = {
  main: styles.main,
  ok: styles.ok,
  bad: styles.bad,
  warn: styles.warn,
  plain: undefined,
};

/** 应签 已签 拒签 请假/缺席 待签: the pledge figures of the meeting. */
export function PledgeCounts(props: { summary: PledgeSummary | null; t: Translate }) {
  const { summary: s, t } = props;
  const tiles: { key: string; label: string; value: number | undefined; tone: Tone; note?: string }[] = [
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
    <section className={styles.counts} data-testid="pledge-counts">
      {tiles.map((tile) => (
        <div key={tile.key} className={[styles.tile, TONE_CLASS[tile.tone]].filter(Boolean).join(' ')}>
          <div className={styles.tileLabel}>{tile.label}</div>
          <div className={styles.tileValue} data-testid={`pledge-count-${tile.key}`}>
            {tile.value ?? '–'}
          </div>
          {tile.note && <div className={styles.tileNote}>{tile.note}</div>}
        </div>
      ))}
    </section>
  );
}

/** Signed of due per delegation, with a total row; leave and absent in one column (away). */
export function PledgeDelegationTable(props: { rows: DelegationRow[]; t: Translate; height: number }) {
  const { t } = props;
  const keys = ['due', 'signed', 'refused', 'away', 'pending'] as const;
  const counts: CountColumn<DelegationRow>[] = keys.map((k) => ({
    key: k,
    title: t(`pledge.count.${k}`),
    // Narrow figures leave the delegation its whole name (「非公和社会组织代表团」) at 1366 px.
    width: { due: 48, signed: 60, refused: 60, away: 80, pending: 56 }[k],
    value: (r) => (k === 'away' ? r.leave + r.absent : r[k]),
  }));
  return (
    <DelegationCountsTable<DelegationRow>
      testIds={['pledge-delegation-table', 'pledge-delegation-row']}
      rows={props.rows}
      counts={counts}
      complete={(r) => r.signed + r.leave + r.absent >= r.due}
      t={t}
      height={props.height}
    />
  );
}

export type PledgeAction = 'sign' | 'refuse' | 'withdraw';

/** A row's buttons, in this order, each shown while its act can be taken on the row. */
const ROW_ACTIONS: { action: PledgeAction; when(r: PledgeRow): boolean; button: ButtonProps }[] = [
  { action: 'sign', when: (r) => r.state !== 'signed', button: { type: 'primary' } },
  { action: 'refuse', when: (r) => r.state !== 'signed' && r.state !== 'refused', button: { danger: true } },
  { action: 'withdraw', when: (r) => !!r.pledge, button: {} },
];

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
              className={r.present ? `${styles.presence} ${styles.presenceIn}` : styles.presence}
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
            <span>{formatTime(r.pledge.at).slice(5, 16)}</span>
          </Tooltip>
        ) : (
          ''
        ),
    },
    ...actionsColumn<PledgeRow>(136, (r) => (
      <Space size={4}>
        {ROW_ACTIONS.filter((a) => a.when(r) && may(a.action)).map((a) => (
          <Button
            key={a.action}
            size="small"
            {...a.button}
            onClick={() => props.onAction(a.action, r)}
            data-testid={`pledge-row-${a.action}`}
          >
            {t(`pledge.row.${a.action}`)}
          </Button>
        ))}
      </Space>
    )),
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
