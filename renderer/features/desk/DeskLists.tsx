import type { TableColumnsType as ColumnsType, TableColumnType } from 'antd';
import { Typography } from 'antd';
import { memo, useMemo } from 'react';
import type { AttendanceRecord, AttendanceStatus, Delegate, DelegationCounts } from '../../../core/domain.js';
import { useCall } from '../../api/queries.js';
import type { Translate } from '../../app/language.js';
import { DataTable } from '../../components/DataTable.js';
import { DelegationCountsTable } from '../../components/DelegationCountsTable.js';
import { CategoryTag, StatusTag } from '../../components/Tags.js';
import { actionsColumn } from '../../components/table-columns.js';
import { formatTime } from '../../lib/paths.js';
import type { DelegateAction } from './actions.js';
import styles from './DeskLists.module.css';
import { RowActions } from './SearchResults.js';

interface ListProps {
  delegates: Delegate[];
  t: Translate;
  height: number;
  /** None for a station whose role does not work the desk: the lists only show. */
  onAction?: ((action: DelegateAction, delegate: Delegate) => void) | undefined;
}

/** One of the desk's lists of delegates: its rows carry the badge the specs find them by. */
function DelegateTable(props: {
  testIds: [table: string, row: string];
  /** The list whose delegates it shows, at its height. */
  list: Pick<ListProps, 'delegates' | 'height'>;
  columns: ColumnsType<Delegate>;
  emptyText: string;
  /** The long list of those not arrived draws only the rows in view. */
  virtual?: boolean;
  onRowClick?: ((d: Delegate) => void) | undefined;
}) {
  const [tableId, rowId] = props.testIds;
  const click = props.onRowClick;
  return (
    <DataTable<Delegate>
      testId={tableId}
      rowKey="id"
      virtual={props.virtual ?? false}
      height={props.list.height}
      columns={props.columns}
      dataSource={props.list.delegates}
      emptyText={props.emptyText}
      row={(d) => ({ testId: rowId, data: { badge: d.badge }, ...(click ? { onClick: () => click(d) } : {}) })}
    />
  );
}

/**
 * A column's cells drawn again only for another delegate: the table redraws every cell in view
 * at each change of its rows (a check-in removes one and moves all below it), and their buttons
 * are most of a check-in's work at a desk of thousands. Columns made anew (the language, the
 * station's role changed) start with an empty memory, so they draw once more.
 */
function drawnOnce<T extends object>(column: TableColumnType<T>): TableColumnType<T> {
  const drawn = new WeakSet<T>();
  return {
    ...column,
    shouldCellUpdate: (next, prev) => {
      if (next === prev && drawn.has(next)) return false;
      drawn.add(next);
      return true;
    },
  };
}

/** Voting delegates not arrived yet; clicking a row checks the delegate in. */
export const NotArrivedList = memo(function NotArrivedList(props: ListProps) {
  const { t, onAction } = props;
  const columns = useMemo(
    (): ColumnsType<Delegate> =>
      [
        { title: t('field.badge'), dataIndex: 'badge', width: 80 },
        { title: t('field.name'), dataIndex: 'name', width: 110, render: (name: string) => <strong>{name}</strong> },
        { title: t('field.delegation'), dataIndex: 'delegation', ellipsis: true },
        ...actionsColumn<Delegate>(
          150,
          onAction && ((d) => <RowActions delegate={d} status="pending" t={t} onAction={onAction} />),
        ),
      ].map(drawnOnce),
    [t, onAction],
  );
  return (
    <div data-testid="not-arrived-list">
      {onAction && (
        <Typography.Text type="secondary" className={styles.listHint}>
          {t('desk.notArrived.hint')}
        </Typography.Text>
      )}
      <DelegateTable
        testIds={['not-arrived-table', 'not-arrived-row']}
        virtual
        list={props}
        columns={columns}
        emptyText={t('desk.notArrived.empty')}
        onRowClick={onAction && ((d) => onAction('checkIn', d))}
      />
    </div>
  );
});

/** 列席 and 候补代表 checked in: shown apart, never counted. */
export const NonVotingList = memo(function NonVotingList(
  props: ListProps & { records: Map<number, AttendanceRecord> },
) {
  const { t, onAction } = props;
  const columns: ColumnsType<Delegate> = [
    { title: t('field.badge'), dataIndex: 'badge', width: 80 },
    { title: t('field.name'), dataIndex: 'name', width: 100 },
    {
      title: t('field.category'),
      dataIndex: 'category',
      width: 100,
      render: (_, d) => <CategoryTag category={d.category} t={t} />,
    },
    { title: t('field.delegation'), dataIndex: 'delegation', ellipsis: true },
    {
      title: t('field.at'),
      key: 'at',
      width: 90,
      render: (_, d) => formatTime(props.records.get(d.id)?.at ?? '').slice(11),
    },
    ...actionsColumn<Delegate>(
      70,
      onAction && ((d) => <RowActions delegate={d} status="present" t={t} onAction={onAction} />),
    ),
  ];
  return (
    <div data-testid="nonvoting-list">
      <Typography.Text type="secondary" className={styles.listHint}>
        {t('desk.nonvoting.hint')}
      </Typography.Text>
      <DelegateTable
        testIds={['nonvoting-table', 'nonvoting-row']}
        list={props}
        columns={columns}
        emptyText={t('desk.nonvoting.empty')}
      />
    </div>
  );
});

/** Voting delegates on leave (with the reason) or marked absent. */
export const LeaveAbsentList = memo(function LeaveAbsentList(
  props: ListProps & { records: Map<number, AttendanceRecord> },
) {
  const { t, onAction } = props;
  const statusOf = (d: Delegate): AttendanceStatus => props.records.get(d.id)?.status ?? 'pending';
  const columns: ColumnsType<Delegate> = [
    { title: t('field.badge'), dataIndex: 'badge', width: 70 },
    { title: t('field.name'), dataIndex: 'name', width: 90 },
    { title: t('field.status'), key: 'status', width: 70, render: (_, d) => <StatusTag status={statusOf(d)} t={t} /> },
    {
      title: t('field.reason'),
      key: 'reason',
      ellipsis: true,
      render: (_, d) => props.records.get(d.id)?.reason ?? '',
    },
    ...actionsColumn<Delegate>(
      170,
      onAction && ((d) => <RowActions delegate={d} status={statusOf(d)} t={t} onAction={onAction} withCheckIn />),
    ),
  ];
  return (
    <DelegateTable
      testIds={['leave-absent-list', 'leave-absent-row']}
      list={props}
      columns={columns}
      emptyText={t('desk.leaveAbsent.empty')}
    />
  );
});

/**
 * 应到 / 实到 / 请假 / 缺席 per delegation, with a total row. It reads the meeting's summary
 * itself: only while its tab is open is it drawn at each check-in.
 */
export function DelegationTable(props: { meetingId: number; t: Translate; height: number }) {
  const { t } = props;
  const summary = useCall('attendance.summary', { meetingId: props.meetingId }).data;
  const counts = (['due', 'present', 'leave', 'absent'] as const).map((k) => ({
    key: k,
    // As the tiles above: 未到 until the meeting starts, 缺席 from then on.
    title: k === 'absent' ? t(summary?.started ? 'desk.count.absent' : 'desk.count.notArrived') : t(`count.${k}`),
    width: 70,
    value: (r: DelegationCounts) => r[k],
  }));
  return (
    <DelegationCountsTable<DelegationCounts>
      testIds={['delegation-table', 'delegation-row']}
      rows={summary?.byDelegation ?? []}
      counts={counts}
      complete={(r) => r.present + r.leave >= r.due}
      t={t}
      height={props.height}
    />
  );
}
