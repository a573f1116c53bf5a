import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DelegateFields } from '../../core/domain.js';
import { congressWith, delegateFields, desk, rawDb } from './helpers.js';

const tenVoting = (): DelegateFields[] =>
  Array.from({ length: 10 }, (_, i) => delegateFields(String(i + 1).padStart(3, '0'), { name: `代表${i + 1}` }));

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
    await c.call(
      'attendance.checkInByBadge',
      { meetingId: c.meetingId, badge: '001' },
      { operator: '甲', station: 'A' },
    );
    await c.call(
      'attendance.checkInByBadge',
      { meetingId: c.meetingId, badge: '002' },
      { operator: '乙', station: 'B' },
    );
    const undone = await c.call('attendance.undoLast', { meetingId: c.meetingId }, { operator: '甲', station: 'A' });
    expect(undone.delegate.badge).toBe('001');
    const left = await c.call('attendance.list', { meetingId: c.meetingId });
    expect(left.map((r) => r.delegateId)).toEqual([c.ids.get('002')]);
  });

  it('refuses to undo over a later change by another station', async () => {
    const c = await congressWith([delegateFields('001')]);
    const id = c.ids.get('001')!;
    await c.call(
      'attendance.checkInByBadge',
      { meetingId: c.meetingId, badge: '001' },
      { operator: '甲', station: 'A' },
    );
    await c.call(
      'attendance.mark',
      { meetingId: c.meetingId, delegateId: id, status: 'leave', reason: '临时有事' },
      { operator: '乙', station: 'B' },
    );
    const error = await c.failure('attendance.undoLast', { meetingId: c.meetingId }, { operator: '甲', station: 'A' });
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

describe('quorum in the summary (超过应到会人数的五分之四)', () => {
  async function withPresent(n: number, extra: DelegateFields[] = []) {
    const c = await congressWith([...tenVoting(), ...extra]);
    for (let i = 1; i <= n; i++) {
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: String(i).padStart(3, '0') });
    }
    return c;
  }

  it('10 due: 8 present (exactly 4/5) fails, 9 passes', async () => {
    const c = await withPresent(8);
    const eight = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(eight).toMatchObject({
      due: 10,
      present: 8,
      absent: 2,
      quorum: { met: false, needed: 1, allowEqual: false },
    });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '009' });
    const nine = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(nine.quorum).toEqual({ met: true, needed: 0, allowEqual: false });
  });

  it('with quorumAllowEqual, 8 of 10 passes; the setting round-trips through the file', async () => {
    const c = await withPresent(8);
    expect(await c.call('congress.updateSettings', { quorumAllowEqual: true })).toEqual({
      ...DEFAULT_SETTINGS,
      quorumAllowEqual: true,
    });
    expect((await c.call('attendance.summary', { meetingId: c.meetingId })).quorum).toEqual({
      met: true,
      needed: 0,
      allowEqual: true,
    });
    expect((await c.call('congress.get', {})).congress.settings).toEqual({
      ...DEFAULT_SETTINGS,
      quorumAllowEqual: true,
    });
    await c.call('attendance.undoLast', { meetingId: c.meetingId });
    expect((await c.call('attendance.summary', { meetingId: c.meetingId })).quorum).toMatchObject({
      met: false,
      needed: 1,
    });
  });

  it('列席 and 候补代表 present never count toward the quorum', async () => {
    const others = [
      delegateFields('L01', { category: 'nonvoting', delegation: null }),
      delegateFields('L02', { category: 'nonvoting', delegation: null }),
      delegateFields('H01', { category: 'alternate' }),
    ];
    const c = await withPresent(8, others);
    for (const badge of ['L01', 'L02', 'H01'])
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge });
    const s = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(s).toMatchObject({ due: 10, present: 8, nonvotingPresent: 2, alternatePresent: 1, quorum: { met: false } });
  });

  it('leave stays in 应到 and counts per delegation', async () => {
    const c = await congressWith([
      delegateFields('001', { delegation: '机关代表团' }),
      delegateFields('002', { delegation: '社区代表团' }),
      delegateFields('003', { delegation: '社区代表团' }),
    ]);
    await c.call('attendance.mark', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('002')!,
      status: 'leave',
      reason: '病假',
    });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '003' });
    const s = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(s).toMatchObject({ due: 3, present: 1, leave: 1, absent: 1 });
    expect(s.byDelegation.find((d) => d.delegation === '社区代表团')).toEqual({
      delegation: '社区代表团',
      due: 2,
      present: 1,
      leave: 1,
      absent: 0,
    });
  });
});

describe('approved exclusions from 应到 (rule 16)', () => {
  const secretariat = { operator: '王秘书', station: '主机' };

  it('lower 应到, are listed with kind and note; leave still counts as due', async () => {
    const c = await congressWith(tenVoting());
    const id = (b: string) => c.ids.get(b)!;
    await c.call('attendance.mark', { meetingId: c.meetingId, delegateId: id('009'), status: 'leave', reason: '住院' });
    const suspended = await c.call(
      'attendance.exclude',
      { meetingId: c.meetingId, delegateId: id('010'), kind: 'suspended', note: '条例第五条,停止党员权利' },
      secretariat,
    );
    expect(suspended).toMatchObject({
      meetingId: c.meetingId,
      delegateId: id('010'),
      kind: 'suspended',
      note: '条例第五条,停止党员权利',
      operator: '王秘书',
      revokedAt: null,
    });
    await c.call('attendance.exclude', { meetingId: c.meetingId, delegateId: id('008'), kind: 'deceased', note: null });
    const s = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(s).toMatchObject({ due: 8, present: 0, leave: 1, absent: 7 });
    expect(s.exclusions).toEqual([
      { delegateId: id('008'), kind: 'deceased', note: null },
      { delegateId: id('010'), kind: 'suspended', note: '条例第五条,停止党员权利' },
    ]);
    // 7 of 8 due is more than four fifths; it would not be of 10.
    for (const b of ['001', '002', '003', '004', '005', '006', '007']) {
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: b });
    }
    expect((await c.call('attendance.summary', { meetingId: c.meetingId })).quorum.met).toBe(true);
    expect((await c.call('attendance.exclusions', { meetingId: c.meetingId })).map((x) => x.kind)).toEqual([
      'suspended',
      'deceased',
    ]);
    // Another meeting's 应到 is its own.
    const other = await c.call('meetings.create', { name: '预备会议', date: '2026-03-19' });
    expect((await c.call('attendance.summary', { meetingId: other.id })).due).toBe(10);
  });

  it('an excluded delegate cannot be checked in or put on leave; revoking makes them due again', async () => {
    const c = await congressWith(tenVoting());
    const x = await c.call('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('003')!,
      kind: 'transferred',
      note: '调往县委组织部',
    });
    const checkIn = await c.failure('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '003' });
    expect(checkIn).toMatchObject({
      code: 'conflict',
      reason: 'attendance.excluded',
      params: { name: '代表3', badge: '003' },
    });
    const leave = await c.failure('attendance.mark', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('003')!,
      status: 'leave',
      reason: '出差',
    });
    expect(leave.reason).toBe('attendance.excluded');
    const twice = await c.failure('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('003')!,
      kind: 'deceased',
      note: null,
    });
    expect(twice.reason).toBe('attendance.exclusion_exists');

    const revoked = await c.call('attendance.revokeExclusion', { exclusionId: x.id, note: '录入错误' });
    expect(revoked).toMatchObject({ id: x.id, revokedBy: '李明', revokedNote: '录入错误' });
    expect(revoked.revokedAt).not.toBeNull();
    const again = await c.failure('attendance.revokeExclusion', { exclusionId: x.id, note: null });
    expect(again).toMatchObject({ code: 'not_found', reason: 'attendance.exclusion_not_found' });
    const s = await c.call('attendance.summary', { meetingId: c.meetingId });
    expect(s).toMatchObject({ due: 10, exclusions: [] });
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '003' });
    // The history keeps both: the exclusion and its revocation.
    expect(await c.call('attendance.exclusions', { meetingId: c.meetingId })).toEqual([revoked]);
  });

  it('refused for someone checked in, for a non-voter, and once a round of the meeting is distributed', async () => {
    const c = await congressWith([...tenVoting(), delegateFields('L01', { name: '列席甲', category: 'nonvoting' })]);
    await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: '001' });
    const present = await c.failure('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('001')!,
      kind: 'suspended',
      note: null,
    });
    expect(present.reason).toBe('attendance.exclusion_present');
    const nonvoting = await c.failure('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('L01')!,
      kind: 'transferred',
      note: null,
    });
    expect(nonvoting).toMatchObject({ code: 'invalid_input', reason: 'attendance.exclusion_not_voter' });
    const standing = await c.call('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('010')!,
      kind: 'deceased',
      note: null,
    });

    for (const b of ['002', '003', '004', '005', '006', '007', '008', '009']) {
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: b });
    }
    const contest = await c.call('contests.create', {
      meetingId: c.meetingId,
      title: '党委委员',
      kind: 'election',
      seats: 1,
      marginPercent: 0,
      doubleEntry: false,
      paperGroup: null,
    });
    const candidate = await c.call('candidates.add', {
      contestId: contest.id,
      delegateId: null,
      name: '田富',
      gender: null,
      birthDate: null,
      ethnicity: null,
      education: null,
      unit: null,
    });
    await c.call('candidates.approveOrder', { contestId: contest.id, candidateIds: [candidate.id] });
    const roundId = (await c.call('contests.get', { contestId: contest.id })).rounds[0]!.id;
    const round = await c.call('rounds.distribute', { roundId, ballotsPrinted: 9, issued: 9, spareVoided: 0 });
    // The snapshot is the meeting's 应到 less the exclusion.
    expect(round).toMatchObject({ due: 9, votersPresent: 9 });
    const late = await c.failure('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('002')!,
      kind: 'suspended',
      note: null,
    });
    expect(late).toMatchObject({ code: 'conflict', reason: 'attendance.exclusion_after_distribution' });
    expect(late.params).toEqual({ meeting: '选举大会' });
    const revokeLate = await c.failure('attendance.revokeExclusion', { exclusionId: standing.id, note: null });
    expect(revokeLate.reason).toBe('attendance.exclusion_after_distribution');
  });

  it('the table is append-only: only a revocation may change a row, and none is deleted', async () => {
    const c = await congressWith(tenVoting());
    await c.call('attendance.exclude', {
      meetingId: c.meetingId,
      delegateId: c.ids.get('001')!,
      kind: 'deceased',
      note: null,
    });
    const db = rawDb(c.path);
    try {
      expect(() => db.prepare("UPDATE due_exclusions SET kind = 'transferred'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM due_exclusions').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });

  it('is a secretariat call: the desk clerk may not make it once the congress has operators', async () => {
    const { WRITE_PERMISSIONS } = await import('../../core/roles.js');
    expect(WRITE_PERMISSIONS['attendance.exclude']).toEqual(['secretariat']);
    expect(WRITE_PERMISSIONS['attendance.revokeExclusion']).toEqual(['secretariat']);
    expect(WRITE_PERMISSIONS['meetings.approveResult']).toEqual(['secretariat']);
  });
});
