/**
 * One writer per congress file (issue 12: 「此大会已在另一窗口或程序中打开」). The process that
 * opens a congress holds an exclusive SQLite lock on a companion file, `<congress>-lock`, for as
 * long as the congress is open; a second process (the CLI, a second copy of the app, a second
 * Dispatcher in the same process) finds it taken and is refused before anything else is read.
 *
 * Why a companion file and not `locking_mode = EXCLUSIVE` on the congress itself: the lock must
 * only keep other *openers* out. An exclusive lock on the congress would also refuse every plain
 * read of it by another connection (the tests', the bench's and any inspector's read-only look
 * at the file), and would change how the WAL index is kept. The lock is SQLite's own (POSIX
 * advisory locks on Unix, LockFileEx on Windows), taken by a connection of this process: the
 * system drops it when the process ends, so a crash or a SIGKILL never leaves a stale lock —
 * a leftover `-lock` file locks nothing and is reused by the next opener.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { ok, type Result, refuse } from '../core/result.js';

/** The suffix of the companion file that carries the lock. */
export const LOCK_SUFFIX = '-lock';

export interface FileLock {
  /** Gives the congress file up: the next opener may take it. */
  release(): void;
}

const sameFile = (a: fs.Stats | null, b: fs.Stats | null) =>
  a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

const statOf = (p: string): fs.Stats | null => {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
};

/**
 * Takes the lock of `congressPath`, never waiting: a lock held elsewhere is refused at once with
 * `file.in_use`. `file` is the name the refusal shows; `connection` the better-sqlite3 options
 * of this build (db/open.ts).
 */
export function lockCongressFile(
  congressPath: string,
  file: string,
  connection: Database.Options = {},
): Result<FileLock> {
  const lockPath = congressPath + LOCK_SUFFIX;
  // The holder removes the file on release while it still holds the lock, so a connection that
  // opened the old file just before may get its lock only once it is gone: checked by comparing
  // the file at the path before and after, and tried again.
  for (let attempt = 0; attempt < 5; attempt++) {
    let lock: Database.Database | undefined;
    try {
      fs.closeSync(fs.openSync(lockPath, 'a'));
      const before = statOf(lockPath);
      lock = new Database(lockPath, { ...connection, timeout: 0 });
      // No journal: the lock file holds no data, and a journal would be one more file beside it.
      lock.pragma('journal_mode = OFF');
      lock.pragma('locking_mode = EXCLUSIVE');
      // In exclusive locking mode the lock taken by this transaction is kept after it ends.
      lock.exec('BEGIN EXCLUSIVE');
      lock.exec('COMMIT');
      if (!sameFile(before, statOf(lockPath))) {
        lock.close();
        continue;
      }
      return ok(held(lock, lockPath));
    } catch (error) {
      lock?.close();
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
        return refuse('file_io', 'file.in_use', { file }, { value: congressPath });
      }
      return refuse('file_io', 'file.cannot_open', { file, detail: (error as Error).message }, { value: congressPath });
    }
  }
  return refuse('file_io', 'file.in_use', { file }, { value: congressPath });
}

function held(lock: Database.Database, lockPath: string): FileLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      // Removed while still held (see above); Windows refuses to remove an open file, and then
      // the file stays: it locks nothing once the connection is closed.
      try {
        fs.rmSync(lockPath, { force: true });
      } catch {
        // kept, harmless
      }
      lock.close();
    },
  };
}
