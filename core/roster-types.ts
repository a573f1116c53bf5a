import type { DelegateFields } from './domain.js';

/** One problem in a roster file, named by row (1-based, as the spreadsheet shows it) and column header. */
export interface RosterIssue {
  row: number | null;
  column: string | null;
  value: string | null;
  /** zh-CN, made from the reason where there is one (core/reasons.ts `roster.*`). */
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export interface ParsedRoster {
  format: 'xlsx' | 'csv';
  /** For CSV: the encoding detected (utf-8, gb18030). */
  encoding: string | null;
  /** Every header cell of the header row, and the field it was recognised as (null: ignored). */
  columns: { header: string; field: keyof DelegateFields | null }[];
  rows: (DelegateFields & { row: number })[];
  errors: RosterIssue[];
}
