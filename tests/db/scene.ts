/**
 * Writing a test's or a bench's scene on a second connection, as the store would write it: the
 * change capture installed (db/audit/changes.ts) and one audit row appended in the same
 * transaction, so that the replay finds the tables and the log in agreement. A scene written
 * without this is, rightly, an edit behind the app's back.
 */
import Database from 'better-sqlite3';
import { installChangeCapture } from '../../db/audit/changes.js';
import { appendAudit } from '../../db/audit/log.js';

export function writeScene<T>(file: string, action: string, write: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    installChangeCapture(db);
    return db.transaction(() => {
      const value = write(db);
      appendAudit(db, { at: new Date().toISOString(), operator: 'scene', station: 'scene', action, payload: {} });
      return value;
    })();
  } finally {
    db.close();
  }
}
