import { afterEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../../core/contract.js';
import { handlers } from '../../db/handlers.js';
import { congressWith, delegateFields, desk, dumpTables, makeBackend, rawDb } from './helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('dispatcher: validation', () => {
  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...channels].sort());
  });

  it('answers an unknown channel with unknown_channel', async () => {
    const tb = makeBackend();
    const error = await tb.failure('delegates.delete', {});
    expect(error).toMatchObject({ code: 'unknown_channel' });
    expect(error).toMatchObject({ reason: 'call.unknown_channel', params: { channel: 'delegates.delete' } });
  });

  it('names the field and the problem as a reason with its values', async () => {
    const c = await congressWith([]);
    const error = await c.failure('delegates.add', { ...delegateFields('001'), badge: '   ' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      field: 'badge',
      reason: 'input.empty',
      params: { field: 'badge' },
    });
    // The zh-CN sentence stays on the wire for the CLI and the logs.
    expect(error.message).toBe('字段 badge: 不能为空');

    const date = await c.failure('meetings.create', { name: '预备会议', date: '2026/03/20' });
    expect(date).toMatchObject({ field: 'date', reason: 'input.date' });

    const category = await c.failure('delegates.add', { ...delegateFields('001'), category: '正式代表' });
    expect(category).toMatchObject({
      field: 'category',
      reason: 'input.one_of',
      params: { field: 'category', values: 'voting / alternate / nonvoting' },
    });

    const missing = await c.failure('attendance.checkInByBadge', { badge: '001' });
    expect(missing).toMatchObject({ field: 'meetingId', reason: 'input.required' });

    const extra = await c.failure('attendance.checkIn', { meetingId: 1, delegateId: 1, force: true });
    expect(extra).toMatchObject({ field: 'force', reason: 'input.unknown_field' });

    const notInt = await c.failure('attendance.checkIn', { meetingId: 1.5, delegateId: 1 });
    expect(notInt).toMatchObject({ field: 'meetingId', reason: 'input.type', params: { expected: 'int' } });

    const long = await c.failure('meetings.create', { name: '会'.repeat(101), date: '2026-03-20' });
    expect(long).toMatchObject({ field: 'name', reason: 'input.too_long', params: { field: 'name', max: 100 } });
  });

  it('validates the call context', async () => {
    const tb = makeBackend();
    const error = await tb.failure('app.info', {}, { operator: 42, station: 'A' });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'operator' });
    expect(error).toMatchObject({ reason: 'input.context', params: { field: 'operator' } });
  });

  it('requires an operator for every write, and only for writes', async () => {
    const c = await congressWith([delegateFields('001')]);
    const before = dumpTables(c.path);
    const error = await c.failure(
      'attendance.checkInByBadge',
      { meetingId: c.meetingId, badge: '001' },
      { operator: '  ', station: 'A' },
    );
    expect(error.code).toBe('operator_required');
    expect(dumpTables(c.path)).toEqual(before);
    // Reads work without one.
    expect(await c.call('delegates.list', {}, { operator: '', station: '' })).toHaveLength(1);
  });

  it('answers no_congress_open when no congress is open', async () => {
    const tb = makeBackend();
    for (const [channel, input] of [
      ['congress.get', {}],
      ['delegates.list', {}],
      ['attendance.summary', { meetingId: 1 }],
      ['attendance.checkInByBadge', { meetingId: 1, badge: '001' }],
      ['congress.backup', { path: `${tb.dir}/b.congress` }],
      ['audit.verify', {}],
    ] as const) {
      expect((await tb.failure(channel, input)).code, channel).toBe('no_congress_open');
    }
  });
});

describe('dispatcher: transactions', () => {
  it('a refused write changes nothing at all', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    const id1 = c.ids.get('001')!;
    const before = dumpTables(c.path);
    expect((await c.failure('delegates.add', delegateFields('001', { name: '重复' }))).code).toBe('conflict');
    expect((await c.failure('delegates.update', { id: c.ids.get('002')!, badge: '001' })).code).toBe('conflict');
    expect((await c.failure('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '404' })).code).toBe(
      'not_found',
    );
    expect((await c.failure('attendance.checkIn', { meetingId: 99, delegateId: id1 })).code).toBe('not_found');
    expect(
      (await c.failure('attendance.mark', { meetingId: c.meetingId, delegateId: id1, status: 'leave', reason: ' ' }))
        .code,
    ).toBe('invalid_input');
    expect((await c.failure('meetings.setCurrent', { meetingId: 99 })).code).toBe('not_found');
    expect((await c.failure('attendance.undoLast', { meetingId: c.meetingId })).code).toBe('not_found');
    expect(dumpTables(c.path)).toEqual(before);
    expect(c.events).toEqual([]);
  });

  it('a thrown exception becomes internal, is logged, and rolls the write back', async () => {
    const c = await congressWith([delegateFields('001')]);
    // Sabotage from outside: the attendance_events insert fails after attendance was written.
    const db = rawDb(c.path);
    db.exec(
      "CREATE TRIGGER sabotage BEFORE INSERT ON attendance_events BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
    );
    db.close();
    const before = dumpTables(c.path);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await c.failure('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(error.code).toBe('internal');
    expect(error).toMatchObject({
      reason: 'call.internal',
      params: { detail: expect.stringContaining('disk on fire') },
    });
    expect(logged).toHaveBeenCalled();
    expect(dumpTables(c.path)).toEqual(before);
    expect(c.events).toEqual([]);
  });

  it('appends exactly one audit row per committed write', async () => {
    const c = await congressWith([delegateFields('001')]);
    const count = () => (rawDb(c.path).prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const before = count();
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(count()).toBe(before + 1);
    await c.call('congress.updateSettings', { quorumAllowEqual: true });
    expect(count()).toBe(before + 2);
    await c.call('delegates.list', {});
    expect(count()).toBe(before + 2);
  });
});

describe('dispatcher: change events', () => {
  it('fire after a committed write, with the meeting', async () => {
    const c = await congressWith([delegateFields('001')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(c.events).toEqual([{ topic: 'attendance', meetingId: c.meetingId }, { topic: 'audit' }]);
  });

  it('do not fire after a failure, a read, or a check-in that changed nothing', async () => {
    const c = await congressWith([delegateFields('001')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    c.events.length = 0;
    await c.failure('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '404' });
    await c.call('attendance.summary', { meetingId: c.meetingId });
    const again = await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(again.outcome).toBe('already_present');
    expect(c.events).toEqual([]);
  });

  it('roster and meeting writes announce their topics', async () => {
    const c = await congressWith([]);
    await c.call('delegates.add', delegateFields('001'));
    expect(c.events.map((e) => e.topic)).toEqual(['roster', 'attendance', 'audit']);
    c.events.length = 0;
    await c.call('meetings.create', { name: '第二次全体会议', date: '2026-03-21' });
    expect(c.events.map((e) => e.topic)).toEqual(['meetings', 'congress', 'audit']);
  });

  it('an unsubscribed listener hears nothing more; a throwing listener does not break the call', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    const heard: unknown[] = [];
    const off = c.backend.onChange((e) => heard.push(e));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    c.backend.onChange(() => {
      throw new Error('listener bug');
    });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(heard).toHaveLength(2);
    off();
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '002' });
    expect(heard).toHaveLength(2);
  });
});

describe('dispatcher: calls run one at a time', () => {
  it('concurrent check-ins of the same delegate: one checks in, the other is already present', async () => {
    const c = await congressWith([delegateFields('001')]);
    const [a, b] = await Promise.all([
      c.backend.invoke('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' }, desk),
      c.backend.invoke(
        'attendance.checkInByBadge',
        { meetingId: c.meetingId, badge: '001' },
        { ...desk, station: 'B' },
      ),
    ]);
    const outcomes = [a, b].map((r) => (r.ok ? (r.value as { outcome: string }).outcome : r.error.code));
    expect(outcomes).toEqual(['checked_in', 'already_present']);
  });
});
