/** Attendance at the desk through the store: check-in by badge, undoing the last check-in, leave and absence. */
import { describe, expect, it } from 'vitest';
import { congressWith, delegateFields, desk, rawDb } from './helpers.js';

describe('check-in by badge', () => {
  it('checks a delegate in, and the record says who and where', async () => {
    const c = await congressWith([delegateFields('001', { name: '张帅' })]);
    const r = await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(r.outcome).toBe('checked_in');
    expect(r.delegate.name).toBe('张帅');
    expect(r.record).toMatchObject({ delegateId: c.ids.get('001'), status: 'present', reason: null, operator: '李明' });
    expect(await c.call('attendance.list', { meetingId: c.meetingId })).toEqual([r.record]);
    const row = rawDb(c.path).prepare('SELECT station FROM attendance').get();
    expect(row).toEqual({ station: '报到处1' });
  });

  it('accepts what a scanner or a full-width IME types: spaces and full-width digits', async () => {
    const c = await congressWith([delegateFields('012')]);
    const r = await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: ' ０１２ ' });
    expect(r.outcome).toBe('checked_in');
    expect(r.delegate.badge).toBe('012');
  });

  it('an unknown badge is not_found naming the badge, and nothing is written', async () => {
    const c = await congressWith([delegateFields('001')]);
    const error = await c.failure('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '０９９' });
    expect(error).toMatchObject({ code: 'not_found', field: 'badge', value: '099' });
    expect(error).toMatchObject({ reason: 'attendance.badge_unknown', params: { badge: '099' } });
    expect(await c.call('attendance.list', { meetingId: c.meetingId })).toEqual([]);
  });

  it('checking in someone already present says so and changes nothing, not even the audit log', async () => {
    const c = await congressWith([delegateFields('001')]);
    const first = await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    const auditBefore = await c.call('audit.list', { limit: 1000, beforeId: null });
    const again = await c.call(
      'attendance.checkInByBadge',
      { meetingId: c.meetingId, badge: '001' },
      { ...desk, operator: '王芳' },
    );
    expect(again.outcome).toBe('already_present');
    expect(again.record).toEqual(first.record);
    expect(await c.call('audit.list', { limit: 1000, beforeId: null })).toEqual(auditBefore);
  });

  it('a delegate on leave who arrives is checked in', async () => {
    const c = await congressWith([delegateFields('001')]);
    const id = c.ids.get('001')!;
    await c.call('attendance.mark', { meetingId: c.meetingId, delegateId: id, status: 'leave', reason: '住院' });
    const r = await c.call('attendance.checkIn', { meetingId: c.meetingId, delegateId: id });
    expect(r.outcome).toBe('checked_in');
    expect(r.record).toMatchObject({ status: 'present', reason: null });
  });

  it('attendance is per meeting', async () => {
    const c = await congressWith([delegateFields('001')]);
    const second = await c.call('meetings.create', { name: '第二次全体会议', date: '2026-03-21' });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    expect(await c.call('attendance.list', { meetingId: second.id })).toEqual([]);
    expect((await c.call('attendance.summary', { meetingId: second.id })).present).toBe(0);
  });

  it('unknown delegate id and unknown meeting are not_found', async () => {
    const c = await congressWith([delegateFields('001')]);
    expect(await c.failure('attendance.checkIn', { meetingId: c.meetingId, delegateId: 999 })).toMatchObject({
      code: 'not_found',
      field: 'delegateId',
    });
    expect(await c.failure('attendance.summary', { meetingId: 999 })).toMatchObject({
      code: 'not_found',
      field: 'meetingId',
    });
    expect(await c.failure('attendance.list', { meetingId: 999 })).toMatchObject({ code: 'not_found' });
  });
});

describe('undo the last check-in', () => {
  /** Two desks of the hall, each with its clerk. */
  const deskA = { operator: '甲', station: 'A' };
  const deskB = { operator: '乙', station: 'B' };

  it('restores the leave (and its reason) the check-in replaced', async () => {
    const c = await congressWith([delegateFields('001')]);
    const id = c.ids.get('001')!;
    await c.call('attendance.mark', { meetingId: c.meetingId, delegateId: id, status: 'leave', reason: '外出学习' });
    const [leave] = await c.call('attendance.list', { meetingId: c.meetingId });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    const undone = await c.call('attendance.undoLast', { meetingId: c.meetingId });
    expect(undone.delegate.badge).toBe('001');
    expect(await c.call('attendance.list', { meetingId: c.meetingId })).toEqual([leave]);
  });

  it('takes a not-arrived delegate back to not arrived, newest first, then has nothing left', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '002' });
    expect((await c.call('attendance.undoLast', { meetingId: c.meetingId })).delegate.badge).toBe('002');
    expect((await c.call('attendance.undoLast', { meetingId: c.meetingId })).delegate.badge).toBe('001');
    expect(await c.call('attendance.list', { meetingId: c.meetingId })).toEqual([]);
    const none = await c.failure('attendance.undoLast', { meetingId: c.meetingId });
    expect(none).toMatchObject({ code: 'not_found', reason: 'attendance.nothing_to_undo' });
  });

  it("undoes only the calling station's check-ins", async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' }, deskA);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '002' }, deskB);
    const undone = await c.call('attendance.undoLast', { meetingId: c.meetingId }, deskA);
    expect(undone.delegate.badge).toBe('001');
    const left = await c.call('attendance.list', { meetingId: c.meetingId });
    expect(left.map((r) => r.delegateId)).toEqual([c.ids.get('002')]);
  });

  it('refuses to undo over a later change by another station', async () => {
    const c = await congressWith([delegateFields('001')]);
    const id = c.ids.get('001')!;
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' }, deskA);
    await c.call(
      'attendance.mark',
      { meetingId: c.meetingId, delegateId: id, status: 'leave', reason: '临时有事' },
      deskB,
    );
    const error = await c.failure('attendance.undoLast', { meetingId: c.meetingId }, deskA);
    expect(error.code).toBe('conflict');
    expect((await c.call('attendance.list', { meetingId: c.meetingId }))[0]).toMatchObject({
      status: 'leave',
      reason: '临时有事',
    });
  });

  it('an already-present scan is not an undoable check-in', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '002' });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' }); // already present
    expect((await c.call('attendance.undoLast', { meetingId: c.meetingId })).delegate.badge).toBe('002');
  });
});

describe('leave, absent, pending', () => {
  it('leave requires a reason, naming the field', async () => {
    const c = await congressWith([delegateFields('001')]);
    const error = await c.failure('attendance.mark', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('001')!,
      status: 'leave',
      reason: null,
    });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'reason', reason: 'attendance.leave_reason_required' });
  });

  it('records leave with its reason, absent, and pending clears the row', async () => {
    const c = await congressWith([delegateFields('001'), delegateFields('002')]);
    const [a, b] = [c.ids.get('001')!, c.ids.get('002')!];
    const m = c.meetingId;
    const leave = await c.call('attendance.mark', {
      meetingId: m,
      delegateId: a,
      status: 'leave',
      reason: ' 因病住院 ',
    });
    expect(leave).toMatchObject({ status: 'leave', delegate: { id: a } });
    await c.call('attendance.mark', { meetingId: m, delegateId: b, status: 'absent', reason: null });
    const list = await c.call('attendance.list', { meetingId: m });
    expect(list.map((r) => [r.delegateId, r.status, r.reason])).toEqual([
      [a, 'leave', '因病住院'],
      [b, 'absent', null],
    ]);
    const summary = await c.call('attendance.summary', { meetingId: m });
    expect(summary).toMatchObject({ due: 2, present: 0, leave: 1, absent: 1, markedAbsent: 1 });

    await c.call('attendance.mark', { meetingId: m, delegateId: b, status: 'pending', reason: null });
    expect((await c.call('attendance.list', { meetingId: m })).map((r) => r.delegateId)).toEqual([a]);
    expect(await c.call('attendance.summary', { meetingId: m })).toMatchObject({ absent: 1, markedAbsent: 0 });
  });

  it('keeps every change in the append-only event history', async () => {
    const c = await congressWith([delegateFields('001')]);
    const id = c.ids.get('001')!;
    await c.call('attendance.mark', { meetingId: c.meetingId, delegateId: id, status: 'leave', reason: '出差' });
    await c.call('attendance.checkIn', { meetingId: c.meetingId, delegateId: id });
    await c.call('attendance.undoLast', { meetingId: c.meetingId });
    const db = rawDb(c.path);
    const events = db.prepare('SELECT kind, prev_status, prev_reason, undone FROM attendance_events ORDER BY id').all();
    expect(events).toEqual([
      { kind: 'leave', prev_status: null, prev_reason: null, undone: 0 },
      { kind: 'check_in', prev_status: 'leave', prev_reason: '出差', undone: 1 },
      { kind: 'undo', prev_status: 'present', prev_reason: null, undone: 0 },
    ]);
    expect(() => db.prepare('DELETE FROM attendance_events').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE attendance_events SET kind = 'absent'").run()).toThrow(/append-only/);
    db.close();
  });
});
