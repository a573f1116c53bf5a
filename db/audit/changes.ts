/**
 * What each write changed, recorded in its audit row (issue 12: 「Every write's audit row carries
 * what it changed, enough that replaying the log rebuilds the counted state」).
 *
 * When a congress is opened, this connection gets TEMP triggers on every replayed table: each
 * inserted, updated or deleted row lands in the temp table `audit_pending` as
 * (table, key, row), and `appendAudit` drains it into the `changes` of the row it appends, in the
 * same transaction. No handler knows: a ballot entered, a round closed, an operator added, the
 * congress created or restored all record their rows because they append an audit row. A write
 * rolled back takes its pending rows with it (the temp table is in the transaction). Temp
 * triggers live on this connection only, so a `sqlite3` shell on the file records nothing: its
 * edits are what the replay (db/audit/replay.ts) finds.
 *
 * The record of one table row, `[table, key, row]`:
 *   key = json_array(primary key columns, in declared order)   (rowid for a table without one)
 *   row = json_object(every column in declared order)           (null: the row was deleted)
 * A column holding a secret (a PIN hash) or a BLOB (a signature image) is recorded as its digest
 * `audit_digest(x)` = 'sha256:' + sha256_hex(x as UTF-8 text, or the blob's bytes), NULL for NULL:
 * the audit log is readable by every record keeper, a PIN hash is not for them.
 */
import { createHash } from 'node:crypto';
import type { SqliteDb } from '../open.js';

/**
 * Not replayed: the log itself, SQLite's own bookkeeping, and the PIN backoff counters (a
 * successful sign-in clears them without a write of the congress; whoever holds the file can only
 * ever reset their own waiting, which the failures' audit rows still show), and the scanned
 * pages' readings (issue 13: derived data, recomputable from the stored image, written when the
 * reader answers outside any call; the page rows and the ballots that confirm them are replayed),
 * and the answers of station writes by their idempotency key (issue 14, `lan_calls`: written in the
 * write's transaction after its audit row, which it points to; db/migrations/012_lan.sql says why).
 */
const NOT_REPLAYED = /^(audit_log|sqlite_.*|pin_.*|.*_attempts|scan_readings|lan_calls)$/;

/** Columns that hold a secret: recorded and compared as their digest. */
const SECRET_COLUMN = /(^|_)(pin_hash|secret|salt|nonce)(_|$)/;

export interface ReplayedTable {
  name: string;
  /** SQL giving the key's JSON text of the row named by `alias` (NEW, OLD, or the table itself). */
  key(alias: string): string;
  /** SQL giving the row's JSON text. */
  row(alias: string): string;
  columns: string[];
  /** The key's columns (`rowid` for a table without a primary key). */
  keyColumns: string[];
  /** The SQL of each column's recorded value (its digest for a secret), for a table aliased `t`. */
  values: string[];
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

export const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteText = (text: string) => `'${text.replace(/'/g, "''")}'`;

export function digest(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value), 'utf8');
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The function the capture triggers and the replay both call; registered on each connection that uses them. */
export function registerDigest(db: SqliteDb): void {
  db.function('audit_digest', { deterministic: true }, (value: unknown) => digest(value));
}

/** The replayed tables of this file, in name order, with the SQL that records one row. */
export function replayedTables(db: SqliteDb): ReplayedTable[] {
  const names = (
    db.prepare("SELECT name FROM main.sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  )
    .map((r) => r.name)
    .filter((n) => !NOT_REPLAYED.test(n));
  return names.map((name) => {
    const info = db.prepare(`PRAGMA main.table_info(${quoteText(name)})`).all() as ColumnInfo[];
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    const secret = (c: ColumnInfo) => c.type.toUpperCase() === 'BLOB' || SECRET_COLUMN.test(c.name);
    return {
      name,
      columns: info.map((c) => c.name),
      keyColumns: pk.length === 0 ? ['rowid'] : pk.map((c) => c.name),
      values: info.map((c) => (secret(c) ? `audit_digest(t.${quoteId(c.name)})` : `t.${quoteId(c.name)}`)),
      key: (alias) =>
        pk.length === 0
          ? `json_array(${alias}.rowid)`
          : `json_array(${pk.map((c) => `${alias}.${quoteId(c.name)}`).join(', ')})`,
      row: (alias) =>
        `json_object(${info
          .map((c) => {
            const value = `${alias}.${quoteId(c.name)}`;
            return `${quoteText(c.name)}, ${secret(c) ? `audit_digest(${value})` : value}`;
          })
          .join(', ')})`,
    };
  });
}

const installed = new WeakSet<SqliteDb>();

/** Whether this connection records changes (the file has `audit_log.changes` and the triggers are in place). */
export const capturing = (db: SqliteDb) => installed.has(db);

/** Whether this file's audit log has the `changes` column (schema 9 and later). */
export function hasChangesColumn(db: SqliteDb): boolean {
  return (db.prepare("PRAGMA main.table_info('audit_log')").all() as ColumnInfo[]).some((c) => c.name === 'changes');
}

/**
 * Creates the temp table and the temp triggers on this connection. Call after the migrations
 * (the triggers name the columns as they are then). A file without `audit_log.changes` (a test's
 * old schema) records nothing.
 */
export function installChangeCapture(db: SqliteDb): void {
  if (installed.has(db) || !hasChangesColumn(db)) return;
  registerDigest(db);
  const sql: string[] = [
    'CREATE TEMP TABLE IF NOT EXISTS audit_pending (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL, key TEXT NOT NULL, row TEXT)',
  ];
  for (const t of replayedTables(db)) {
    const id = t.name.replace(/\W/g, '_');
    const table = quoteText(t.name);
    const on = `main.${quoteId(t.name)}`;
    sql.push(
      `CREATE TEMP TRIGGER IF NOT EXISTS audit_capture_${id}_insert AFTER INSERT ON ${on} BEGIN
         INSERT INTO audit_pending (tbl, key, row) VALUES (${table}, ${t.key('NEW')}, ${t.row('NEW')});
       END`,
      // A key that changed leaves its old key deleted.
      `CREATE TEMP TRIGGER IF NOT EXISTS audit_capture_${id}_update AFTER UPDATE ON ${on} BEGIN
         INSERT INTO audit_pending (tbl, key, row) SELECT ${table}, ${t.key('OLD')}, NULL WHERE ${t.key('OLD')} <> ${t.key('NEW')};
         INSERT INTO audit_pending (tbl, key, row) VALUES (${table}, ${t.key('NEW')}, ${t.row('NEW')});
       END`,
      `CREATE TEMP TRIGGER IF NOT EXISTS audit_capture_${id}_delete AFTER DELETE ON ${on} BEGIN
         INSERT INTO audit_pending (tbl, key, row) VALUES (${table}, ${t.key('OLD')}, NULL);
       END`,
    );
  }
  db.exec(sql.join(';\n'));
  installed.add(db);
}

/**
 * Puts every row of every replayed table into the pending changes: what a baseline row records,
 * and what the first row of a new congress records of the rows its migrations seeded.
 */
export function snapshotIntoPending(db: SqliteDb): void {
  if (!installed.has(db)) return;
  for (const t of replayedTables(db)) {
    db.prepare(
      `INSERT INTO audit_pending (tbl, key, row) SELECT ${quoteText(t.name)}, ${t.key('t')}, ${t.row('t')} FROM main.${quoteId(t.name)} AS t`,
    ).run();
  }
}
