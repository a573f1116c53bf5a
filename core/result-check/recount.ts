/** One closed round counted again from its ballots, with the rules of the file's version. */
import type { RankedChoice, RoundTally, WriteInContext } from '../election-types.js';
import {
  decodeMarks,
  type ResultContent,
  type ResultContest,
  type ResultFormatVersion,
  type ResultRound,
} from '../result-file.js';
import { decideRound } from '../results.js';
import { type TallyBallot, tallyRound, tallyStatusOf } from '../tally.js';
import type { Findings } from './findings.js';

export function recountRound(
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
