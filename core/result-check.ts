/**
 * The district's recount of a result file (DESIGN.md "Signed results"): every closed round is
 * counted again from its ballots with the same rules the app used (tallyRound, decideRound,
 * bodyStructure), and every stated figure compared. Beyond the count, the rules the file's own
 * figures must obey: each meeting's quorum, each round's snapshot against its meeting, nobody
 * elected twice in a contest, real dates and times. Pure; the signature is checked elsewhere.
 */
import { NO_WRITE_IN_CONTEXT, writeInContext } from './ballot.js';
import type { BodyStructure, PersonFacts, RankedChoice, RoundTally, WriteInContext } from './election-types.js';
import { normaliseName } from './names.js';
import { quorumState } from './quorum.js';
import {
  decodeMarks,
  type ResultContent,
  type ResultContest,
  type ResultFormatVersion,
  type ResultMeeting,
  type ResultRound,
} from './result-file.js';
import { decideRound } from './results.js';
import { bodyStructure } from './structure.js';
import { type TallyBallot, tallyRound, tallyStatusOf } from './tally.js';

export type FindingKind =
  | 'recount_differs'
  | 'attendance_inconsistent'
  | 'malformed'
  | 'quorum_not_met'
  | 'elected_twice'
  | 'official_is_candidate';

export interface Finding {
  kind: FindingKind;
  /** The meeting the finding is about (its name), when it is about a meeting or one of its contests. */
  meeting: string | null;
  contest: string | null;
  round: number | null;
  /** What differs: a candidate's name, or the figure (`valid`, `elected`, `collected`…). */
  subject: string;
  /** What the file states. */
  stated: string;
  /** What the recount gives, or what the rule requires. */
  recounted: string;
  message: string;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

class Findings {
  constructor(
    readonly list: Finding[] = [],
    private readonly meeting: string | null = null,
    private readonly contest: string | null = null,
    private readonly round: number | null = null,
  ) {}
  /** The same list, with findings placed in a meeting. */
  inMeeting(meeting: string | null): Findings {
    return new Findings(this.list, meeting, null, null);
  }
  /** The same list, with findings placed in a contest (and round) of this meeting. */
  at(contest: string | null, round: number | null = null): Findings {
    return new Findings(this.list, this.meeting, contest, round);
  }
  add(kind: FindingKind, subject: string, stated: unknown, recounted: unknown, message: string): void {
    const where = [this.contest ?? this.meeting, this.round === null ? null : `第${this.round}轮`]
      .filter(Boolean)
      .join(' ');
    this.list.push({
      kind,
      meeting: this.meeting,
      contest: this.contest,
      round: this.round,
      subject,
      stated: show(stated),
      recounted: show(recounted),
      message: where ? `${where}:${message}` : message,
    });
  }
  /** A stated figure that the recount does not reproduce. */
  differs(subject: string, stated: unknown, recounted: unknown): void {
    if (show(stated) === show(recounted)) return;
    this.add(
      'recount_differs',
      subject,
      stated,
      recounted,
      `${subject} 文件所载 ${show(stated)},重新计票 ${show(recounted)}`,
    );
  }
}

export interface RecheckOptions {
  /** The file's format version: a version 1 file is recounted with the rules it was counted under. */
  formatVersion?: ResultFormatVersion;
  /** The file's `exportedAt`: checked as a time, and no round can close after it. */
  exportedAt?: string;
}

/** Every inconsistency found; empty when the file's figures are exactly what its ballots give. */
export function recheckResult(content: ResultContent, options: RecheckOptions = {}): Finding[] {
  const version = options.formatVersion ?? 2;
  const findings = new Findings();
  if (options.exportedAt !== undefined) checkTime(findings, 'exportedAt', options.exportedAt);
  const meetings = new Map(content.meetings.map((m) => [m.id, m]));
  for (const m of content.meetings) recheckMeeting(content, m, findings.inMeeting(m.name));
  for (const contest of content.contests) {
    const meeting = meetings.get(contest.meetingId);
    if (!meeting) {
      findings
        .at(contest.title)
        .add('malformed', 'meetingId', contest.meetingId, null, `选举所属会议 ${contest.meetingId} 不在文件中`);
      continue;
    }
    recheckContest(content, contest, meeting, version, findings.inMeeting(meeting.name).at(contest.title));
  }
  if (options.exportedAt !== undefined && isUtcTime(options.exportedAt)) {
    checkClosedBeforeExport(content, options.exportedAt, findings);
  }
  return findings.list;
}

// ——— Dates and times ———

const PARTIAL_DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;
const UTC_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?Z$/;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** 出生年月 as rosters record it: YYYY-MM, or YYYY-MM-DD; a real month and day. */
export function isPartialDate(text: string): boolean {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return false;
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return false;
  return match[3] === undefined || (Number(match[3]) >= 1 && Number(match[3]) <= daysIn(y, m));
}

/** An ISO 8601 time in UTC (`2026-04-01T10:00:00.000Z`) naming a real instant: no 25:00, no 31 April. */
export function isUtcTime(text: string): boolean {
  const match = UTC_TIME.exec(text);
  if (!match) return false;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;
}

function checkTime(findings: Findings, subject: string, value: string | null): void {
  if (value === null || isUtcTime(value)) return;
  findings.add('malformed', subject, value, 'ISO 8601 UTC', `${subject} ${value} 不是有效的时间(应为 ISO 8601 UTC)`);
}

function checkBirthDate(findings: Findings, who: string, value: string | null): void {
  if (value === null || isPartialDate(value)) return;
  findings.add(
    'malformed',
    `${who} birthDate`,
    value,
    'YYYY-MM 或 YYYY-MM-DD',
    `${who} 的出生年月 ${value} 不是有效的日期`,
  );
}

function checkClosedBeforeExport(content: ResultContent, exportedAt: string, findings: Findings): void {
  const exported = Date.parse(exportedAt);
  for (const contest of content.contests) {
    for (const round of contest.rounds) {
      if (round.closedAt === null || !isUtcTime(round.closedAt) || Date.parse(round.closedAt) <= exported) continue;
      findings
        .at(contest.title, round.number)
        .add(
          'malformed',
          'closedAt',
          round.closedAt,
          `≤ ${exportedAt}`,
          `结束于 ${round.closedAt},晚于导出时间 ${exportedAt}`,
        );
    }
  }
}

// ——— Meetings ———

/** Whether any round of the meeting's contests had its papers issued (its attendance snapshot taken). */
const distributedRounds = (content: ResultContent, meetingId: number) =>
  content.contests
    .filter((c) => c.meetingId === meetingId)
    .flatMap((c) => c.rounds.map((r) => ({ contest: c, round: r })))
    .filter(({ round }) => round.votersPresent !== null && round.due !== null);

function recheckMeeting(content: ResultContent, m: ResultMeeting, findings: Findings): void {
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

// ——— Contests ———

function recheckContest(
  content: ResultContent,
  contest: ResultContest,
  meeting: ResultMeeting,
  version: ResultFormatVersion,
  findings: Findings,
) {
  const candidates = new Map(contest.candidates.map((c) => [c.id, c]));
  for (const c of contest.candidates) checkBirthDate(findings, c.name, c.birthDate);
  for (const e of contest.elected) if (e.candidateId === null) checkBirthDate(findings, e.name, e.birthDate);
  const elected: { name: string; round: number; votes: number; candidateId: number | null; facts: PersonFacts }[] = [];
  const statedFacts = new Map(contest.elected.map((e) => [`${e.round}:${e.name}`, e]));

  for (const round of contest.rounds) {
    const scope = findings.at(contest.title, round.number);
    checkTime(scope, 'closedAt', round.closedAt);
    checkTime(scope, 'voidDeclaration.at', round.voidDeclaration?.at ?? null);
    const unknown = round.candidateIds.filter((id) => !candidates.has(id));
    if (unknown.length > 0) {
      scope.add('malformed', 'candidateIds', unknown, null, `候选人编号 ${unknown.join('、')} 不在候选人名单中`);
      continue;
    }
    recheckAttendance(round, scope);
    const names = round.candidateIds.map((id) => candidates.get(id)!.name);
    if (round.status !== 'closed') continue;
    // Rule 4 as the app judged the round: version 2 disregards a write-in naming a printed
    // candidate, someone elected in an earlier round, or any write-in in a tie revote.
    const context =
      version === 1
        ? NO_WRITE_IN_CONTEXT
        : writeInContext({
            printed: names,
            excluded: elected.map((e) => e.name),
            onlyTied: round.kind === 'tie_revote',
          });
    const recount = recountRound(content, contest, round, names, context, version, scope);
    if (!recount) continue;
    for (const e of recount.elected) {
      const candidateId = e.choice.kind === 'candidate' ? round.candidateIds[e.choice.index]! : null;
      const candidate = candidateId === null ? undefined : candidates.get(candidateId);
      // A written-in person's facts come from the roster at the venue; the file states them.
      const stated = statedFacts.get(`${round.number}:${e.name}`);
      const facts: PersonFacts = candidate ??
        stated ?? { gender: null, birthDate: null, ethnicity: null, education: null };
      elected.push({ name: e.name, round: round.number, votes: e.votes, candidateId, facts });
    }
  }

  const list = (xs: readonly { name: string; round: number; votes: number }[]) =>
    xs.map((e) => `${e.name}(第${e.round}轮 ${e.votes}票)`).join('、') || '无';
  findings.differs('当选人', list(contest.elected), list(elected));
  checkElectedOnce(contest, findings);
  checkOfficials(contest, findings);
  checkFromPrevote(content, contest, findings);
  const target = contest.seatsReducedTo ?? contest.seats;
  if (elected.length > target) {
    findings.add(
      'recount_differs',
      '当选人数',
      elected.length,
      target,
      `当选 ${elected.length} 人,超过应选名额 ${target}`,
    );
  }
  const structure: BodyStructure = bodyStructure(
    elected.map((e) => e.facts),
    meeting.date,
  );
  findings.differs('当选人结构', contest.structure, structure);
}

/**
 * 「Nobody is elected twice in a contest」: across its rounds, printed candidates and write-ins
 * alike, by normalised name (田 富 and 田富 are one person). Checked on what the file states,
 * in the contest's list and in every round's decision.
 */
function checkElectedOnce(contest: ResultContest, findings: Findings): void {
  const lists = [
    contest.elected.map((e) => ({ name: e.name, round: e.round })),
    contest.rounds.flatMap((r) => (r.decision?.elected ?? []).map((e) => ({ name: e.name, round: r.number }))),
  ];
  const reported = new Set<string>();
  for (const list of lists) {
    const byName = new Map<string, { name: string; round: number }[]>();
    for (const e of list) {
      const key = normaliseName(e.name);
      byName.set(key, [...(byName.get(key) ?? []), e]);
    }
    for (const [key, times] of byName) {
      if (times.length < 2 || reported.has(key)) continue;
      reported.add(key);
      const spellings = [...new Set(times.map((t) => t.name))].join('、');
      const rounds = times.map((t) => `第${t.round}轮`).join('、');
      findings.add(
        'elected_twice',
        spellings,
        `${spellings}(${rounds})`,
        '至多当选一次',
        `${spellings} 在本选举中当选 ${times.length} 次(${rounds})`,
      );
    }
  }
}

/**
 * Rule 13: 「总监票人、监票人由全体代表中不是候选人的人员担任」 — no 总监票人 or 监票人 stands in the
 * contest (by normalised name, against every candidate of its rounds).
 */
function checkOfficials(contest: ResultContest, findings: Findings): void {
  const candidates = new Set(contest.candidates.map((c) => normaliseName(c.name)));
  for (const o of contest.officials) {
    checkTime(findings, 'officials.appointedAt', o.appointedAt);
    if (o.role === 'counter' || !candidates.has(normaliseName(o.name))) continue;
    const role = o.role === 'chief_scrutineer' ? '总监票人' : '监票人';
    findings.add(
      'official_is_candidate',
      o.name,
      `${role} ${o.name}`,
      '不是本选举的候选人',
      `${role} ${o.name} 是本选举的候选人`,
    );
  }
}

/**
 * Rule 12: a formal contest made from a 预选 takes its candidates from those the pre-vote elected:
 * every candidate of its first round is one of them.
 */
function checkFromPrevote(content: ResultContent, contest: ResultContest, findings: Findings): void {
  if (contest.fromPrevoteId === null) return;
  const prevote = content.contests.find((c) => c.id === contest.fromPrevoteId);
  if (prevote?.kind !== 'prevote') {
    findings.add(
      'malformed',
      'fromPrevoteId',
      contest.fromPrevoteId,
      'prevote',
      `所据预选 ${contest.fromPrevoteId} 不是文件中的预选`,
    );
    return;
  }
  const passed = new Set(prevote.elected.map((e) => normaliseName(e.name)));
  const byId = new Map(contest.candidates.map((c) => [c.id, c.name]));
  const first = contest.rounds[0];
  const outside = (first?.candidateIds ?? [])
    .map((id) => byId.get(id) ?? String(id))
    .filter((n) => !passed.has(normaliseName(n)));
  if (outside.length > 0) {
    findings.add(
      'recount_differs',
      '正式候选人',
      outside.join('、'),
      prevote.elected.map((e) => e.name).join('、') || '无',
      `正式候选人 ${outside.join('、')} 不在预选「${prevote.title}」的结果中`,
    );
  }
}

/** Rule 2 and the snapshot: collected ≤ issued ≤ present ≤ due, unless the round was voided for it. */
function recheckAttendance(round: ResultRound, findings: Findings) {
  const { collected, issued, votersPresent: present, due } = round;
  const broken: string[] = [];
  if (present !== null && due !== null && present > due) broken.push(`实到 ${present} > 应到 ${due}`);
  if (issued !== null && present !== null && issued > present) broken.push(`发出 ${issued} > 实到 ${present}`);
  if (collected !== null && issued !== null) {
    // "收回选票多于发出选票,选举无效": the round must then be void, and only then.
    if (collected > issued && round.status !== 'void') broken.push(`收回 ${collected} > 发出 ${issued},本轮却未作废`);
    // Or the presidium declared it void (rule 16, 选举无效) with its reason.
    if (collected <= issued && round.status === 'void' && round.voidDeclaration === null) {
      broken.push(`收回 ${collected} ≤ 发出 ${issued},本轮却作废且无宣布无效的理由`);
    }
  }
  if (round.voidDeclaration !== null && round.status !== 'void') broken.push('宣布无效的一轮状态却不是作废');
  if (round.status === 'closed' && (collected === null || issued === null || present === null || due === null)) {
    broken.push('已结束的一轮缺少发出、收回或出席人数');
  }
  if (broken.length > 0) {
    findings.add(
      'attendance_inconsistent',
      '选票与人数',
      broken.join(';'),
      '收回 ≤ 发出 ≤ 实到 ≤ 应到',
      broken.join(';'),
    );
  }
}

function recountRound(
  content: ResultContent,
  contest: ResultContest,
  round: ResultRound,
  names: readonly string[],
  context: WriteInContext,
  version: ResultFormatVersion,
  findings: Findings,
): { elected: RankedChoice[] } | null {
  const ballots: TallyBallot[] = [];
  for (const b of round.ballots) {
    const status = tallyStatusOf(b);
    if (status === null) continue;
    let marks: ReturnType<typeof decodeMarks>;
    try {
      marks = decodeMarks(b.marks);
    } catch {
      findings.add('malformed', `选票 ${b.seq}`, b.marks, null, `第 ${b.seq} 张选票的划票无法识别`);
      return null;
    }
    if (marks.length !== names.length) {
      findings.add(
        'malformed',
        `选票 ${b.seq}`,
        marks.length,
        names.length,
        `第 ${b.seq} 张选票有 ${marks.length} 个划票位,候选人 ${names.length} 名`,
      );
      return null;
    }
    const writeIns = b.writeIns.map((w) => ({ name: w.name, mark: decodeMarks(w.mark)[0]! }));
    ballots.push({ marks: { marks, writeIns }, status });
  }
  // Rule 3: each contest (paper group) is counted with its own convention.
  const tally = tallyRound(names.length, ballots, round.seats, contest.marking, context);
  compareTally(round.tally, tally, names, version, findings);
  if (round.collected !== null && ballots.length !== round.collected) {
    findings.add(
      'recount_differs',
      '收回',
      round.collected,
      ballots.length,
      `收回选票 ${round.collected} 张,文件中计入的选票 ${ballots.length} 张`,
    );
  }
  const decision = decideRound({
    tally,
    candidateNames: names,
    seats: round.seats,
    kind: contest.kind,
    votersPresent: round.votersPresent ?? 0,
    due: round.due ?? 0,
    roundKind: round.kind,
    tieRevoteNeedsMajority: content.congress.settings.tieRevoteNeedsMajority,
  });
  const stated = round.decision;
  if (!stated) {
    findings.add('recount_differs', '选举结果', null, '已计票', '已结束的一轮没有载明选举结果');
    return { elected: decision.elected };
  }
  const choices = (xs: readonly RankedChoice[]) => xs.map((c) => `${c.name} ${c.votes}`).join('、') || '无';
  const statedChoices = (xs: readonly { name: string; votes: number }[]) =>
    xs.map((c) => `${c.name} ${c.votes}`).join('、') || '无';
  findings.differs('当选票数线', stated.threshold, decision.threshold);
  findings.differs('过半数要求', stated.majorityTest, decision.majorityTest);
  findings.differs('计算基数', `${stated.basisKind} ${stated.basis}`, `${decision.basisKind} ${decision.basis}`);
  findings.differs('当选', statedChoices(stated.elected), choices(decision.elected));
  findings.differs(
    '票数相等',
    stated.tie ? `${statedChoices(stated.tie.tied)} 争 ${stated.tie.seats} 名` : '无',
    decision.tie ? `${choices(decision.tie.tied)} 争 ${decision.tie.seats} 名` : '无',
  );
  findings.differs('缺额', stated.unfilled, decision.unfilled);
  return { elected: decision.elected };
}

function compareTally(
  stated: ResultRound['tally'],
  recount: RoundTally,
  names: readonly string[],
  version: ResultFormatVersion,
  findings: Findings,
) {
  findings.differs('计入选票', stated.counted, recount.counted);
  findings.differs('有效票', stated.valid, recount.valid);
  findings.differs('无效票', stated.invalid, recount.invalid);
  findings.differs('待定选票', stated.pendingSetAside, recount.pendingSetAside);
  if (stated.candidates.length !== recount.candidates.length) {
    findings.differs('候选人数', stated.candidates.length, recount.candidates.length);
    return;
  }
  recount.candidates.forEach((c, i) => {
    const s = stated.candidates[i]!;
    const name = names[i]!;
    findings.differs(`${name} 赞成`, s.for, c.for);
    findings.differs(`${name} 不赞成`, s.against, c.against);
    findings.differs(`${name} 弃权`, s.abstain, c.abstain);
  });
  const writeIns = (xs: readonly { name: string; for: number }[]) =>
    xs.map((w) => `${w.name} ${w.for}`).join('、') || '无';
  findings.differs('另选他人', writeIns(stated.writeIns), writeIns(recount.writeIns));
  // A version 1 file states no disregarded write-ins: its rules disregarded none.
  if (version === 1) return;
  const disregarded = (xs: readonly { name: string; reason: string; count: number }[]) =>
    xs.map((w) => `${w.name}(${w.reason})${w.count}`).join('、') || '无';
  findings.differs(
    '不予计算的另选他人',
    disregarded(stated.disregardedWriteIns),
    disregarded(recount.disregardedWriteIns),
  );
}
