import type { TableColumnsType } from 'antd';
import type { Translate } from '../app/language.js';
import { DataTable } from './DataTable.js';

/** One figure of a delegation's row, summed in the total row. */
export interface CountColumn<R> {
  key: string;
  title: string;
  width: number;
  value(row: R): number;
}

/**
 * Figures per delegation with a total row under them: the desk's 应到/实到/请假/缺席 and the
 * pledges' 应签/已签/拒签…. A delegation that is complete reads in the "ok" colour.
 */
export function DelegationCountsTable<R extends { delegation: string }>(props: {
  rows: R[];
  counts: CountColumn<R>[];
  complete(row: R): boolean;
  t: Translate;
  height: number;
  /** data-testid of the table and of its rows. */
  testIds: [table: string, row: string];
}) {
  const { t, counts } = props;
  const [tableId, rowId] = props.testIds;
  const columns: TableColumnsType<R> = [
    {
      title: t('desk.delegation'),
      dataIndex: 'delegation',
      ellipsis: true,
      render: (v: string) => v || t('desk.delegation.none'),
    },
    ...counts.map((c) => ({
      title: c.title,
      key: c.key,
      width: c.width,
      align: 'right' as const,
      render: (_: unknown, r: R) => c.value(r),
    })),
  ];
  const totals = counts.map((c) => props.rows.reduce((sum, r) => sum + c.value(r), 0));
  return (
    <DataTable<R>
      testId={tableId}
      rowKey="delegation"
      height={props.height}
      columns={columns}
      dataSource={props.rows}
      row={(r) => ({ testId: rowId, data: { delegation: r.delegation }, complete: props.complete(r) })}
      total={{ label: t('desk.delegation.total'), values: totals }}
    />
  );
}
