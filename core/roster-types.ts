import type { DelegateFields } from './domain.js';
import type { RosterIssue, RosterNotice } from './model/roster.js';

export type { RosterIssue, RosterNotice, RosterNoticeExample, RosterNoticeKind } from './model/roster.js';

export interface ParsedRoster {
  format: 'xlsx' | 'csv';
  /** For CSV: the encoding detected (utf-8, gb18030). */
  encoding: string | null;
  /** Every header cell of the header row, and the field it was recognised as (null: ignored). */
  columns: { header: string; field: keyof DelegateFields | null }[];
  rows: (DelegateFields & { row: number })[];
  errors: RosterIssue[];
  /** What reading the rows normalised without refusing, by kind, counted (empty for a file refused whole). */
  notices: RosterNotice[];
}
