/**
 * The verifier's recount under the version 2 rules and its checks of the day's recorded
 * decisions (void rounds, officials, pre-votes), on hand-built version 2 content, and the
 * property that a file counted by the core rules verifies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInContext } from '../../core/ballot.js';
import {
  DEFAULT_CONVENTION,
  type MarkingConvention,
  type PaperMark,
  type RankedChoice,
} from '../../core/election-types.js';
import { normaliseName } from '../../core/names.js';
import { recheckResult } from '../../core/result-check.js';
import type { ResultRound } from '../../core/result-file.js';
import { decideRound } from '../../core/results.js';
import { bodyStructure } from '../../core/structure.js';
import { type TallyBallot, tallyRound } from '../../core/tally.js';
import { content, contest, facts, kinds, noStructure, round } from './result-content.js';

describe('the recount follows the version 2 rules', () => {
  /** A tie revote between 乙 and 丙 for 1 seat: 乙 4, 丙 3, 3 blank of 10 present. */
  const revote = (needsMajority: boolean, stated: Partial<Parameters<typeof round>[3]>) => {
    const c = content();
    c.congress.settings.tieRevoteNeedsMajority = needsMajority;
    const k = c.contests[0]!;
    k.candidates = [
      { id: 2, name: '乙', ...facts, unit: null, fromWriteIn: false },
      { id: 3, name: '丙', ...facts, unit: null, fromWriteIn: false },
    ];
    k.rounds = [
      round(1, [2, 3], [...Array(4).fill('o-'), ...Array(3).fill('-o'), ...Array(3).fill('--')], {
        kind: 'tie_revote',
        candidates: [
          [4, 0, 6],
          [3, 0, 7],
        ],
        elected: [],
        ...stated,
      }),
    ];
    k.elected = (stated.elected ?? []).map((e) => ({ ...e, round: 1, ...facts }));
    k.structure = noStructure(k.elected.length);
    return c;
  };

  it('a tie revote elects the most votes without more than half (条例), unless the file says so', () => {
    const elected = [{ name: '乙', votes: 4, candidateId: 2 }];
    expect(kinds(revote(false, { elected, threshold: 0, majorityTest: false }))).toEqual([]);
    expect(kinds(revote(true, { elected: [], threshold: 6, majorityTest: true, unfilled: 1 }))).toEqual([]);
    // Stated as the old rule (unfilled) in a file whose setting is the 条例's: the recount names it.
    const old = kinds(revote(false, { elected: [], threshold: 6, majorityTest: true, unfilled: 1 }));
    expect(old).toEqual(
      expect.arrayContaining([
        ['recount_differs', '当选'],
        ['recount_differs', '当选票数线'],
        ['recount_differs', '缺额'],
      ]),
    );
  });

  it('a write-in naming a printed candidate is disregarded: counted in disregardedWriteIns, for nobody', () => {
    const build = (asStated: 'disregarded' | 'counted') => {
      const c = content();
      const r = c.contests[0]!.rounds[0]!;
      // Ballot 8 crosses both and writes in 甲 ○: the printed × alone counts.
      r.ballots[7] = { ...r.ballots[7]!, marks: 'xx', writeIns: [{ name: '甲', mark: 'o' }] };
      r.tally.candidates = [
        { for: 7, against: 3, abstain: 0 },
        { for: 2, against: 8, abstain: 0 },
      ];
      if (asStated === 'disregarded') r.tally.disregardedWriteIns = [{ name: '甲', reason: 'printed', count: 1 }];
      else r.tally.writeIns = [{ name: '甲', for: 1 }];
      return c;
    };
    expect(kinds(build('disregarded'))).toEqual([]);
    expect(kinds(build('counted'))).toEqual([
      ['recount_differs', '另选他人'],
      ['recount_differs', '不予计算的另选他人'],
    ]);
  });

  it('each contest is counted with its own marking convention', () => {
    // 「不划符号视为赞成」: no mark means for. 甲 gets 7 ○ and 3 blank: 10 for.
    const reversed: MarkingConvention = { ...DEFAULT_CONVENTION, none: 'for' };
    const c = content();
    const k = c.contests[0]!;
    k.marking = reversed;
    const r = k.rounds[0]!;
    r.ballots.forEach((b, i) => {
      b.marks = i < 7 ? 'ox' : '-x';
    });
    r.tally.candidates = [
      { for: 10, against: 0, abstain: 0 },
      { for: 0, against: 10, abstain: 0 },
    ];
    r.decision!.elected = [{ name: '甲', votes: 10, candidateId: 1 }];
    k.elected[0]!.votes = 10;
    expect(kinds(c)).toEqual([]);
    // The same file counted with the congress default would give 甲 7: the contest's own is used.
    k.marking = DEFAULT_CONVENTION;
    expect(kinds(c)).toContainEqual(['recount_differs', '甲 赞成']);
  });
});

describe("the day's recorded decisions", () => {
  /** Round 1 void, round 2 the rerun that elects 甲. */
  const withVoidRound = (declaration: ResultRound['voidDeclaration']) => {
    const c = content();
    const k = c.contests[0]!;
    const rerun = { ...k.rounds[0]!, number: 2, kind: 'rerun' as const };
    const voided: ResultRound = {
      ...k.rounds[0]!,
      status: 'void',
      ballots: [],
      closedAt: null,
      closedBy: null,
      decision: null,
      voidDeclaration: declaration,
    };
    k.rounds = [voided, rerun];
    k.elected[0]!.round = 2;
    return c;
  };

  it('a round void with collected ≤ issued needs the presidium’s declaration with its reason', () => {
    const declared = withVoidRound({ reason: '选票印制有误', by: '主席团', at: '2026-04-01T09:30:00.000Z' });
    expect(kinds(declared)).toEqual([]);
    const unexplained = recheckResult(withVoidRound(null), { formatVersion: 2 });
    expect(unexplained).toEqual([
      expect.objectContaining({ kind: 'attendance_inconsistent', round: 1, subject: '选票与人数' }),
    ]);
    expect(unexplained[0]!.stated).toContain('无宣布无效的理由');
    const badTime = withVoidRound({ reason: '选票印制有误', by: '主席团', at: 'yesterday' });
    expect(kinds(badTime)).toEqual([['malformed', 'voidDeclaration.at']]);
  });

  it('a declaration on a round that is not void is named', () => {
    const c = content();
    c.contests[0]!.rounds[0]!.voidDeclaration = { reason: 'x', by: '主席团', at: '2026-04-01T09:30:00.000Z' };
    expect(kinds(c)).toEqual([['attendance_inconsistent', '选票与人数']]);
  });

  it('a 总监票人 or 监票人 standing in the contest is named (rule 13); a 计票人 may be anyone', () => {
    const c = content();
    const at = '2026-04-01T08:00:00.000Z';
    c.contests[0]!.officials = [
      { role: 'chief_scrutineer', name: '丁', approval: '大会举手表决通过', appointedBy: '秘书处', appointedAt: at },
      { role: 'scrutineer', name: '戊', approval: '大会举手表决通过', appointedBy: '秘书处', appointedAt: at },
      { role: 'counter', name: '甲', approval: null, appointedBy: '秘书处', appointedAt: at },
    ];
    expect(kinds(c)).toEqual([]);
    c.contests[0]!.officials[1]!.name = '乙 ';
    expect(recheckResult(c, { formatVersion: 2 })).toEqual([
      expect.objectContaining({ kind: 'official_is_candidate', contest: '党委委员', stated: '监票人 乙 ' }),
    ]);
  });

  it('a formal contest from a 预选 takes its candidates from those the pre-vote elected (rule 12)', () => {
    const formal = contest({ id: 2, title: '党委委员(正式)', fromPrevoteId: 1 });
    const prevote = contest({ kind: 'prevote', title: '党委委员预选' });
    // The pre-vote elected 甲 and 乙 (more than half of 应到 each, 2 seats).
    prevote.seats = 2;
    prevote.rounds[0] = round(1, [1, 2], Array(10).fill('oo'), {
      seats: 2,
      candidates: [
        [10, 0, 0],
        [10, 0, 0],
      ],
      elected: [
        { name: '甲', votes: 10, candidateId: 1 },
        { name: '乙', votes: 10, candidateId: 2 },
      ],
    });
    prevote.rounds[0]!.decision!.basisKind = 'due';
    prevote.elected = [
      { name: '甲', round: 1, votes: 10, candidateId: 1, ...facts, birthDate: '1980-02' },
      { name: '乙', round: 1, votes: 10, candidateId: 2, ...facts },
    ];
    prevote.structure = { ...noStructure(2), unknown: { gender: 2, birthDate: 1, ethnicity: 2, education: 2 } };
    const c = content({ contests: [prevote, formal] });
    expect(kinds(c)).toEqual([]);
    formal.candidates[1]!.name = '丙';
    const f = recheckResult(c, { formatVersion: 2 }).find((x) => x.subject === '正式候选人');
    expect(f).toMatchObject({ kind: 'recount_differs', contest: '党委委员(正式)', stated: '丙', recounted: '甲、乙' });
    formal.fromPrevoteId = 2; // itself: not a pre-vote
    expect(kinds(c)).toContainEqual(['malformed', 'fromPrevoteId']);
  });
});

describe('property: a file counted by the core rules verifies, and nobody in it is elected twice', () => {
  const NAMES = ['甲', '乙', '丙'];
  const POOL = ['甲 ', '丁', '乙', '戊', '丁\u200b'];
  const mark = fc.constantFrom('o', 'x', '-');
  const paperOf = (n: number) =>
    fc.record({
      marks: fc.array(mark, { minLength: n, maxLength: n }).map((m) => m.join('')),
      writeIns: fc.array(fc.record({ name: fc.constantFrom(...POOL), mark }), { maxLength: 2 }),
    });
  const decode = (c: string) => (c === 'o' ? 'circle' : c === 'x' ? 'cross' : 'none') as PaperMark;

  /** One closed round as the app would state it, from the ballots and those elected before. */
  function counted(
    number: number,
    kind: ResultRound['kind'],
    ids: number[],
    seats: number,
    papers: { marks: string; writeIns: { name: string; mark: string }[] }[],
    electedBefore: string[],
  ): ResultRound {
    const names = ids.map((id) => NAMES[id - 1]!);
    const ballots: TallyBallot[] = papers.map((p) => ({
      status: 'counted',
      marks: {
        marks: [...p.marks].map(decode),
        writeIns: p.writeIns.map((w) => ({ name: w.name, mark: decode(w.mark) })),
      },
    }));
    const context = writeInContext({ printed: names, excluded: electedBefore, onlyTied: kind === 'tie_revote' });
    const tally = tallyRound(ids.length, ballots, seats, DEFAULT_CONVENTION, context);
    const d = decideRound({
      tally,
      candidateNames: names,
      seats,
      kind: 'election',
      votersPresent: 10,
      due: 10,
      roundKind: kind,
    });
    const choice = (c: RankedChoice) => ({
      name: c.name,
      votes: c.votes,
      candidateId: c.choice.kind === 'candidate' ? ids[c.choice.index]! : null,
    });
    return {
      ...round(
        number,
        ids,
        papers.map((p) => p.marks),
        { candidates: [], elected: [] },
      ),
      kind,
      seats,
      ballots: papers.map((p, i) => ({
        seq: i + 1,
        marks: p.marks,
        writeIns: p.writeIns as { name: string; mark: 'o' | 'x' | '-' }[],
        state: 'counted',
        entry: null,
        decision: null,
      })),
      tally,
      decision: {
        threshold: d.threshold,
        basis: d.basis,
        basisKind: d.basisKind,
        elected: d.elected.map(choice),
        tie: d.tie && { tied: d.tie.tied.map(choice), seats: d.tie.seats },
        unfilled: d.unfilled,
        majorityTest: d.majorityTest,
      },
    };
  }

  it('holds for random papers with write-ins naming printed, elected and new people (spelt variously)', () => {
    fc.assert(
      fc.property(
        fc.array(paperOf(3), { minLength: 10, maxLength: 10 }),
        fc.array(paperOf(3), { minLength: 10, maxLength: 10 }),
        (first, second) => {
          const k = contest();
          k.seats = 2;
          k.candidates = NAMES.map((name, i) => ({ id: i + 1, name, ...facts, unit: null, fromWriteIn: false }));
          const r1 = counted(1, 'first', [1, 2, 3], 2, first, []);
          k.rounds = [r1];
          const electedNames = r1.decision!.elected.map((e) => e.name);
          // 另行选举 for the seats left, among the printed candidates not elected (rule 7).
          const left = [1, 2, 3].filter((id) => !r1.decision!.elected.some((e) => e.candidateId === id));
          if (r1.decision!.tie === null && r1.decision!.unfilled > 0 && left.length > 0) {
            const papers = second.map((p) => ({ ...p, marks: p.marks.slice(0, left.length) }));
            k.rounds.push(counted(2, 'additional', left, r1.decision!.unfilled, papers, electedNames));
          }
          k.elected = k.rounds.flatMap((r) => r.decision!.elected.map((e) => ({ ...e, round: r.number, ...facts })));
          k.structure = bodyStructure(k.elected, '2026-04-01');
          expect(recheckResult(content({ contests: [k] }), { formatVersion: 2 })).toEqual([]);
          // Nobody twice: a written-in 甲 (or 乙 ) never counts after the printed one, nor in the
          // additional round for someone elected in the first.
          const names = k.elected.map((e) => normaliseName(e.name));
          expect(new Set(names).size).toBe(names.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
