/** 应到 and the quorum through the store: the four-fifths rule in the summary and approved exclusions (rule 16). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type DelegateFields, type ExclusionKind } from '../../core/domain.js';
import { contestInput, typedCandidate } from './election-setup.js';
import { congressWith, delegateFields, rawDb } from './helpers.js';

const tenVoting = (): DelegateFields[] =>
  Array.from({ length: 10 }, (_, i) => delegateFields(String(i + 1).padStart(3, '0'), { name: `代表${i + 1}` }));

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
  /** The input excluding the delegate of `badge` from the congress's meeting. */
  const exclusion = (c: { meetingId: number; ids: Map<string, number> }, badge: string, kind: ExclusionKind) => ({
    meetingId: c.meetingId,
    delegateId: c.ids.get(badge)!,
    kind,
    note: null,
  });

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
    await c.call('attendance.exclude', exclusion(c, '008', 'deceased'));
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
    const twice = await c.failure('attendance.exclude', exclusion(c, '003', 'deceased'));
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
    const present = await c.failure('attendance.exclude', exclusion(c, '001', 'suspended'));
    expect(present.reason).toBe('attendance.exclusion_present');
    const nonvoting = await c.failure('attendance.exclude', exclusion(c, 'L01', 'transferred'));
    expect(nonvoting).toMatchObject({ code: 'invalid_input', reason: 'attendance.exclusion_not_voter' });
    const standing = await c.call('attendance.exclude', exclusion(c, '010', 'deceased'));

    for (const b of ['002', '003', '004', '005', '006', '007', '008', '009']) {
      await c.call('attendance.checkInByBadge', { meetingId: c.meetingId, badge: b });
    }
    const contest = await c.call('contests.create', contestInput(c.meetingId, '党委委员', 1, { marginPercent: 0 }));
    const candidate = await c.call('candidates.add', typedCandidate(contest.id, '田富'));
    await c.call('candidates.approveOrder', { contestId: contest.id, candidateIds: [candidate.id] });
    const roundId = (await c.call('contests.get', { contestId: contest.id })).rounds[0]!.id;
    const round = await c.call('rounds.distribute', { roundId, ballotsPrinted: 9, issued: 9, spareVoided: 0 });
    // The snapshot is the meeting's 应到 less the exclusion.
    expect(round).toMatchObject({ due: 9, votersPresent: 9 });
    const late = await c.failure('attendance.exclude', exclusion(c, '002', 'suspended'));
    expect(late).toMatchObject({ code: 'conflict', reason: 'attendance.exclusion_after_distribution' });
    expect(late.params).toEqual({ meeting: '选举大会' });
    const revokeLate = await c.failure('attendance.revokeExclusion', { exclusionId: standing.id, note: null });
    expect(revokeLate.reason).toBe('attendance.exclusion_after_distribution');
  });

  it('the table is append-only: only a revocation may change a row, and none is deleted', async () => {
    const c = await congressWith(tenVoting());
    await c.call('attendance.exclude', exclusion(c, '001', 'deceased'));
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
