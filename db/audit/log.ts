/**
 * The audit log: every write appends one row, in the same transaction as the write,
 * and each row's hash covers the previous row's hash, so an edited, inserted or removed
 * row breaks the chain from that row on (DESIGN: "Audit log").
 *
 *   hash = sha256_hex(prev_hash + canonicalJson([id, at, operator, station, action, payload]))
 *                                                    (a row without changes: before schema 9)
 *   hash = sha256_hex(prev_hash + canonicalJson([id, at, operator, station, action, payload, changes]))
 *                                                    (a row with changes)
 *
 * where `payload` and `changes` are the stored JSON texts (hashed as strings) and the first
 * row's prev_hash is 64 zeros. `changes` is what the write did to the tables
 * (db/audit/changes.ts): a JSON array of [table, key, row-or-null]; the replay
 * (db/audit/replay.ts) folds them into the tables the log vouches for. A verifier outside this
 * program (the district's machine) recomputes exactly this.
 */
import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../core/domain.js';
import { canonicalJson } from '../canonical-json.js';
import type { SqliteDb } from '../open.js';
import { statement } from '../statements.js';
import { capturing } from './changes.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: string;
  operator: string;
  station: string;
  action: string;
  /** Any JSON value; stored as canonical JSON text. */
  payload: unknown;
}

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  station: string;
  action: string;
  payload: string;
  /** NULL for a row written before schema 9 (or on a connection that records no changes). */
  changes: string | null;
  prev_hash: string;
  hash: string;
}

type Hashed = Omit<AuditRow, 'prev_hash' | 'hash' | 'changes'> & { changes?: string | null };

export function auditHash(prevHash: string, row: Hashed): string {
  const base = [row.id, row.at, row.operator, row.station, row.action, row.payload];
  const fields = canonicalJson(row.changes === null || row.changes === undefined ? base : [...base, row.changes]);
  return createHash('sha256')
    .update(prevHash + fields, 'utf8')
    .digest('hex');
}

/**
 * The changes this transaction made since the last audit row, drained: one record per table row
 * (its last state), in the order first... last written. Null when this connection records none.
 */
function drainChanges(db: SqliteDb): string | null {
  if (!capturing(db)) return null;
  const changes = statement(
    db,
    `SELECT coalesce(json_group_array(json_array(tbl, json(key), json(row)) ORDER BY last), '[]')
     FROM (SELECT tbl, key, row, max(seq) AS last FROM audit_pending GROUP BY tbl, key)`,
  )
    .pluck()
    .get() as string;
  statement(db, 'DELETE FROM audit_pending').run();
  return changes;
}

/** Appends one row chained to the last one. Call it inside the write's transaction. */
export function appendAudit(db: SqliteDb, entry: AuditInput): AuditEntry {
  const last = statement(db, 'SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const prevHash = last?.hash ?? GENESIS_HASH;
  // AUTOINCREMENT never reuses an id, so the next id is one past the sequence.
  const seq = statement(db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as
    | { seq: number }
    | undefined;
  const id = Math.max(seq?.seq ?? 0, last?.id ?? 0) + 1;
  const payload = canonicalJson(entry.payload);
  const changes = drainChanges(db);
  const row = { id, at: entry.at, operator: entry.operator, station: entry.station, action: entry.action, payload };
  const hash = auditHash(prevHash, { ...row, changes });
  if (changes === null) {
    statement(
      db,
      'INSERT INTO audit_log (id, at, operator, station, action, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, row.at, row.operator, row.station, row.action, payload, prevHash, hash);
  } else {
    statement(
      db,
      'INSERT INTO audit_log (id, at, operator, station, action, payload, changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(id, row.at, row.operator, row.station, row.action, payload, changes, prevHash, hash);
  }
  return { ...row, changes, prevHash, hash };
}

export interface ChainVerdict {
  ok: boolean;
  count: number;
  /** The first row whose hash, link to its predecessor or position is wrong. */
  firstBrokenId: number | null;
}

/**
 * Walks the chain from the first row. A row is broken when its stored hash is not the
 * hash of its content, when its prev_hash is not the previous row's hash, or when ids
 * skip (a removed row). Removing the last rows is only visible against a chain head
 * recorded elsewhere (the exported result file carries it).
 */
export function verifyAuditChain(db: SqliteDb, from: 'first row' | 'last verified' = 'first row'): ChainVerdict {
  const before = from === 'last verified' ? stillVerified(db) : null;
  let expectedPrev = before?.lastHash ?? GENESIS_HASH;
  let expectedId = (before?.lastId ?? 0) + 1;
  let count = before?.count ?? 0;
  let firstBrokenId: number | null = null;
  const version = dataVersion(db);
  for (const row of db
    .prepare('SELECT * FROM audit_log WHERE id > ? ORDER BY id')
    .iterate(before?.lastId ?? 0) as IterableIterator<AuditRow>) {
    count++;
    if (firstBrokenId !== null) continue;
    const linked = row.prev_hash === expectedPrev && row.id === expectedId;
    if (!linked || auditHash(row.prev_hash, row) !== row.hash) firstBrokenId = row.id;
    expectedPrev = row.hash;
    expectedId = row.id + 1;
  }
  if (firstBrokenId === null)
    verified.set(db, { dataVersion: version, lastId: expectedId - 1, lastHash: expectedPrev, count });
  else verified.delete(db);
  return { ok: firstBrokenId === null, count, firstBrokenId };
}

/** SQLite's count of commits by other connections to the file: what a check carried forward (the chain here, the replay) relies on. */
export const dataVersion = (db: SqliteDb) => db.pragma('data_version', { simple: true }) as number;

/**
 * What this connection last verified of the chain, while it still holds: no other connection has
 * committed to the file since (SQLite's data_version) and the last verified row still has its hash.
 * This connection itself only appends (the append-only triggers), so the rows up to there are as
 * verified: an export after a check continues from it instead of hashing 100,000 rows again.
 */
const verified = new WeakMap<SqliteDb, { dataVersion: number; lastId: number; lastHash: string; count: number }>();

function stillVerified(db: SqliteDb) {
  const before = verified.get(db);
  if (!before || before.dataVersion !== dataVersion(db)) return null;
  const hash = statement(db, 'SELECT hash FROM audit_log WHERE id = ?').pluck().get(before.lastId);
  return hash === before.lastHash ? before : null;
}

/** A stored row as the contract states it (`audit.list`, db/audit/query.ts). */
export const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  operator: r.operator,
  station: r.station,
  action: r.action,
  payload: r.payload,
  changes: r.changes ?? null,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The last row's hash: what an export records so that a truncated log shows. */
export function auditHead(db: SqliteDb): { id: number; hash: string } | null {
  return (
    (db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
      | { id: number; hash: string }
      | undefined) ?? null
  );
}
