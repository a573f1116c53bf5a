import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import styles from './DataTable.module.css';

/** What a row carries besides its cells: the test id and data attributes the specs select by. */
export interface RowMarks {
  testId: string;
  data?: Record<string, string | number | boolean | null | undefined>;
  /** The whole row acts (the desk checks a delegate in by clicking the row); shows a pointer. */
  onClick?: () => void;
  /** Done rows (a delegation complete) read in the "ok" colour. */
  complete?: boolean;
  /** A class of the caller's module for the row (a withdrawn ballot struck through). */
  className?: string | undefined;
}

export interface DataTableProps<T>
  extends Omit<TableProps<T>, 'size' | 'scroll' | 'locale' | 'onRow' | 'rowClassName' | 'rowKey' | 'summary'> {
  rowKey: NonNullable<TableProps<T>['rowKey']>;
  /** `data-testid` of the table. */
  testId: string;
  /** Height of the scrolled body (a virtual list needs one); none: the table grows. */
  height?: number;
  /** Width from which the table scrolls sideways (wide rosters). */
  scrollX?: number;
  emptyText?: ReactNode;
  row?: (record: T) => RowMarks;
  /** A total row kept under the scrolled body: its label, then one value per further column. */
  total?: { label: ReactNode; values: ReactNode[]; align?: 'left' | 'right' };
}

/**
 * The one table set-up of the app: small, unpaged unless asked, its rows marked for the specs
 * by a function rather than a cast at every call, its styles scoped to this file.
 */
export function DataTable<T extends object>(props: DataTableProps<T>) {
  const { testId, height, scrollX, emptyText, row, total, pagination = false, ...table } = props;
  const scroll = height === undefined && scrollX === undefined ? undefined : { x: scrollX, y: height };
  return (
    <Table<T>
      {...table}
      size="small"
      pagination={pagination}
      {...(scroll ? { scroll } : {})}
      {...(emptyText !== undefined ? { locale: { emptyText } } : {})}
      {...(row ? { onRow: (r: T) => rowAttributes(row(r)) } : {})}
      {...(total ? { summary: () => <TotalRow {...total} /> } : {})}
      data-testid={testId}
    />
  );
}

function rowAttributes(marks: RowMarks): React.HTMLAttributes<HTMLElement> {
  const data: Record<string, string> = { 'data-testid': marks.testId };
  for (const [k, v] of Object.entries(marks.data ?? {}))
    if (v !== null && v !== undefined) data[`data-${k}`] = String(v);
  const classes = [
    marks.onClick ? styles.clickable : '',
    marks.complete ? styles.complete : '',
    marks.className ?? '',
  ].filter(Boolean);
  return {
    ...data,
    ...(marks.onClick ? { onClick: marks.onClick } : {}),
    ...(classes.length > 0 ? { className: classes.join(' ') } : {}),
  };
}

function TotalRow(props: NonNullable<DataTableProps<object>['total']>) {
  const align = props.align ?? 'right';
  return (
    <Table.Summary fixed>
      <Table.Summary.Row className={styles.total}>
        <Table.Summary.Cell index={0}>{props.label}</Table.Summary.Cell>
        {props.values.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed and in order
          <Table.Summary.Cell key={i} index={i + 1} align={align}>
            {v}
          </Table.Summary.Cell>
        ))}
      </Table.Summary.Row>
    </Table.Summary>
  );
}
