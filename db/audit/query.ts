/**
 * The audit log filtered (issue 15 item 2: by kind, operator and contest), newest first and paged
 * by id. Each condition is strict SQL on the row's own columns: the kind is the
 * action (`action IN (…)`, on migration 010's index), the operator the name the row carries, the
 * contest what the payload names — its own id, its round's (a ballot's `after`/`before` too), a
 * candidate's or an official's (one since removed by the id its row recorded) — or, for the row
 * that created it, the contest row its changes hold. Paging walks the
 * primary key down from `beforeId`, so a page of a 100,000-row log reads only as far back as its
 * rows go.
 */
import { type AuditKind, actionsOfKinds } from '../../core/audit/kinds.js';
import type { AuditEntry, AuditNames } from '../../core/model/audit.js';
import type { SqliteDb } from '../open.js';
import { type AuditRow, toEntry } from './log.js';

export interface AuditFilter {
  kinds?: AuditKind[] | undefined;
  operator?: string | null | undefined;
  contestId?: number | null | undefined;
}

/** The WHERE clause and its values for `filter`; `names` gives a contest's candidates and officials. */
function where(filter: AuditFilter, names: () => AuditNames): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  if (filter.kinds && filter.kinds.length > 0) {
    const actions = actionsOfKinds(filter.kinds);
    sql.push(`action IN (SELECT value FROM json_each(?))`);
    values.push(JSON.stringify(actions));
  }
  if (filter.operator) {
    sql.push('operator = ?');
    values.push(filter.operator);
  }
  if (filter.contestId !== null && filter.contestId !== undefined) {
    const c = filter.contestId;
    const all = names();
    const of = (table: Record<string, { contestId: number }>) =>
      JSON.stringify(
        Object.entries(table)
          .filter(([, v]) => v.contestId === c)
          .map(([k]) => Number(k)),
      );
    sql.push(`(json_extract(payload, '$.contestId') = ?
      OR json_extract(payload, '$.prevoteContestId') = ?
      OR coalesce(json_extract(payload, '$.roundId'), json_extract(payload, '$.after.roundId'),
                  json_extract(payload, '$.before.roundId')) IN (SELECT value FROM json_each(?))
      OR json_extract(payload, '$.candidateId') IN (SELECT value FROM json_each(?))
      OR json_extract(payload, '$.officialId') IN (SELECT value FROM json_each(?))
      OR (action IN ('contests.create', 'contests.createFromPrevote') AND EXISTS (
            SELECT 1 FROM json_each(audit_log.changes) AS c
            WHERE json_extract(c.value, '$[0]') = 'contests' AND json_extract(c.value, '$[1][0]') = ?)))`);
    values.push(c, c, of(all.rounds), of(all.candidates), of(all.officials), c);
  }
  return { sql, values };
}

/** Newest first, at most `limit` rows older than `beforeId` (null: from the newest) that `filter` matches. */
export function filteredAudit(
  db: SqliteDb,
  filter: AuditFilter,
  limit: number,
  beforeId: number | null,
  names: () => AuditNames,
): AuditEntry[] {
  const { sql, values } = where(filter, names);
  const rows = db
    .prepare(`SELECT * FROM audit_log WHERE ${['id < ?', ...sql].join(' AND ')} ORDER BY id DESC LIMIT ?`)
    .all(beforeId ?? Number.MAX_SAFE_INTEGER, ...values, limit) as AuditRow[];
  return rows.map(toEntry);
}

/** Every row `filter` matches, oldest first, one at a time (the export). */
export function* everyAudit(db: SqliteDb, filter: AuditFilter, names: () => AuditNames): Generator<AuditEntry> {
  const { sql, values } = where(filter, names);
  const statement = db.prepare(
    `SELECT * FROM audit_log ${sql.length > 0 ? `WHERE ${sql.join(' AND ')}` : ''} ORDER BY id`,
  );
  for (const row of statement.iterate(...values) as IterableIterator<AuditRow>) yield toEntry(row);
}
