import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ID,
  examineCongressFile,
  loadMigrations,
  openCongressFile,
  SCHEMA_VERSION,
} from '../../db/open.js';
import { congressInput, delegateFields, makeBackend, rawDb, sha256File, tempDir } from './helpers.js';

describe('congress file: create and reopen', () => {
  it('creates a file with our application id, the current schema, WAL and a first audit row', async () => {
    const tb = makeBackend();
    const input = congressInput(tb.dir);
    const created = await tb.call('congress.create', input);
    expect(created.path).toBe(input.path);
    expect(created.congress).toMatchObject({
      name: input.name,
      date: input.date,
      venue: input.venue,
      currentMeetingId: null,
    });

    const db = rawDb(input.path);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const audit = db.prepare('SELECT action, operator, station FROM audit_log').all();
    expect(audit).toEqual([{ action: 'congress.create', operator: '李明', station: '报到处1' }]);
    db.close();
  });

  it('keeps what was written across close and reopen', async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    await tb.call('delegates.add', delegateFields('001', { name: '单丽华' }));
    await tb.call('congress.close', {});
    expect((await tb.failure('delegates.list', {})).code).toBe('no_congress_open');

    const reopened = await tb.call('congress.open', { path: file });
    expect(reopened.congress.name).toBe('中国共产党测试镇第十五次代表大会');
    const delegates = await tb.call('delegates.list', {});
    expect(delegates.map((d) => [d.badge, d.name, d.pinyin, d.initials])).toEqual([
      ['001', '单丽华', 'shanlihua', 'slh'],
    ]);
  });

  it('sets the connection pragmas a committed check-in relies on', async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    await tb.call('congress.close', {});
    const opened = openCongressFile(file);
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.value.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.value.pragma('journal_mode', { simple: true })).toBe('wal');
    opened.value.close();
  });

  it('refuses to overwrite an existing path', async () => {
    const tb = makeBackend();
    const input = congressInput(tb.dir);
    fs.writeFileSync(input.path, 'keep me');
    const error = await tb.failure('congress.create', input);
    expect(error.code).toBe('file_exists');
    expect(fs.readFileSync(input.path, 'utf8')).toBe('keep me');
  });

  it('reports a missing folder as file_io and leaves nothing behind', async () => {
    const tb = makeBackend();
    const error = await tb.failure('congress.create', {
      ...congressInput(tb.dir),
      path: path.join(tb.dir, 'nope', 'x.congress'),
    });
    expect(error.code).toBe('file_io');
    expect(fs.existsSync(path.join(tb.dir, 'nope'))).toBe(false);
  });
});

describe('congress file: migrations', () => {
  /** A migrations folder as a later build ships it: this build's migrations and one more, `name` running `sql`. */
  const oneMoreMigration = (name: string, sql: string) => {
    const dir = tempDir();
    for (const m of loadMigrations()) fs.writeFileSync(path.join(dir, m.name), m.sql);
    fs.writeFileSync(path.join(dir, `${String(SCHEMA_VERSION + 1).padStart(3, '0')}_${name}.sql`), sql);
    return dir;
  };

  it('reads numbered migrations from the folder, contiguous from 1', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    expect(migrations[0]!.sql).toMatch(/CREATE TABLE delegates/);
  });

  it('refuses a migrations folder with a gap', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '002_later.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/expected version 1/);
  });

  it('ships exactly SCHEMA_VERSION migrations (a new one must bump the constant)', () => {
    expect(loadMigrations().length).toBe(SCHEMA_VERSION);
  });

  it('runs pending migrations on open, bumping user_version, and keeps the data', async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    await tb.call('delegates.add', delegateFields('001'));
    await tb.call('congress.close', {});
    // The same file opened by a later build that ships one more migration.
    const dir = oneMoreMigration('probe', 'CREATE TABLE migration_probe (id INTEGER PRIMARY KEY) STRICT;');
    const opened = openCongressFile(file, { migrationsDir: dir });
    if (!opened.ok) throw new Error(opened.error.message);
    const db = opened.value;
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'migration_probe'").get()).toEqual({
      n: 1,
    });
    expect(db.prepare('SELECT badge FROM delegates').all()).toEqual([{ badge: '001' }]);
    db.close();
    // And this build now refuses it as newer.
    const again = await tb.failure('congress.open', { path: file });
    expect(again.code).toBe('file_newer_version');
  });

  it('a failing migration leaves the file at its old version', async () => {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    await tb.call('congress.close', {});
    const dir = oneMoreMigration('broken', 'CREATE TABLE half (id INTEGER) STRICT; SELECT * FROM no_such_table;');
    const opened = openCongressFile(file, { migrationsDir: dir });
    expect(opened.ok).toBe(false);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('applies the schema to a version-0 file of ours inside one transaction per migration', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.congress');
    const db = new Database(file);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    // No congress row: the schema is applied, then the file is refused as incomplete.
    const opened = openCongressFile(file);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error.code).toBe('file_corrupt');
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'delegates'").get()).toEqual({ n: 1 });
    check.close();
  });
});

describe('congress file: refused files are never modified', () => {
  async function expectRefused(file: string, code: string, reason?: string) {
    const before = sha256File(file);
    const siblingsBefore = fs.readdirSync(path.dirname(file)).sort();
    const tb = makeBackend();
    const error = await tb.failure('congress.open', { path: file });
    expect(error.code).toBe(code);
    if (reason) expect(error.reason).toBe(reason);
    expect(sha256File(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(siblingsBefore);
    // Nothing was opened.
    expect((await tb.failure('congress.get', {})).code).toBe('no_congress_open');
  }

  it('a text file', async () => {
    const file = path.join(tempDir(), 'notes.congress');
    fs.writeFileSync(file, '代表名单\n001,张帅\n');
    await expectRefused(file, 'file_not_congress', 'file.not_congress');
  });

  it('random bytes', async () => {
    const file = path.join(tempDir(), 'noise.congress');
    fs.writeFileSync(file, randomBytes(8192));
    await expectRefused(file, 'file_not_congress');
  });

  it('an empty file (SQLite would happily treat it as a new database)', async () => {
    const file = path.join(tempDir(), 'empty.congress');
    fs.writeFileSync(file, '');
    await expectRefused(file, 'file_not_congress');
  });

  it('a foreign SQLite database', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    db.close();
    await expectRefused(file, 'file_not_congress');
  });

  /** A congress file created and closed, with `delegates` on its roster (200 make it span many pages). */
  async function closedFile(delegates = 0) {
    const tb = makeBackend();
    const { path: file } = await tb.call('congress.create', congressInput(tb.dir));
    for (let i = 1; i <= delegates; i++) await tb.call('delegates.add', delegateFields(String(i).padStart(3, '0')));
    await tb.call('congress.close', {});
    return file;
  }

  it('a congress file from a newer version', async () => {
    const file = await closedFile();
    const db = rawDb(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    await expectRefused(file, 'file_newer_version', 'file.newer_version');
    const error = await makeBackend().failure('congress.open', { path: file });
    expect(error.params).toMatchObject({ version: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION });
  });

  it('a truncated congress file', async () => {
    const file = await closedFile(200);
    const bytes = fs.readFileSync(file);
    expect(bytes.length).toBeGreaterThan(8192);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectRefused(file, 'file_corrupt', 'file.corrupt');
  });

  it('a file with a damaged page', async () => {
    const file = await closedFile(200);
    const bytes = fs.readFileSync(file);
    // Overwrite the middle of page 3 onwards: b-tree pages no longer parse.
    const pageSize = bytes.readUInt16BE(16);
    randomBytes(pageSize * 2).copy(bytes, pageSize * 2 + 8);
    fs.writeFileSync(file, bytes);
    await expectRefused(file, 'file_corrupt');
  });

  it('a missing file is an I/O error, not a new file', async () => {
    const file = path.join(tempDir(), 'missing.congress');
    const tb = makeBackend();
    expect((await tb.failure('congress.open', { path: file })).code).toBe('file_io');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('examineCongressFile accepts a good file without writing to it', async () => {
    const file = await closedFile();
    const before = sha256File(file);
    expect(examineCongressFile(file)).toEqual({ ok: true, value: { schemaVersion: SCHEMA_VERSION } });
    expect(sha256File(file)).toBe(before);
  });

  it('a refused open keeps the congress that was open', async () => {
    const tb = makeBackend();
    const { path: good } = await tb.call('congress.create', congressInput(tb.dir));
    const bad = path.join(tb.dir, 'bad.congress');
    fs.writeFileSync(bad, 'not a congress');
    expect((await tb.failure('congress.open', { path: bad })).code).toBe('file_not_congress');
    expect((await tb.call('congress.get', {})).path).toBe(good);
  });
});
