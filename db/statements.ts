/**
 * Prepared statements, kept per connection. Preparing a statement costs about as much as
 * running a small one, and the ballot and check-in paths run the same few statements
 * thousands of times a day.
 */
import type Database from 'better-sqlite3';
import type { SqliteDb } from './open.js';

const cache = new WeakMap<SqliteDb, Map<string, Database.Statement>>();

/** The statement for `sql` on this connection, prepared once. Do not mix `pluck()` and rows for one text. */
export function statement(db: SqliteDb, sql: string): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) {
    perDb = new Map();
    cache.set(db, perDb);
  }
  let s = perDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    perDb.set(sql, s);
  }
  return s;
}
