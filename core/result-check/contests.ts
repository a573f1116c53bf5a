/**
 * Each contest: its rounds recounted, those elected once (rule 13's officials no candidates),
 * a formal list from its pre-vote (rule 12), each round's snapshot against its meeting.
 */
import { NO_WRITE_IN_CONTEXT, writeInContext } from '../ballot.js';
import type { BodyStructure, PersonFacts } from '../election-types.js';
import { normaliseName } from '../names.js';
import type { ResultContent, ResultContest, ResultFormatVersion, ResultMeeting, ResultRound } from '../result-file.js';
import { bodyStructure } from '../structure.js';
import { checkBirthDate, checkTime } from './dates.js';
import type { Findings } from './findings.js';
import { recountRound } from './recount.js';

export function recheckContest(
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
