import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';

/**
 * The row's buttons, as the last column: none at all for a station whose role may not act
 * (`render` left out), so the lists only show.
 */
export function actionsColumn<T>(
  width: number,
  render: ((row: T) => ReactNode) | undefined,
  /** A title, or the column kept in view on the right of a wide table. */
  more: Pick<TableColumnType<T>, 'title' | 'fixed'> = {},
): TableColumnType<T>[] {
  return render ? [{ title: '', key: 'actions', width, ...more, render: (_: unknown, row: T) => render(row) }] : [];
}
