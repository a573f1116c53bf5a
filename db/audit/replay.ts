/**
 * The replay: the tables as the audit log says they are, compared with the tables as they are
 * (issue 12: 「the export (and audit.verify) replays it and refuses a file whose tables disagree,
 * naming the first difference」).
 *
 * The log is walked in id order. Rows without `changes` (written before schema 9) are history
 * trusted as found; the replay starts at the first row with changes, which is either the file's
 * first row (a congress created since) or an `audit.baseline` row (written by the program at the
 * upgrade: every replayed table as it was then). A baseline starts the expected state afresh; every
 * other row's records replace the expected state of the rows they name (null: deleted). After the
 * start every row must carry changes. Then every replayed table is read and each row compared, as
 * canonical text (SQLite's JSON of the same expression the capture triggers use), with the row
 * the log expects; the first difference is a refusal naming the table, the key, the column and
 * both values.
 *
 * One pass over the log (json_each in SQLite, no JSON.parse per row) and one over each table.
 */
import type { ReasonKey, ReasonParams } from '../../core/reasons.js';
import { type AppError, refuse } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import { hasChangesColumn, registerDigest, replayedTables } from './changes.js';

/** The action of the row that records every replayed table as found (db/open.ts, at an upgrade). */
export const BASELINE_ACTION = 'audit.baseline';

export type ReplayVerdict = { ok: true } | { ok: false; error: AppError };

const differs = (reason: ReasonKey, params: ReasonParams): ReplayVerdict => {
  const refused = refuse('conflict', reason, params, { field: 'audit', value: String(params.table ?? '') });
  return { ok: false, error: refused.error };
};

/** The text a value takes in a message: JSON, shortened. */
const shown = (value: unknown): string => {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** Where two row texts of one table differ first, in the table's column order. */
function firstColumn(columns: string[], expected: string, found: string) {
  const e = JSON.parse(expected) as Record<string, unknown>;
  const f = JSON.parse(found) as Record<string, unknown>;
  for (const column of [...columns, ...Object.keys(e)]) {
    if (JSON.stringify(e[column]) !== JSON.stringify(f[column])) {
      return { column, expected: shown(e[column]), found: shown(f[column]) };
    }
  }
  return { column: '?', expected: shown(expected), found: shown(found) };
}

/** The key as people read it: `17`, or `3, 2` for a composite key. */
const keyText = (key: string) => (JSON.parse(key) as unknown[]).map((v) => String(v)).join(', ');

interface LogRow {
  id: number;
  action: string;
  recorded: number;
}

export function replayAudit(db: SqliteDb): ReplayVerdict {
  if (!hasChangesColumn(db)) return { ok: true };
  registerDigest(db);
  // Where the replay starts, and that no row after it lacks its changes.
  let start: number | null = null;
  for (const row of db
    .prepare('SELECT id, action, changes IS NOT NULL AS recorded FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<LogRow>) {
    if (start === null) {
      if (!row.recorded) continue;
      if (row.id !== 1 && row.action !== BASELINE_ACTION) return differs('audit.no_baseline', { id: row.id });
      start = row.id;
    } else if (!row.recorded) {
      return differs('audit.changes_missing', { id: row.id });
    }
  }
  // A file with a log and not one row of changes: the upgrade's baseline was removed.
  if (start === null) {
    const any = db.prepare('SELECT id FROM audit_log ORDER BY id LIMIT 1').pluck().get() as number | undefined;
    return any === undefined ? { ok: true } : differs('audit.no_baseline', { id: any });
  }

  // table → key text → row text ('null': deleted).
  const expected = new Map<string, Map<string, string>>();
  const records = db
    .prepare(
      `SELECT a.action = '${BASELINE_ACTION}' AS baseline, a.id AS id, j.value ->> 0 AS tbl, j.value -> 1 AS key, j.value -> 2 AS row
       FROM audit_log AS a LEFT JOIN json_each(a.changes) AS j
       WHERE a.id >= ? ORDER BY a.id, j.id`,
    )
    .raw()
    .iterate(start) as IterableIterator<[number, number, string | null, string, string]>;
  let lastId = -1;
  for (const [baseline, id, table, key, row] of records) {
    if (baseline && id !== lastId) expected.clear();
    lastId = id;
    // A row that changed nothing (LEFT JOIN: one line with no record).
    if (table === null) continue;
    let rows = expected.get(table);
    if (!rows) {
      rows = new Map();
      expected.set(table, rows);
    }
    rows.set(key, row);
  }

  const tables = replayedTables(db);
  const known = new Set(tables.map((t) => t.name));
  for (const t of tables) {
    const rows = expected.get(t.name) ?? new Map<string, string>();
    const actual = db
      .prepare(`SELECT json(${t.key('t')}), json(${t.row('t')}) FROM main."${t.name.replace(/"/g, '""')}" AS t`)
      .raw()
      .iterate() as IterableIterator<[string, string]>;
    for (const [key, row] of actual) {
      const want = rows.get(key);
      if (want === undefined || want === 'null') {
        // Not in the log: closing the iterator before returning frees the statement.
        actual.return?.();
        return differs('audit.row_unexpected', { table: t.name, key: keyText(key) });
      }
      if (want !== row) {
        actual.return?.();
        return differs('audit.tables_differ', {
          table: t.name,
          key: keyText(key),
          ...firstColumn(t.columns, want, row),
        });
      }
      rows.delete(key);
    }
    for (const [key, row] of rows) {
      if (row !== 'null') return differs('audit.row_missing', { table: t.name, key: keyText(key) });
    }
  }
  // Records of a table this file does not have (dropped behind the app's back).
  for (const [table, rows] of expected) {
    if (known.has(table)) continue;
    for (const [key, row] of rows)
      if (row !== 'null') return differs('audit.row_missing', { table, key: keyText(key) });
  }
  return { ok: true };
}
