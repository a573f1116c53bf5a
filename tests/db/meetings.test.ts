/**
 * Rule 14 and 16 in the store: the first plenary (一届一次全体会议) whose electorate is the members
 * elected in a closed contest, its own check-in, 应到/实到, quorum and rounds; the committee
 * plenary's approval of the 纪委 plenary's result; approved exclusions from 应到.
 */
import { describe, expect, it } from 'vitest';
import { candidateFromDelegate } from '../../core/candidates.js';
import { contestInput, rosterCongress, typedCandidate } from './election-setup.js';
import { dumpTables, rawDb } from './helpers.js';

/** The papers of a round: printed, issued to voters, and spare ones voided. */
const papers = (roundId: number, ballotsPrinted: number, issued: number, spareVoided: number) => ({
  roundId,
  ballotsPrinted,
  issued,
  spareVoided,
});

/**
 * A congress of 10 voting delegates (and one 列席) that elected 5 党委委员 from 6 candidates picked
 * from the roster (代表1…代表5, ten ballots ○○○○○ and no mark for 代表6), and 纪委委员 (3 seats) left open.
 */
async function afterCongress() {
  const c = await rosterCongress({ voters: 10 });
  const names = (...n: number[]) => n.map((i) => `代表${i}`);
  const committee = await c.contest(c.meetingId, '党委委员', 5, 20, names(1, 2, 3, 4, 5, 6));
  const discipline = await c.contest(c.meetingId, '纪委委员', 3, 20, names(6, 7, 8, 9));
  return { ...c, committee, discipline };
}

/** The congress with the committee elected: 代表1…代表5. */
async function committeeElected() {
  const c = await afterCongress();
  await c.vote(c.committee.roundId, Array(10).fill('ooooo-'));
  const plenary = await c.membersMeeting('一届一次全体会议', c.committee.contest.id);
  const members = [1, 2, 3, 4, 5].map((i) => c.byName(`代表${i}`).id);
  return { ...c, plenary, members };
}

describe('a plenary of the members elected in a contest (rule 14)', () => {
  it('is refused while its contest is still open, and for a pre-vote', async () => {
    const c = await afterCongress();
    const open = await c.failure('meetings.create', {
      name: '一届一次全体会议',
      date: '2026-03-20',
      electorate: 'members',
      electorateContestId: c.committee.contest.id,
    });
    expect(open).toMatchObject({
      code: 'conflict',
      reason: 'meetings.contest_not_closed',
      field: 'electorateContestId',
    });
    expect(open.params).toEqual({ contest: '党委委员' });
    const missing = await c.failure('meetings.create', { name: '全体会议', date: '2026-03-20', electorate: 'members' });
    expect(missing.code).toBe('invalid_input');
    const prevote = await c.call('contests.create', contestInput(c.meetingId, '党委委员预选', 6, { kind: 'prevote' }));
    const refused = await c.failure('meetings.create', {
      name: '全体会议',
      date: '2026-03-20',
      electorate: 'members',
      electorateContestId: prevote.id,
    });
    expect(refused.reason).toBe('meetings.contest_prevote');
  });

  it('has the members as its electorate; a congress session keeps the voting delegates', async () => {
    const c = await committeeElected();
    expect(c.plenary).toMatchObject({ electorate: 'members', electorateContestId: c.committee.contest.id });
    const electorate = await c.call('meetings.electorate', { meetingId: c.plenary.id });
    expect(electorate).toEqual({
      meetingId: c.plenary.id,
      electorate: 'members',
      contestId: c.committee.contest.id,
      memberIds: [...c.members].sort((a, b) => a - b),
    });
    const session = await c.call('meetings.electorate', { meetingId: c.meetingId });
    expect(session).toMatchObject({ electorate: 'delegates', memberIds: null });
    const listed = await c.call('meetings.list', {});
    expect(listed.map((m) => m.electorate)).toEqual(['delegates', 'members']);
    // The plenary's 应到 is its 5 members, not the 10 delegates who just voted.
    const before = await c.call('attendance.summary', { meetingId: c.plenary.id });
    expect(before).toMatchObject({ electorate: 'members', due: 5, present: 0, absent: 5, nonvotingPresent: 0 });
    expect(before.quorum).toEqual({ met: false, needed: 5, allowEqual: false });
  });

  it('checks in members only: a delegate who is no member is refused with a reason', async () => {
    const c = await committeeElected();
    const outsider = await c.failure('attendance.checkInByBadge', { meetingId: c.plenary.id, badge: '006' });
    expect(outsider).toMatchObject({ code: 'conflict', reason: 'meetings.not_member' });
    expect(outsider.params).toEqual({ name: '代表6', badge: '006', contest: '党委委员' });
    const nonvoting = await c.failure('attendance.checkInByBadge', { meetingId: c.plenary.id, badge: 'L01' });
    expect(nonvoting.reason).toBe('meetings.not_member');
    const leave = await c.failure('attendance.mark', {
      meetingId: c.plenary.id,
      delegateId: c.byName('代表7').id,
      status: 'leave',
      reason: '出差',
    });
    expect(leave.reason).toBe('meetings.not_member');
    const ok = await c.call('attendance.checkInByBadge', { meetingId: c.plenary.id, badge: '001' });
    expect(ok.outcome).toBe('checked_in');
    expect(await c.call('attendance.summary', { meetingId: c.plenary.id })).toMatchObject({ due: 5, present: 1 });
  });

  it('quorum: 4 of 5 members is exactly four fifths and fails; 5 of 5 holds', async () => {
    const c = await committeeElected();
    await c.checkIn(c.plenary.id, ['001', '002', '003', '004']);
    const secretary = await c.contest(c.plenary.id, '书记', 1, 0, ['代表1']);
    const refused = await c.failure('rounds.distribute', papers(secretary.roundId, 6, 4, 2));
    expect(refused.code).toBe('conflict');
    expect((await c.call('attendance.summary', { meetingId: c.plenary.id })).quorum).toEqual({
      met: false,
      needed: 1,
      allowEqual: false,
    });
    await c.call('attendance.checkInByBadge', { meetingId: c.plenary.id, badge: '005' });
    expect((await c.call('attendance.summary', { meetingId: c.plenary.id })).quorum.met).toBe(true);
  });

  it('a 1-seat 书记 contest (等额, margin 0) distributes to the members and elects with more than half of them', async () => {
    const c = await committeeElected();
    await c.checkIn(c.plenary.id, ['001', '002', '003', '004', '005']);
    const secretary = await c.contest(c.plenary.id, '书记', 1, 0, ['代表1']);
    // 等额: seats = candidates, nothing short of the margin.
    const { contest } = await c.call('contests.get', { contestId: secretary.contest.id });
    expect(contest.requiredCandidates).toBe(1);
    // Issuing more papers than members present would hand someone a second ballot.
    const tooMany = await c.failure('rounds.distribute', papers(secretary.roundId, 10, 6, 0));
    expect(tooMany.field).toBe('issued');
    // 3 for of 5 present: 2 × 3 > 5 (「得赞成票超过实到会委员数半数为当选」).
    const closed = await c.vote(secretary.roundId, ['o', 'o', 'o', 'x', '-'], 5);
    expect(closed.result.round).toMatchObject({ votersPresent: 5, due: 5, issued: 5 });
    expect(closed.result.decision.elected.map((e) => e.name)).toEqual(['代表1']);
    const after = await c.call('contests.get', { contestId: secretary.contest.id });
    expect(after.contest.status).toBe('closed');
  });

  it('a member excluded from 应到 lowers the plenary due; exactly half of the members present is not elected', async () => {
    const c = await committeeElected();
    // 代表5 transferred away: 4 members due, all 4 present (20 > 16 holds the quorum).
    await c.call('attendance.exclude', {
      meetingId: c.plenary.id,
      delegateId: c.byName('代表5').id,
      kind: 'transferred',
      note: '调往县委',
    });
    const notMember = await c.failure('attendance.exclude', {
      meetingId: c.plenary.id,
      delegateId: c.byName('代表6').id,
      kind: 'transferred',
      note: null,
    });
    expect(notMember.reason).toBe('attendance.exclusion_not_voter');
    await c.checkIn(c.plenary.id, ['001', '002', '003', '004']);
    const summary = await c.call('attendance.summary', { meetingId: c.plenary.id });
    expect(summary).toMatchObject({ electorate: 'members', due: 4, present: 4, quorum: { met: true } });
    expect(summary.exclusions).toEqual([{ delegateId: c.byName('代表5').id, kind: 'transferred', note: '调往县委' }]);
    // The congress session's 应到 is untouched by the plenary's exclusion.
    expect((await c.call('attendance.summary', { meetingId: c.meetingId })).due).toBe(10);

    const deputy = await c.contest(c.plenary.id, '副书记', 2, 0, ['代表2', '代表3']);
    // 代表2: 3 of 4 present, elected; 代表3: 2 of 4, exactly half, not elected.
    const closed = await c.vote(deputy.roundId, ['oo', 'oo', 'ox', 'x-'], 4);
    expect(closed.result.round).toMatchObject({ votersPresent: 4, due: 4 });
    expect(closed.result.decision.elected.map((e) => e.name)).toEqual(['代表2']);
  });

  it('candidates at a plenary must be members', async () => {
    const c = await committeeElected();
    const created = await c.call('contests.create', contestInput(c.plenary.id, '书记', 1, { marginPercent: 0 }));
    const outsider = await c.failure('candidates.add', {
      contestId: created.id,
      ...candidateFromDelegate(c.byName('代表6')),
    });
    expect(outsider).toMatchObject({ code: 'invalid_input', reason: 'meetings.candidate_not_member' });
    expect(outsider.params).toEqual({ name: '代表6', contest: '党委委员' });
    const typed = await c.failure('candidates.add', typedCandidate(created.id, '田富'));
    expect(typed.reason).toBe('meetings.candidate_not_member');
    // A member typed by name (full-width space and all) is that member.
    await c.call('candidates.add', typedCandidate(created.id, '代表\u30001'));
    // At a congress session anyone may stand.
    await c.call('candidates.add', {
      contestId: c.discipline.contest.id,
      ...candidateFromDelegate(c.byName('代表10')),
    });
  });

  it('a member elected under a name no roster delegate has is refused, naming the member', async () => {
    const c = await rosterCongress({ voters: 5 });
    const contest = await c.call('contests.create', contestInput(c.meetingId, '纪委委员', 1, { marginPercent: 0 }));
    const typed = await c.call('candidates.add', typedCandidate(contest.id, '田富'));
    await c.call('candidates.approveOrder', { contestId: contest.id, candidateIds: [typed.id] });
    const roundId = (await c.call('contests.get', { contestId: contest.id })).rounds[0]!.id;
    await c.vote(roundId, Array(5).fill('o'));
    const before = dumpTables(c.path);
    const refused = await c.failure('meetings.create', {
      name: '纪委第一次全体会议',
      date: '2026-03-20',
      electorate: 'members',
      electorateContestId: contest.id,
    });
    expect(refused).toMatchObject({ reason: 'meetings.member_not_on_roster' });
    expect(refused.params).toEqual({ contest: '纪委委员', name: '田富', matches: 0 });
    expect(dumpTables(c.path)).toEqual(before);
  });

  it('a meeting keeps its electorate: the file refuses a change behind the app', async () => {
    const c = await committeeElected();
    const db = rawDb(c.path);
    try {
      expect(() =>
        db
          .prepare("UPDATE meetings SET electorate = 'delegates', electorate_contest_id = NULL WHERE id = ?")
          .run(c.plenary.id),
      ).toThrow(/keeps its electorate/);
    } finally {
      db.close();
    }
  });
});

describe('the committee plenary approves the 纪委 plenary result (rule 14)', () => {
  async function bothPlenaries() {
    const c = await committeeElected();
    await c.vote(c.discipline.roundId, Array(10).fill('ooo-'), 10);
    const disciplinePlenary = await c.membersMeeting('纪委第一次全体会议', c.discipline.contest.id);
    return { ...c, disciplinePlenary };
  }

  it('is refused until the 纪委 plenary has its result, then recorded once and listed', async () => {
    const c = await bothPlenaries();
    const early = await c.failure('meetings.approveResult', {
      meetingId: c.plenary.id,
      approvedMeetingId: c.disciplinePlenary.id,
      note: null,
    });
    expect(early.reason).toBe('meetings.approval_no_result');
    await c.checkIn(c.disciplinePlenary.id, ['006', '007', '008']);
    const summary = await c.call('attendance.summary', { meetingId: c.disciplinePlenary.id });
    expect(summary).toMatchObject({ electorate: 'members', due: 3, present: 3 });
    const secretary = await c.contest(c.disciplinePlenary.id, '纪委书记', 1, 0, ['代表6']);
    await c.vote(secretary.roundId, ['o', 'o', '-'], 3);

    const notPlenary = await c.failure('meetings.approveResult', {
      meetingId: c.meetingId,
      approvedMeetingId: c.disciplinePlenary.id,
      note: null,
    });
    expect(notPlenary).toMatchObject({ reason: 'meetings.approval_not_members', field: 'meetingId' });
    const self = await c.failure('meetings.approveResult', {
      meetingId: c.disciplinePlenary.id,
      approvedMeetingId: c.disciplinePlenary.id,
      note: null,
    });
    expect(self.reason).toBe('meetings.approval_same');

    const approval = await c.call(
      'meetings.approveResult',
      { meetingId: c.plenary.id, approvedMeetingId: c.disciplinePlenary.id, note: '全体委员一致同意' },
      { operator: '王秘书', station: '主机' },
    );
    expect(approval).toMatchObject({
      meetingId: c.plenary.id,
      approvedMeetingId: c.disciplinePlenary.id,
      note: '全体委员一致同意',
      operator: '王秘书',
    });
    expect(await c.call('meetings.approvals', {})).toEqual([approval]);
    const again = await c.failure('meetings.approveResult', {
      meetingId: c.plenary.id,
      approvedMeetingId: c.disciplinePlenary.id,
      note: null,
    });
    expect(again.reason).toBe('meetings.approval_exists');
    const audit = await c.call('audit.list', { limit: 5, beforeId: null });
    expect(audit.some((a) => a.action === 'meetings.approveResult')).toBe(true);
  });
});
