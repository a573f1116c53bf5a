/**
 * Automatic backups to a folder the secretariat chooses (issue 6), with SQLite's online backup,
 * and a restore that checks the copy before it replaces anything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../db/backend.js';
import { election } from './election-setup.js';
import { dumpTables, makeBackend, rawDb, sha256File, type TestBackend, tempDir } from './helpers.js';

/** A backend whose backups are due at every tick (no minutes to wait). */
function eagerBackups(): TestBackend {
  const dir = tempDir();
  const tb = makeBackend(dir);
  tb.backend.close();
  const backend = createBackend({
    dataDir: path.join(dir, 'data'),
    documentsDir: dir,
    places: [os.tmpdir()],
    backup: { intervalMs: 0, keep: 3 },
  });
  return { ...tb, backend, call: bind(backend, 'call'), failure: bind(backend, 'failure') } as TestBackend;
}

function bind(backend: ReturnType<typeof createBackend>, kind: 'call' | 'failure') {
  return async (channel: string, input: unknown = {}, ctx: unknown = { operator: '秘书', station: '秘书处' }) => {
    const r = await backend.invoke(channel, input, ctx);
    if (kind === 'call') {
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.message}`);
      return r.value;
    }
    if (r.ok) throw new Error(`${channel} should have failed`);
    return r.error;
  };
}

const copiesIn = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.congress'));

/** Resolves once the store's queue has run what was queued before (a backup is queued after its call). */
const settle = (tb: TestBackend) => tb.call('congress.get', {});

describe('automatic backups', () => {
  it('copy at once when the folder is set, when the congress changed, and at every round close', async () => {
    const tb = eagerBackups();
    const e = await election({ voters: 10, seats: 2 }, tb);
    const usb = tempDir();
    const missing = await e.failure('congress.updateSettings', { backupDir: path.join(usb, 'no-such-stick') });
    expect(missing).toMatchObject({ code: 'file_io', field: 'backupDir' });

    await e.call('congress.updateSettings', { backupDir: usb });
    await settle(e);
    expect(copiesIn(usb)).toHaveLength(1);
    const status = await e.call('backups.status', {});
    expect(status).toMatchObject({ dir: usb, lastError: null, last: { reason: 'folder_set' } });

    // A copy is a congress file of ours, consistent, taken while the congress stayed open.
    const copy = new Database(status.last!.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM delegates').get() as { n: number }).n).toBe(12);
    copy.close();

    await e.open();
    await e.enter('oox-');
    await e.enter('oxo-');
    // The round closes: a copy right away, whatever the clock says.
    for (let i = 0; i < 8; i++) await e.enter('xoo-');
    await e.call('rounds.close', { roundId: e.roundId });
    await settle(e);
    const after = await e.call('backups.status', {});
    expect(after.last!.reason).toBe('round_closed');
    const closedCopy = new Database(after.last!.path, { readonly: true });
    expect(
      (closedCopy.prepare("SELECT count(*) AS n FROM rounds WHERE status = 'closed'").get() as { n: number }).n,
    ).toBe(1);
    closedCopy.close();
    // Only the latest copies are kept.
    expect(copiesIn(usb).length).toBeLessThanOrEqual(3);
  });

  it('a folder that went away is reported, and the count goes on', async () => {
    const tb = eagerBackups();
    const e = await election({ voters: 10 }, tb);
    const usb = tempDir();
    await e.call('congress.updateSettings', { backupDir: usb });
    await settle(e);
    fs.rmSync(usb, { recursive: true });
    await e.call('attendance.mark', { meetingId: e.meetingId, delegateId: 1, status: 'absent', reason: null });
    await e.call('congress.updateSettings', { quorumAllowEqual: true });
    // The next tick of the backup clock (every second here) tries, fails, and says so.
    let status = await e.call('backups.status', {});
    for (let i = 0; i < 40 && status.lastError === null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await e.call('backups.status', {});
    }
    expect(status.lastError).toMatchObject({ reason: 'backup.auto_failed', params: { dir: usb } });
    expect(status.copies).toEqual([]);
    // Writes go on regardless.
    await e.call('attendance.mark', { meetingId: e.meetingId, delegateId: 1, status: 'pending', reason: null });
  });
});

/** An election whose automatic backup made a copy on the stick: the congress, the stick, the copy. */
async function backedUp() {
  const e = await election({ voters: 10 }, eagerBackups());
  const usb = tempDir();
  await e.call('congress.updateSettings', { backupDir: usb });
  await settle(e);
  const copyPath = (await e.call('backups.status', {})).last!.path;
  return { ...e, usb, copyPath };
}

describe('restore', () => {
  async function withCopy() {
    const e = await backedUp();
    // Work done after the copy, which a restore takes back.
    await e.call('meetings.create', { name: '第二次全体会议', date: '2026-03-21' });
    return e;
  }

  it('replaces the congress by a checked copy, keeps the old file, and records the restore', async () => {
    const e = await withCopy();
    const copyTables = dumpTables(e.copyPath);
    const r = await e.call('backups.restore', { backupPath: e.copyPath, path: e.path });
    expect(r.previousKeptAt).toMatch(/恢复前-/);
    expect(fs.existsSync(r.previousKeptAt!)).toBe(true);
    const meetings = await e.call('meetings.list', {});
    expect(meetings.map((m) => m.name)).toEqual(['选举大会']);
    const [last] = await e.call('audit.list', { limit: 1, beforeId: null });
    expect(last!.action).toBe('backups.restore');
    expect(await e.call('audit.verify', {})).toMatchObject({ ok: true });
    await e.call('congress.close', {});
    const restored = dumpTables(e.path);
    expect(restored.delegates).toEqual(copyTables.delegates);
    expect(restored.audit_log!.length).toBe(copyTables.audit_log!.length + 1);
  });

  it('refuses a damaged copy or one whose audit log was edited, and changes nothing', async () => {
    const e = await withCopy();
    const truncated = path.join(e.usb, 'truncated.congress');
    fs.writeFileSync(truncated, fs.readFileSync(e.copyPath).subarray(0, 8192));
    const edited = path.join(e.usb, 'edited.congress');
    fs.copyFileSync(e.copyPath, edited);
    const raw = rawDb(edited);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET operator = '别人' WHERE id = 2").run();
    raw.close();

    await e.call('congress.close', {});
    const before = sha256File(e.path);
    await e.call('congress.open', { path: e.path });
    const damaged = await e.failure('backups.restore', { backupPath: truncated, path: e.path });
    expect(['file_corrupt', 'file_not_congress']).toContain(damaged.code);
    const tampered = await e.failure('backups.restore', { backupPath: edited, path: e.path });
    expect(tampered).toMatchObject({ code: 'file_corrupt' });
    expect(tampered).toMatchObject({ reason: 'backup.audit_broken', params: { id: 2 } });
    expect((await e.call('congress.get', {})).path).toBe(e.path);
    await e.call('congress.close', {});
    expect(sha256File(e.path)).toBe(before);
  });
});

describe('restore and sign-ins', () => {
  it('an operator who is not in the restored copy is signed out at the next write', async () => {
    const tb = eagerBackups();
    const e = await election({ voters: 10 }, tb);
    const usb = tempDir();
    const chief = await e.call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '111111' });
    const sign = async (operatorId: number, pin: string) =>
      (await e.call('station.signIn', { operatorId, pin }, { operator: '', station: 's' })).token;
    const secretariat = { operator: '', station: '秘书处', session: await sign(chief.id, '111111') };
    await e.call('congress.updateSettings', { backupDir: usb }, secretariat);
    await settle(e);
    const copyPath = (await e.call('backups.status', {}, secretariat)).last!.path;
    const counter = await e.call('operators.add', { name: '计票人 张强', role: 'counter', pin: '333333' }, secretariat);
    const counterCtx = { operator: '', station: '计票台', session: await sign(counter.id, '333333') };
    await e.call('backups.restore', { backupPath: copyPath, path: e.path }, secretariat);
    const r = await e.failure('ballots.enter', { ...e.enterInput('oox-') }, counterCtx);
    expect(r.code).toBe('locked');
  });
});

describe('restore names the congress and puts back only this one (issue 12 item 7)', () => {
  const withCopy = backedUp;

  it('names the congress it restores: name, date and uid', async () => {
    const e = await withCopy();
    const { congress } = await e.call('congress.get', {});
    const r = await e.call('backups.restore', { backupPath: e.copyPath, path: e.path });
    expect(r.congress).toEqual({ name: congress.name, date: congress.date, uid: congress.uid });
    const [last] = await e.call('audit.list', { limit: 1, beforeId: null });
    expect(JSON.parse(last!.payload)).toMatchObject({ congress: { uid: congress.uid } });
  });

  it('a copy of a different congress (same name and date, another uid) put over this one is refused backups.other_congress naming both, and changes nothing', async () => {
    const e = await withCopy();
    const other = makeBackend();
    const { congress } = await e.call('congress.get', {});
    const otherFile = path.join(other.dir, 'other.congress');
    await other.call('congress.create', { name: congress.name, date: congress.date, venue: '别处', path: otherFile });
    await other.call('congress.close', {});
    await e.call('congress.close', {});
    const before = sha256File(e.path);
    await e.call('congress.open', { path: e.path });
    const refused = await e.failure('backups.restore', { backupPath: otherFile, path: e.path });
    expect(refused).toMatchObject({ code: 'conflict', reason: 'backups.other_congress', field: 'backupPath' });
    expect(refused.message).toContain(`${congress.name}(${congress.date})`);
    expect((await e.call('congress.get', {})).congress.uid).toBe(congress.uid);
    await e.call('congress.close', {});
    expect(sha256File(e.path)).toBe(before);
  });

  it('a copy from before operators existed cannot switch sign-in off: refused backups.operators_missing, sign-in stays on', async () => {
    const e = await withCopy();
    const admin = await e.call('operators.add', { name: '秘书 王敏', role: 'secretariat', pin: '111111' });
    const { token } = await e.call(
      'station.signIn',
      { operatorId: admin.id, pin: '111111' },
      { operator: '', station: '秘书处' },
    );
    const secretariat = { operator: '', station: '秘书处', session: token };
    const refused = await e.failure('backups.restore', { backupPath: e.copyPath, path: e.path }, secretariat);
    expect(refused).toMatchObject({ code: 'conflict', reason: 'backups.operators_missing', params: { operators: 1 } });
    expect((await e.call('station.status', {}, secretariat)).enforced).toBe(true);
    expect((await e.failure('meetings.create', { name: '无人登录', date: '2026-03-21' })).code).toBe('locked');
  });

  it('a restore over a congress another backend has open is refused file.in_use; a backup copy opens beside its open original', async () => {
    const e = await withCopy();
    const elsewhere = makeBackend();
    const target = path.join(elsewhere.dir, 'elsewhere.congress');
    fs.copyFileSync(e.copyPath, target);
    await elsewhere.call('congress.open', { path: target });
    const refused = await e.failure('backups.restore', { backupPath: e.copyPath, path: target });
    expect(refused).toMatchObject({ reason: 'file.in_use' });
    // The copy is a file of its own: opening it while the original is open elsewhere is no conflict.
    const reader = makeBackend();
    expect((await reader.call('congress.open', { path: e.copyPath })).path).toBe(e.copyPath);
    expect(await makeBackend().failure('congress.open', { path: e.path })).toMatchObject({ reason: 'file.in_use' });
  });
});
