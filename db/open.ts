/**
 * A congress is a file. Opening one is done in two steps: first the file is examined
 * read-only, and only a file that is ours, not newer than this program and intact is
 * then opened for writing. A refused file is never modified, not even by a migration or
 * a journal-mode change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type AppError, ok, type Result, refuse } from '../core/result.js';
import { installChangeCapture, snapshotIntoPending } from './audit/changes.js';
import { appendAudit } from './audit/log.js';
import { BASELINE_ACTION } from './audit/replay.js';
import { type FileLock, lockCongressFile } from './file-lock.js';

export type SqliteDb = Database.Database;

/** `PRAGMA application_id` of every congress file: "CDS1". */
export const APPLICATION_ID = 0x43445331;

/**
 * The newest schema this build ships (tests check it equals the number of migration
 * files, so a new migration cannot land without bumping it). At run time the folder in
 * use decides, via `latestVersion`.
 */
export const SCHEMA_VERSION = 12;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The SQLite database header is 100 bytes; a shorter file cannot be a database. */
const SQLITE_HEADER_BYTES = 100;

/**
 * Under Electron the store loads a better-sqlite3 binary built for Electron's ABI; the
 * main process names it in CONGRESS_DESK_SQLITE_BINDING (scripts/electron-native.mjs).
 * Under Node (tests, loopback host, bench) the variable is unset and the default binary
 * from node_modules is used, so one checkout serves both without a rebuild.
 */
function connectionOptions(extra: Database.Options = {}): Database.Options {
  const nativeBinding = process.env.CONGRESS_DESK_SQLITE_BINDING;
  return nativeBinding ? { ...extra, nativeBinding } : extra;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export interface OpenOptions {
  /** Where the numbered `.sql` files are; defaults to `migrations/` next to this module. */
  migrationsDir?: string;
}

const defaultMigrationsDir = (): string => fileURLToPath(new URL('./migrations/', import.meta.url));

/** Reads `NNN_name.sql` files; they must be numbered from 1 without gaps. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .map((f) => ({
      version: Number.parseInt(f.slice(0, 3), 10),
      name: f,
      sql: fs.readFileSync(path.join(dir, f), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations: expected version ${i + 1}, found ${m.name}`);
  });
  if (migrations.length === 0) throw new Error(`migrations: none found in ${dir}`);
  return migrations;
}

export const latestVersion = (migrations: Migration[]) => migrations[migrations.length - 1]!.version;

const displayName = (filePath: string) => path.basename(filePath);

function notCongress(filePath: string): { ok: false; error: AppError } {
  return refuse('file_not_congress', 'file.not_congress', { file: displayName(filePath) }, { value: filePath });
}

function corrupt(filePath: string, detail: string): { ok: false; error: AppError } {
  return refuse('file_corrupt', 'file.corrupt', { file: displayName(filePath), detail }, { value: filePath });
}

/** Reads the first bytes of the file without opening it as a database. */
function readHeader(filePath: string): Result<Buffer> {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(filePath);
    if (!stat.isFile()) return refuse('file_io', 'file.not_a_file', { path: filePath }, { value: filePath });
    fd = fs.openSync(filePath, 'r');
    const header = Buffer.alloc(SQLITE_HEADER_BYTES);
    const read = fs.readSync(fd, header, 0, SQLITE_HEADER_BYTES, 0);
    return ok(header.subarray(0, read));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return refuse('file_io', 'file.missing', { path: filePath }, { value: filePath });
    return refuse(
      'file_io',
      'file.unreadable',
      { path: filePath, detail: (err as Error).message },
      { value: filePath },
    );
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Decides, without writing a byte, whether a file may be opened: our application id,
 * a schema this program understands, and `PRAGMA integrity_check` = ok.
 */
export function examineCongressFile(filePath: string, options: OpenOptions = {}): Result<{ schemaVersion: number }> {
  const supported = latestVersion(loadMigrations(options.migrationsDir));
  const header = readHeader(filePath);
  if (!header.ok) return header;
  if (
    header.value.length < SQLITE_MAGIC.length ||
    !header.value.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)
  ) {
    return notCongress(filePath);
  }
  if (header.value.length < SQLITE_HEADER_BYTES) return corrupt(filePath, '文件头不完整');

  // A read-only connection to a WAL-mode file still creates the -wal and -shm companions;
  // remove the ones this examination made, so that a refused file leaves no trace.
  const companions = ['-wal', '-shm'].map((s) => filePath + s).filter((f) => !fs.existsSync(f));
  let db: SqliteDb | undefined;
  try {
    db = new Database(filePath, connectionOptions({ readonly: true, fileMustExist: true }));
    // Read through SQLite, not from the raw header: after a crash the newest page 1
    // may still sit in the WAL file.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) return notCongress(filePath);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > supported) {
      return refuse(
        'file_newer_version',
        'file.newer_version',
        { file: displayName(filePath), version, supported },
        { value: filePath },
      );
    }
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (problems.length !== 1 || problems[0] !== 'ok') return corrupt(filePath, problems.slice(0, 3).join('; '));
    return ok({ schemaVersion: version });
  } catch (err) {
    // SQLITE_CORRUPT, SQLITE_NOTADB, short reads of a truncated file…
    return corrupt(filePath, (err as Error).message);
  } finally {
    db?.close();
    for (const f of companions) fs.rmSync(f, { force: true });
  }
}

/** The settings every connection to a congress file runs with (DESIGN: "A congress is a file"). */
function configure(db: SqliteDb): void {
  db.pragma('journal_mode = WAL');
  // A committed check-in or ballot must survive a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** Applies every migration newer than the file's `user_version`, each in its own transaction. */
export function migrate(db: SqliteDb, options: OpenOptions = {}): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = loadMigrations(options.migrationsDir).filter((m) => m.version > current);
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return pending.length;
}

/**
 * The refusal for a congress on read-only media (a write-protected stick, a CD, a folder the
 * user may not write): null when the file and its folder can be written.
 *
 * Refused rather than opened read-only: opening writes (migrations, the audit rows of sign-ins,
 * the one-writer lock beside the file, and a WAL file needs its -shm beside it), so a read-only
 * congress would be a screen where every button fails; a district official who wants to look
 * copies the file to the laptop first, which the message says.
 */
export function readOnlyMedia(filePath: string): { ok: false; error: AppError } | null {
  for (const target of [filePath, path.dirname(filePath)]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
        return refuse(
          'file_io',
          'file.read_only',
          { file: displayName(filePath), folder: path.dirname(filePath) },
          { value: filePath },
        );
      }
    }
  }
  return null;
}

/** An open congress and the lock that keeps every other opener out while it is open (db/file-lock.ts). */
export interface LockedCongress {
  db: SqliteDb;
  lock: FileLock;
}

/**
 * Opens a congress file for writing as the one writer: a file this or another process has open
 * is refused (`file.in_use`) before anything of it is examined, migrated or read beyond its
 * existence; so is one on read-only media (`file.read_only`), never as damaged.
 */
export function openCongressFileLocked(filePath: string, options: OpenOptions = {}): Result<LockedCongress> {
  const header = readHeader(filePath);
  if (!header.ok) return header;
  const readOnly = readOnlyMedia(filePath);
  if (readOnly) return readOnly;
  const lock = lockCongressFile(filePath, displayName(filePath), connectionOptions());
  if (!lock.ok) return lock;
  const opened = openCongressFile(filePath, options);
  if (!opened.ok) {
    lock.value.release();
    return opened;
  }
  return ok({ db: opened.value, lock: lock.value });
}

/** Takes the one-writer lock of a congress file (one just created, one a restore replaces). */
export const lockCongress = (filePath: string): Result<FileLock> =>
  lockCongressFile(filePath, displayName(filePath), connectionOptions());

/**
 * Opens an existing congress file for writing, after `examineCongressFile` accepted it. The app
 * opens through `openCongressFileLocked`, which refuses a file in use or on read-only media first.
 */
export function openCongressFile(filePath: string, options: OpenOptions = {}): Result<SqliteDb> {
  const examined = examineCongressFile(filePath, options);
  if (!examined.ok) return examined;
  let db: SqliteDb | undefined;
  try {
    db = new Database(filePath, connectionOptions({ fileMustExist: true }));
    configure(db);
    const fromVersion = db.pragma('user_version', { simple: true }) as number;
    const upgraded = migrate(db, options) > 0;
    const hasCongress = db.prepare('SELECT count(*) AS n FROM congress').get() as { n: number };
    if (hasCongress.n !== 1) {
      db.close();
      return corrupt(filePath, '文件中没有大会信息');
    }
    installChangeCapture(db);
    if (upgraded) writeBaseline(db, fromVersion);
    return ok(db);
  } catch (err) {
    db?.close();
    return refuse(
      'file_io',
      'file.cannot_open',
      { file: displayName(filePath), detail: (err as Error).message },
      { value: filePath },
    );
  }
}

/**
 * Creates a new congress file. `init` runs in the same transaction as the schema, so a
 * file either has its schema, its congress row and first audit row, or is removed.
 * Refuses to overwrite anything already at `filePath`.
 */
export function createCongressFile(
  filePath: string,
  init: (db: SqliteDb) => Result<void>,
  options: OpenOptions = {},
): Result<SqliteDb> {
  let fd: number;
  try {
    // 'wx' fails if the path exists: the check and the creation are one step.
    fd = fs.openSync(filePath, 'wx');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      return refuse('file_exists', 'file.exists', { path: filePath }, { field: 'path', value: filePath });
    if (code === 'ENOENT')
      return refuse(
        'file_io',
        'file.folder_missing',
        { folder: path.dirname(filePath) },
        { field: 'path', value: filePath },
      );
    return refuse(
      'file_io',
      'file.cannot_create',
      { path: filePath, detail: (err as Error).message },
      { field: 'path', value: filePath },
    );
  }
  fs.closeSync(fd);

  let db: SqliteDb | undefined;
  try {
    db = new Database(filePath, connectionOptions());
    configure(db);
    const migrations = loadMigrations(options.migrationsDir);
    const handle = db;
    const result = handle.transaction((): Result<void> => {
      handle.pragma(`application_id = ${APPLICATION_ID}`);
      for (const m of migrations) handle.exec(m.sql);
      handle.pragma(`user_version = ${latestVersion(migrations)}`);
      // The rows the migrations seeded (the oath and pledge texts) go into the first audit row.
      installChangeCapture(handle);
      snapshotIntoPending(handle);
      const initialised = init(handle);
      // Throwing rolls the transaction back; the value travels out through the catch.
      if (!initialised.ok) throw new InitFailed(initialised.error);
      return initialised;
    })();
    if (!result.ok) throw new InitFailed(result.error);
    return ok(db);
  } catch (err) {
    db?.close();
    removeCongressFile(filePath);
    if (err instanceof InitFailed) return { ok: false, error: err.error };
    throw err;
  }
}

/**
 * After an upgrade, one row records every replayed table as found: migrations write behind the
 * capture triggers, and a file from before schema 9 has no changes to replay. The replay starts
 * afresh at it; what happened before it is trusted as found (docs/architecture.md, "Audit log").
 */
function writeBaseline(db: SqliteDb, fromVersion: number): void {
  db.transaction(() => {
    snapshotIntoPending(db);
    appendAudit(db, {
      at: new Date().toISOString(),
      operator: 'system',
      station: 'upgrade',
      action: BASELINE_ACTION,
      payload: { fromVersion, toVersion: db.pragma('user_version', { simple: true }) as number },
    });
  })();
}

class InitFailed extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** Removes a congress file and its WAL companions (used only for a file we just created). */
function removeCongressFile(filePath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(filePath + suffix, { force: true });
}
