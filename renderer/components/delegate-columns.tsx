import type { TableColumnType } from 'antd';
import type { DelegateFields } from '../../core/domain.js';
import type { Translate } from '../app/language.js';
import { type DelegateField, fieldLabel, fieldValue } from '../lib/delegate-fields.js';
import { CategoryTag } from './Tags.js';

/** One column of a delegate's own field; a bare field name takes the usual width. */
export type DelegateColumn =
  | DelegateField
  | { field: DelegateField; width?: number; fixed?: 'left' | 'right'; strong?: boolean };

/** The widths the roster, its import preview and the candidate lists agree on. */
const WIDTH: Partial<Record<DelegateField, number>> = {
  badge: 90,
  name: 100,
  // Wide enough for the English headers and values (Gender, Female, Ethnicity) on one line.
  gender: 72,
  ethnicity: 84,
  birthDate: 100,
  education: 90,
  // 「非公和社会组织代表团」, nine characters, whole.
  delegation: 170,
  category: 100,
};

/**
 * Columns of a delegate's fields, titled and shown as everywhere (男/女, the category tag,
 * long texts cut with an ellipsis). `of` finds the delegate in a row that holds one.
 */
export function delegateColumns<T>(
  t: Translate,
  columns: DelegateColumn[],
  of: (row: T) => Partial<DelegateFields> = (row) => row as Partial<DelegateFields>,
): TableColumnType<T>[] {
  return columns.map((c) => {
    const spec = typeof c === 'string' ? { field: c } : c;
    const { field } = spec;
    const width = spec.width ?? WIDTH[field];
    return {
      title: fieldLabel(t, field),
      key: field,
      ...(width !== undefined ? { width } : {}),
      ...(spec.fixed ? { fixed: spec.fixed } : {}),
      ...(field === 'delegation' || field === 'unit' ? { ellipsis: true } : {}),
      render: (_: unknown, row: T) => {
        const d = of(row);
        if (field === 'category') return d.category ? <CategoryTag category={d.category} t={t} /> : null;
        const text = fieldValue(t, field, d[field]);
        return spec.strong ? <strong>{text}</strong> : text;
      },
    };
  });
}
