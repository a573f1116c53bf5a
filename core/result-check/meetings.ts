/** Each meeting's figures: its attendance and quorum (rule 1), its electorate (rule 14). */
import { quorumState } from '../quorum.js';
import type { ResultContent, ResultMeeting } from '../result-file.js';
import { checkTime } from './dates.js';
import type { Findings } from './findings.js';

/** Whether any round of the meeting's contests had its papers issued (its attendance snapshot taken). */
const distributedRounds = (content: ResultContent, meetingId: number) =>
  content.contests
    .filter((c) => c.meetingId === meetingId)
    .flatMap((c) => c.rounds.map((r) => ({ contest: c, round: r })))
    .filter(({ round }) => round.votersPresent !== null && round.due !== null);

export function recheckMeeting(content: ResultContent, m: ResultMeeting, findings: Findings): void {
  const a = m.attendance;
  if (a.present > a.due || a.present + a.leave + a.absent !== a.due) {
    findings.add(
      'attendance_inconsistent',
      '应到/实到',
      `应到${a.due} 实到${a.present} 请假${a.leave} 缺席${a.absent}`,
      '实到 ≤ 应到,实到 + 请假 + 缺席 = 应到',
      `出席人数不一致(应到 ${a.due},实到 ${a.present},请假 ${a.leave},缺席 ${a.absent})`,
    );
  }
  // Rule 16: 应到 is the electorate less the approved exclusions, which the file lists.
  const electorate =
    m.electorate.kind === 'delegates'
      ? { size: content.delegates.voting, what: '正式代表' }
      : electorateOfMembers(content, m.electorate.contestId);
  if (electorate === null) {
    findings.add(
      'malformed',
      'electorate.contestId',
      m.electorate.kind === 'members' ? m.electorate.contestId : null,
      null,
      `会议的选举人所属选举 ${m.electorate.kind === 'members' ? m.electorate.contestId : ''} 不在文件中`,
    );
  } else if (a.due + m.exclusions.length !== electorate.size) {
    findings.add(
      'attendance_inconsistent',
      '应到',
      `应到${a.due} + 不计入应到${m.exclusions.length}`,
      `${electorate.what}${electorate.size}`,
      `应到 ${a.due} 名加不计入应到的 ${m.exclusions.length} 名,不等于${electorate.what} ${electorate.size} 名`,
    );
  }
  // Rule 14: the committee's first plenary approves the 纪委 plenary's result — a meeting of
  // members approving another meeting of members, never itself.
  for (const x of m.approvals) {
    checkTime(findings, 'approvals.at', x.at);
    const approved = content.meetings.find((other) => other.id === x.approvedMeetingId && other.id !== m.id);
    if (!approved) {
      findings.add(
        'malformed',
        'approvals.approvedMeetingId',
        x.approvedMeetingId,
        null,
        `批准的会议 ${x.approvedMeetingId} 不在文件中`,
      );
    } else if (m.electorate.kind !== 'members' || approved.electorate.kind !== 'members') {
      findings.add(
        'malformed',
        'approvals',
        `${m.name} 批准 ${approved.name}`,
        '全体会议批准全体会议',
        `${m.name} 批准 ${approved.name} 的选举结果,但两者须均为当选成员的全体会议`,
      );
    }
  }
  if (m.oath) {
    checkTime(findings, 'oath.startedAt', m.oath.startedAt);
    checkTime(findings, 'oath.endedAt', m.oath.endedAt);
  }
  // Rule 1: 有选举权的到会人数超过应到会人数的五分之四,会议有效 — for a meeting that voted.
  const { quorumAllowEqual } = content.congress.settings;
  const quorumRule = quorumAllowEqual ? '5 × 实到 ≥ 4 × 应到' : '5 × 实到 > 4 × 应到';
  const distributed = distributedRounds(content, m.id);
  if (distributed.length > 0 && !quorumState(a.due, a.present, quorumAllowEqual).met) {
    findings.add(
      'quorum_not_met',
      '法定人数',
      `应到${a.due} 实到${a.present}`,
      quorumRule,
      `会议进行了选举,但实到 ${a.present} 名未超过应到 ${a.due} 名的五分之四`,
    );
  }
  for (const { contest, round } of distributed) {
    const scope = findings.at(contest.title, round.number);
    const present = round.votersPresent!;
    const due = round.due!;
    if (!quorumState(due, present, quorumAllowEqual).met) {
      scope.add(
        'quorum_not_met',
        '法定人数',
        `应到${due} 实到${present}`,
        quorumRule,
        `发出选票时实到 ${present} 名未超过应到 ${due} 名的五分之四`,
      );
    }
    // The round's snapshot is the meeting's figures when the papers were issued. 应到 cannot
    // change once a round is distributed (exclusions are refused then), so it must equal the
    // meeting's. 实到 can: latecomers check in after a round, and someone who left after voting
    // may be marked 请假 or 缺席, so the meeting's 实到 at export bounds nothing; the round's own
    // 实到 is bounded by its 应到 (above), the quorum below it and the papers issued and counted.
    if (due !== a.due) {
      scope.add(
        'attendance_inconsistent',
        '本轮出席人数',
        `应到${due} 实到${present}`,
        `应到${a.due}`,
        `本轮应到 ${due},与会议的应到 ${a.due} 不符`,
      );
    }
  }
}

/** A plenary's electorate (rule 14): the members elected in the named contest. */
function electorateOfMembers(content: ResultContent, contestId: number): { size: number; what: string } | null {
  const contest = content.contests.find((c) => c.id === contestId);
  return contest ? { size: contest.elected.length, what: `「${contest.title}」当选人` } : null;
}
