import type { TableColumnType } from 'antd';
import type { ReactNode } from 'react';

/**
 * The row's buttons, as the last column: none at all for a station whose role may not act
 * (`render` left out), so the lists only show.
 */
export function actionsColumn<T>(width: number, render: ((row: T) => ReactNode) | undefined): TableColumnType<T>[] {
  return render ? [{ title: '', key: 'actions', width, render: (_: unknown, row: T) => render(row) }] : [];
}
