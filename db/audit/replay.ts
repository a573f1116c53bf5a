/**
 * The replay: the tables as the audit log says they are, compared with the tables as they are
 * (issue 12: 「the export (and audit.verify) replays it and refuses a file whose tables disagree,
 * naming the first difference」).
 *
 * The log is walked in id order. Rows without `changes` (written before schema 9) are history
 * trusted as found; the replay starts at the first row with changes, which is either the file's
 * first row (a congress created since) or an `audit.baseline` row (written by the program at an
 * upgrade: every replayed table as it was then). A baseline starts the expected state afresh; every
 * other row's records replace the expected state of the rows they name (null: deleted). After the
 * start every row must carry changes. Then every replayed table is read and each row compared,
 * column by column, with the row the log expects; the first difference is a refusal naming the
 * table, the key, the column and both values.
 *
 * Once a connection has replayed clean, what it replayed is kept with it (`Replayed`), and a later
 * replay on it only folds the rows appended since — without reading the tables again — when
 * nothing else can have changed the file: SQLite's `data_version` is unchanged (no other
 * connection, no other process, no `sqlite3` shell has committed to the file since), the last row
 * replayed is still there with the same hash (nothing replayed was rolled back), and no change of
 * this connection is waiting outside an audit row. Every write of this connection to a replayed
 * table goes through the capture triggers into an audit row (db/audit/changes.ts), so the tables
 * are then exactly the fold, as a full replay would find. Anything else replays in full.
 */
import type { ReasonKey, ReasonParams } from '../../core/reasons.js';
import { type AppError, refuse } from '../../core/result.js';
import type { SqliteDb } from '../open.js';
import { capturing, hasChangesColumn, quoteId, registerDigest, replayedTables } from './changes.js';
import { dataVersion } from './log.js';

/** The action of the row that records every replayed table as found (db/open.ts, at an upgrade). */
export const BASELINE_ACTION = 'audit.baseline';

export type ReplayVerdict = { ok: true } | { ok: false; error: AppError };

type Row = Record<string, unknown>;
/** table → key (JSON text of the key's values) → the row the log expects (null: deleted). */
type Expected = Map<string, Map<string, Row | null>>;

interface Replayed {
  dataVersion: number;
  lastId: number;
  lastHash: string;
  expected: Expected;
}

const replayed = new WeakMap<SqliteDb, Replayed>();

const differs = (reason: ReasonKey, params: ReasonParams): ReplayVerdict => {
  const refused = refuse('conflict', reason, params, { field: 'audit', value: String(params.table ?? '') });
  return { ok: false, error: refused.error };
};

/** The text a value takes in a message: JSON, shortened. */
const shown = (value: unknown): string => {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

/** The key as people read it: `17`, or `3, 2` for a composite key. */
const keyText = (key: string) => (JSON.parse(key) as unknown[]).map((v) => String(v)).join(', ');

type Record3 = [string, unknown[], Row | null];

/** Folds one row's records into the expected tables. */
function fold(expected: Expected, changes: string): void {
  for (const [table, key, row] of JSON.parse(changes) as Record3[]) {
    let rows = expected.get(table);
    if (!rows) {
      rows = new Map();
      expected.set(table, rows);
    }
    rows.set(JSON.stringify(key), row);
  }
}

type LogLine = [id: number, action: string, changes: string | null, hash: string];

export function replayAudit(db: SqliteDb): ReplayVerdict {
  if (!hasChangesColumn(db)) return { ok: true };
  registerDigest(db);
  const before = replayed.get(db);
  if (before) {
    const continued = continueReplay(db, before);
    if (continued) return continued;
  }
  const version = dataVersion(db);
  const expected: Expected = new Map();
  // Where the replay starts, that no row after it lacks its changes, and the fold: one pass.
  let start: number | null = null;
  let first: number | null = null;
  let last: LogLine | null = null;
  for (const line of db
    .prepare('SELECT id, action, changes, hash FROM audit_log ORDER BY id')
    .raw()
    .iterate() as IterableIterator<LogLine>) {
    const [id, action, changes] = line;
    last = line;
    first ??= id;
    if (changes === null) {
      if (start === null) continue;
      return differs('audit.changes_missing', { id });
    }
    if (start === null) {
      if (id !== 1 && action !== BASELINE_ACTION) return differs('audit.no_baseline', { id });
      start = id;
    }
    if (action === BASELINE_ACTION) expected.clear();
    fold(expected, changes);
  }
  // A file with a log and not one row of changes: the upgrade's baseline was removed.
  if (start === null) return first === null ? { ok: true } : differs('audit.no_baseline', { id: first });

  const verdict = compareTables(db, expected);
  if (verdict.ok && last) replayed.set(db, { dataVersion: version, lastId: last[0], lastHash: last[3], expected });
  return verdict;
}

/**
 * The rows appended since a clean replay on this connection, folded; null when the replay must be
 * made in full (see the head of this file).
 */
function continueReplay(db: SqliteDb, before: Replayed): ReplayVerdict | null {
  replayed.delete(db);
  if (dataVersion(db) !== before.dataVersion) return null;
  const still = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck().get(before.lastId);
  if (still !== before.lastHash) return null;
  if (capturing(db) && db.prepare('SELECT count(*) FROM audit_pending').pluck().get() !== 0) return null;
  let { lastId, lastHash } = before;
  for (const [id, action, changes, hash] of db
    .prepare('SELECT id, action, changes, hash FROM audit_log WHERE id > ? ORDER BY id')
    .raw()
    .all(before.lastId) as LogLine[]) {
    if (changes === null) return differs('audit.changes_missing', { id });
    // A baseline (an upgrade) is rare: replayed in full.
    if (action === BASELINE_ACTION) return null;
    fold(before.expected, changes);
    lastId = id;
    lastHash = hash;
  }
  replayed.set(db, { ...before, lastId, lastHash });
  return { ok: true };
}

/** Every row of every replayed table against the expected tables; the first difference. */
function compareTables(db: SqliteDb, expected: Expected): ReplayVerdict {
  const tables = replayedTables(db);
  const known = new Set(tables.map((t) => t.name));
  for (const t of tables) {
    const rows = expected.get(t.name) ?? new Map<string, Row | null>();
    const keyAt = t.keyColumns.map((c) => (c === 'rowid' ? t.columns.length : t.columns.indexOf(c)));
    const keyed = t.keyColumns.includes('rowid') ? ', t.rowid' : '';
    const actual = db
      .prepare(`SELECT ${t.values.join(', ')}${keyed} FROM main.${quoteId(t.name)} AS t`)
      .raw()
      .iterate() as IterableIterator<unknown[]>;
    let matched = 0;
    for (const values of actual) {
      const key = JSON.stringify(keyAt.map((i) => values[i]));
      const want = rows.get(key);
      if (!want) {
        // Not in the log (or deleted in it). Closing the iterator frees the statement.
        actual.return?.();
        return differs('audit.row_unexpected', { table: t.name, key: keyText(key) });
      }
      for (let i = 0; i < t.columns.length; i++) {
        const column = t.columns[i]!;
        if (want[column] !== values[i]) {
          actual.return?.();
          return differs('audit.tables_differ', {
            table: t.name,
            key: keyText(key),
            column,
            expected: shown(want[column]),
            found: shown(values[i]),
          });
        }
      }
      // A column the log records that the table no longer has (dropped behind the app).
      if (Object.keys(want).length !== t.columns.length) {
        actual.return?.();
        const column = Object.keys(want).find((c) => !t.columns.includes(c)) ?? '?';
        return differs('audit.tables_differ', {
          table: t.name,
          key: keyText(key),
          column,
          expected: shown(want[column]),
          found: '—',
        });
      }
      matched++;
    }
    // The expected rows are kept (a later replay continues from them): counted, not removed.
    let live = 0;
    for (const row of rows.values()) if (row !== null) live++;
    if (matched !== live) {
      const found = new Set(
        (
          db
            .prepare(`SELECT ${t.values.join(', ')}${keyed} FROM main.${quoteId(t.name)} AS t`)
            .raw()
            .all() as unknown[][]
        ).map((values) => JSON.stringify(keyAt.map((i) => values[i]))),
      );
      for (const [key, row] of rows) {
        if (row !== null && !found.has(key)) return differs('audit.row_missing', { table: t.name, key: keyText(key) });
      }
    }
  }
  // Records of a table this file does not have (dropped behind the app's back).
  for (const [table, rows] of expected) {
    if (known.has(table)) continue;
    for (const [key, row] of rows) if (row !== null) return differs('audit.row_missing', { table, key: keyText(key) });
  }
  return { ok: true };
}
