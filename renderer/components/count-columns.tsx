import { Space, type TableColumnType, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { BodyStructure } from '../../core/election-types.js';
import type { Translate } from '../app/language.js';
import { educationText, shareText } from '../features/results/structure.js';

/**
 * A person's name in bold, with a tag beside it when the row says so (a write-in, a candidate
 * who came from the write-ins): the candidate list and a round's result show names alike.
 */
export function nameColumn<T extends { name: string }>(
  title: string,
  tag: (row: T) => string | null,
  width?: number,
): TableColumnType<T> {
  return {
    title,
    key: 'name',
    ...(width !== undefined ? { width } : {}),
    render: (_: unknown, row: T) => {
      const label = tag(row);
      return (
        <Space size={4}>
          <strong>{row.name}</strong>
          {label && <Tag>{label}</Tag>}
        </Space>
      );
    },
  };
}

/** A count, right-aligned; a count the row does not have (a write-in's 不赞成) stays empty. */
export function numberColumn<T>(title: string, field: keyof T & string, width: number): TableColumnType<T> {
  return { title, dataIndex: field, key: field, width, align: 'right', render: (v: ReactNode) => v ?? '' };
}

/**
 * Rule 11's structure of those elected, one column a figure (women, under 35, ethnic minority,
 * then education in one line), as a result file's contests and the district's townships show it;
 * empty where nobody is elected.
 */
export function structureColumns<T>(
  t: Translate,
  of: (row: T) => BodyStructure | null,
  width: number,
): TableColumnType<T>[] {
  const share = (pick: (s: BodyStructure) => number) => (_: unknown, row: T) => {
    const s = of(row);
    return s && s.total > 0 ? shareText(t, pick(s), s.total) : '';
  };
  return [
    { title: t('verify.col.women'), key: 'women', width, render: share((s) => s.women) },
    { title: t('verify.col.under35'), key: 'under35', width, render: share((s) => s.under35) },
    { title: t('verify.col.minority'), key: 'minority', width, render: share((s) => s.minority) },
    {
      title: t('verify.col.education'),
      key: 'education',
      render: (_: unknown, row: T) => {
        const s = of(row);
        return s ? educationText(t, s) : '';
      },
    },
  ];
}
