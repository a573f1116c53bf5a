import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONVENTION } from '../../core/election-types.js';
import { SCHEMA_VERSION } from '../../db/open.js';
import { congressInput, congressWith, delegateFields, makeBackend, sha256File } from './helpers.js';

describe('app.info and recent files', () => {
  it('reports version, schema, default folder, no congress at first', async () => {
    const tb = makeBackend();
    const info = await tb.call('app.info', {});
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(info).toEqual({
      appVersion: pkg.version,
      schemaVersion: SCHEMA_VERSION,
      defaultDirectory: path.join(tb.dir, 'documents'),
      recentFiles: [],
      open: null,
    });
  });

  it('lists created and opened files newest first, at most 10, without vanished files', async () => {
    const tb = makeBackend();
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      files.push((await tb.call('congress.create', congressInput(tb.dir, `c${i}.congress`))).path);
    }
    await tb.call('congress.open', { path: files[0]! });
    fs.rmSync(files[11]!);
    const info = await tb.call('app.info', {});
    expect(info.recentFiles.map((r) => path.basename(r.path))).toEqual([
      'c0.congress',
      'c10.congress',
      'c9.congress',
      'c8.congress',
      'c7.congress',
      'c6.congress',
      'c5.congress',
      'c4.congress',
      'c3.congress',
    ]);
    expect(info.recentFiles[0]!.name).toBe('中国共产党测试镇第十五次代表大会');
    expect(info.open?.path).toBe(files[0]);
    // Survives a restart of the backend.
    const again = makeBackend(tb.dir);
    expect((await again.call('app.info', {})).recentFiles[0]!.path).toBe(files[0]);
  });

  it('a damaged recent.json is ignored, not fatal', async () => {
    const tb = makeBackend();
    fs.mkdirSync(tb.dataDir, { recursive: true });
    fs.writeFileSync(path.join(tb.dataDir, 'recent.json'), '{not json');
    expect((await tb.call('app.info', {})).recentFiles).toEqual([]);
  });
});

describe('congress lifecycle', () => {
  it('get, close, and events for the whole app on open', async () => {
    const tb = makeBackend();
    const created = await tb.call('congress.create', congressInput(tb.dir));
    expect(await tb.call('congress.get', {})).toEqual(created);
    expect(tb.events.map((e) => e.topic)).toEqual(['congress', 'meetings', 'roster', 'attendance', 'audit']);
    expect(await tb.call('congress.close', {})).toEqual({});
    expect((await tb.failure('congress.get', {})).code).toBe('no_congress_open');
    expect(await tb.call('congress.close', {})).toEqual({});
  });

  it('create validates its input', async () => {
    const tb = makeBackend();
    const error = await tb.failure('congress.create', { ...congressInput(tb.dir), name: '' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'name', reason: 'input.empty' });
    expect(fs.existsSync(congressInput(tb.dir).path)).toBe(false);
  });

  it('openDemo makes a fresh demo file each time under dataDir/demo and opens it', async () => {
    const tb = makeBackend();
    const first = await tb.call('congress.openDemo', {});
    expect(path.dirname(first.path)).toBe(path.join(tb.dataDir, 'demo'));
    expect(first.congress.name).toBe('中国共产党青山镇第十五次代表大会');
    const meetings = await tb.call('meetings.list', {});
    expect(meetings.map((m) => m.name)).toEqual(['预备会议', '第一次全体会议（选举大会）']);
    expect(first.congress.currentMeetingId).toBe(meetings[1]!.id);
    expect(await tb.call('delegates.list', {})).toHaveLength(120);
    expect(await tb.call('audit.verify', {})).toMatchObject({ ok: true });

    await tb.call('attendance.checkInByBadge', { meetingId: meetings[1]!.id, badge: '001' });
    const second = await tb.call('congress.openDemo', {});
    expect(second.path).not.toBe(first.path);
    expect(await tb.call('attendance.list', { meetingId: meetings[1]!.id })).toEqual([]);
  });

  it('updateSettings keeps settings not named, and is audited', async () => {
    const c = await congressWith([]);
    expect(await c.call('congress.updateSettings', {})).toEqual({
      quorumAllowEqual: false,
      marking: DEFAULT_CONVENTION,
      tieRevoteNeedsMajority: false,
      pledgeAtDesk: false,
      idleMinutes: 10,
      backupDir: null,
    });
    expect(await c.call('congress.updateSettings', { quorumAllowEqual: true })).toEqual({
      quorumAllowEqual: true,
      marking: DEFAULT_CONVENTION,
      tieRevoteNeedsMajority: false,
      pledgeAtDesk: false,
      idleMinutes: 10,
      backupDir: null,
    });
    const [last] = await c.call('audit.list', { limit: 1, beforeId: null });
    expect(last).toMatchObject({ action: 'congress.updateSettings', payload: '{"quorumAllowEqual":true}' });
    expect(c.events.map((e) => e.topic)).toContain('attendance');
  });
});

describe('congress.backup', () => {
  it('writes a copy that opens with the same delegates and attendance, and records the target', async () => {
    const c = await congressWith([delegateFields('001', { name: '张帅' }), delegateFields('002', { name: '赵爽' })]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '002' });
    const target = path.join(c.dir, 'usb', 'backup.congress');
    fs.mkdirSync(path.dirname(target));
    const result = await c.call('congress.backup', { path: target });
    expect(result.path).toBe(target);
    expect(result.bytes).toBe(fs.statSync(target).size);
    const [last] = await c.call('audit.list', { limit: 1, beforeId: null });
    expect(last).toMatchObject({ action: 'congress.backup' });
    expect(JSON.parse(last!.payload)).toEqual({ path: target, bytes: result.bytes });

    const original = await c.call('delegates.list', {});
    const other = makeBackend();
    await other.call('congress.open', { path: target });
    expect(await other.call('delegates.list', {})).toEqual(original);
    expect(await other.call('attendance.list', { meetingId: c.meetingId })).toHaveLength(1);
    expect(await other.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses an existing target and a missing folder', async () => {
    const c = await congressWith([]);
    const existing = path.join(c.dir, 'exists.congress');
    fs.writeFileSync(existing, 'precious');
    const hash = sha256File(existing);
    expect((await c.failure('congress.backup', { path: existing })).code).toBe('file_exists');
    expect(sha256File(existing)).toBe(hash);
    // The open congress itself: named as such (issue 12), not merely "exists".
    expect((await c.failure('congress.backup', { path: c.path })).reason).toBe('file.over_congress');
    expect((await c.failure('congress.backup', { path: path.join(c.dir, 'no', 'x.congress') })).code).toBe('file_io');
  });
});

describe('meetings', () => {
  it('are listed in order; the first one becomes current, setCurrent moves it', async () => {
    const tb = makeBackend();
    await tb.call('congress.create', congressInput(tb.dir));
    expect(await tb.call('meetings.list', {})).toEqual([]);
    const prep = await tb.call('meetings.create', { name: '预备会议', date: '2026-03-20' });
    const main = await tb.call('meetings.create', { name: '选举大会', date: '2026-03-20' });
    expect(await tb.call('meetings.list', {})).toEqual([prep, main]);
    expect([prep.position, main.position]).toEqual([1, 2]);
    expect((await tb.call('congress.get', {})).congress.currentMeetingId).toBe(prep.id);
    expect(await tb.call('meetings.setCurrent', { meetingId: main.id })).toEqual(main);
    expect((await tb.call('congress.get', {})).congress.currentMeetingId).toBe(main.id);
  });
});

describe('delegates', () => {
  it('are listed by badge with pinyin search keys computed on insert and update', async () => {
    const c = await congressWith([delegateFields('002', { name: '曾顺' }), delegateFields('001', { name: '张三丰' })]);
    const list = await c.call('delegates.list', {});
    expect(list.map((d) => [d.badge, d.pinyin, d.initials])).toEqual([
      ['001', 'zhangsanfeng', 'zsf'],
      ['002', 'zengshun', 'zs'],
    ]);
    const updated = await c.call('delegates.update', { id: c.ids.get('002')!, name: '单丽华', gender: 'female' });
    expect(updated).toMatchObject({
      badge: '002',
      name: '单丽华',
      gender: 'female',
      pinyin: 'shanlihua',
      initials: 'slh',
    });
    expect(updated.unit).toBe('青山镇党委');
  });

  it('a duplicate badge is a conflict naming the badge', async () => {
    const c = await congressWith([delegateFields('001', { name: '张帅' })]);
    const error = await c.failure('delegates.add', delegateFields('００１', { name: '赵爽' }));
    expect(error).toMatchObject({ code: 'conflict', field: 'badge' });
    expect(error).toMatchObject({ reason: 'delegate.badge_taken', params: { badge: '001', holder: '张帅' } });
  });

  it('update of an unknown id is not_found; changing to a free badge works', async () => {
    const c = await congressWith([delegateFields('001')]);
    expect((await c.failure('delegates.update', { id: 999, name: 'x' })).code).toBe('not_found');
    expect((await c.call('delegates.update', { id: c.ids.get('001')!, badge: 'A01' })).badge).toBe('A01');
  });

  it('the file refuses values outside the enums even when written behind the app', async () => {
    const c = await congressWith([]);
    await c.call('congress.close', {});
    const db = new Database(c.path);
    expect(() =>
      db
        .prepare(
          "INSERT INTO delegates (badge, name, category, pinyin, initials) VALUES ('9', 'x', 'observer', 'x', 'x')",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO attendance VALUES (1, 1, 'leave', NULL, 'now', 'op', 'st')").run()).toThrow(
      /CHECK|FOREIGN KEY/,
    );
    db.close();
  });
});
