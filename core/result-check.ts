/**
 * The district's recount of a result file (DESIGN.md "Signed results"): every closed round is
 * counted again from its ballots with the same rules the app used (tallyRound, decideRound,
 * bodyStructure), and every stated figure compared. Pure; the signature is checked elsewhere.
 */
import type { BodyStructure, PersonFacts, RankedChoice, RoundTally } from './election-types.js';
import { decodeMarks, type ResultContent, type ResultContest, type ResultRound } from './result-file.js';
import { decideRound } from './results.js';
import { bodyStructure } from './structure.js';
import { type TallyBallot, tallyRound, tallyStatusOf } from './tally.js';

export type FindingKind = 'recount_differs' | 'attendance_inconsistent' | 'malformed';

export interface Finding {
  kind: FindingKind;
  contest: string | null;
  round: number | null;
  /** What differs: a candidate's name, or the figure (`valid`, `elected`, `collected`…). */
  subject: string;
  stated: string;
  recounted: string;
  message: string;
}

const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

class Findings {
  constructor(
    readonly list: Finding[] = [],
    private readonly contest: string | null = null,
    private readonly round: number | null = null,
  ) {}
  /** The same list, with findings placed in a contest (and round). */
  at(contest: string | null, round: number | null = null): Findings {
    return new Findings(this.list, contest, round);
  }
  add(kind: FindingKind, subject: string, stated: unknown, recounted: unknown, message: string): void {
    const where = [this.contest, this.round === null ? null : `第${this.round}轮`].filter(Boolean).join(' ');
    this.list.push({
      kind,
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

/** Every inconsistency found; empty when the file's figures are exactly what its ballots give. */
export function recheckResult(content: ResultContent): Finding[] {
  const findings = new Findings();
  const meetings = new Map(content.meetings.map((m) => [m.id, m]));
  for (const m of content.meetings) {
    const a = m.attendance;
    if (a.present > a.due || a.present + a.leave + a.absent !== a.due) {
      findings
        .at(m.name)
        .add(
          'attendance_inconsistent',
          '应到/实到',
          `应到${a.due} 实到${a.present} 请假${a.leave} 缺席${a.absent}`,
          '实到 ≤ 应到,实到 + 请假 + 缺席 = 应到',
          `出席人数不一致(应到 ${a.due},实到 ${a.present},请假 ${a.leave},缺席 ${a.absent})`,
        );
    }
  }
  for (const contest of content.contests) {
    const meeting = meetings.get(contest.meetingId);
    const scope = findings.at(contest.title);
    if (!meeting) {
      scope.add('malformed', 'meetingId', contest.meetingId, null, `选举所属会议 ${contest.meetingId} 不在文件中`);
      continue;
    }
    recheckContest(content, contest, meeting.date, scope);
  }
  return findings.list;
}

function recheckContest(content: ResultContent, contest: ResultContest, meetingDate: string, findings: Findings) {
  const candidates = new Map(contest.candidates.map((c) => [c.id, c]));
  const elected: { name: string; round: number; votes: number; candidateId: number | null; facts: PersonFacts }[] = [];
  const statedFacts = new Map(contest.elected.map((e) => [`${e.round}:${e.name}`, e]));

  for (const round of contest.rounds) {
    const scope = findings.at(contest.title, round.number);
    const unknown = round.candidateIds.filter((id) => !candidates.has(id));
    if (unknown.length > 0) {
      scope.add('malformed', 'candidateIds', unknown, null, `候选人编号 ${unknown.join('、')} 不在候选人名单中`);
      continue;
    }
    recheckAttendance(round, scope);
    const names = round.candidateIds.map((id) => candidates.get(id)!.name);
    if (round.status !== 'closed') continue;
    const recount = recountRound(content, contest, round, names, scope);
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
    meetingDate,
  );
  findings.differs('当选人结构', contest.structure, structure);
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
    if (collected <= issued && round.status === 'void') broken.push(`收回 ${collected} ≤ 发出 ${issued},本轮却作废`);
  }
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
  const tally = tallyRound(names.length, ballots, round.seats, content.congress.settings.marking);
  compareTally(round.tally, tally, names, findings);
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

function compareTally(stated: ResultRound['tally'], recount: RoundTally, names: readonly string[], findings: Findings) {
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
}
