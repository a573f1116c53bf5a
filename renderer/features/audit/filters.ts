import type { AuditKind } from '../../../core/model/audit.js';
import { AUDIT_KINDS } from '../../../core/model/audit.js';

/** Which rows the log shows, prints and exports (issue 15 item 2): kinds, an operator, a contest. */
export interface AuditFilterState {
  kinds: AuditKind[];
  operator: string | null;
  contestId: number | null;
}

export const NO_FILTER: AuditFilterState = { kinds: [], operator: null, contestId: null };

/** The filter as the calls take it: only what is set. */
export function filterInput(f: AuditFilterState) {
  return {
    ...(f.kinds.length > 0 ? { kinds: f.kinds } : {}),
    ...(f.operator ? { operator: f.operator } : {}),
    ...(f.contestId !== null ? { contestId: f.contestId } : {}),
  };
}

/** The filter in a print route's query (`#/print/audit?kinds=ballots,rounds&operator=…&contest=3`), and back. */
export function filterQuery(f: AuditFilterState): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.kinds.length > 0) q.kinds = f.kinds.join(',');
  if (f.operator) q.operator = f.operator;
  if (f.contestId !== null) q.contest = String(f.contestId);
  return q;
}

export function filterOfQuery(q: Record<string, string>): AuditFilterState {
  const kinds = (q.kinds ?? '')
    .split(',')
    .filter((k): k is AuditKind => (AUDIT_KINDS as readonly string[]).includes(k));
  const contest = Number(q.contest);
  return { kinds, operator: q.operator || null, contestId: Number.isInteger(contest) && contest > 0 ? contest : null };
}
