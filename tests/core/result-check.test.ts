/**
 * The verifier's checks beyond the recount (core/result-check.ts), on hand-built version 2
 * content: each check holds on a correct file and names the fault on a broken one.
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
import { isPartialDate, isUtcTime, recheckResult } from '../../core/result-check.js';
import type { ResultContent, ResultContest, ResultRound } from '../../core/result-file.js';
import { decideRound } from '../../core/results.js';
import { bodyStructure } from '../../core/structure.js';
import { type TallyBallot, tallyRound } from '../../core/tally.js';

const facts = { gender: null, birthDate: null, ethnicity: null, education: null };
const noStructure = (n: number) => ({
  total: n,
  women: 0,
  under35: 0,
  minority: 0,
  education: [],
  unknown: { gender: n, birthDate: n, ethnicity: n, education: n },
});

type Choice = { name: string; votes: number; candidateId: number | null };

/** A closed round of 10 present and due, with its ballots and the stated figures given. */
function round(
  number: number,
  candidateIds: number[],
  marks: string[],
  stated: {
    kind?: ResultRound['kind'];
    seats?: number;
    candidates: [number, number, number][];
    writeIns?: { name: string; for: number }[];
    disregarded?: ResultRound['tally']['disregardedWriteIns'];
    writeInLines?: Record<number, { name: string; mark: 'o' | 'x' | '-' }[]>;
    threshold?: number;
    majorityTest?: boolean;
    elected: Choice[];
    tie?: { tied: Choice[]; seats: number } | null;
    unfilled?: number;
    valid?: number;
    invalid?: number;
  },
): ResultRound {
  return {
    number,
    kind: stated.kind ?? 'first',
    seats: stated.seats ?? 1,
    status: 'closed',
    candidateIds,
    votersPresent: 10,
    due: 10,
    ballotsPrinted: 10,
    issued: 10,
    spareVoided: 0,
    collected: marks.length,
    closedBy: '总监票人',
    closedAt: `2026-04-01T1${number}:00:00.000Z`,
    ballots: marks.map((m, i) => ({
      seq: i + 1,
      marks: m,
      writeIns: stated.writeInLines?.[i] ?? [],
      state: 'counted' as const,
      entry: null,
      decision: null,
    })),
    tally: {
      counted: marks.length,
      valid: stated.valid ?? marks.length,
      invalid: stated.invalid ?? 0,
      pendingSetAside: 0,
      candidates: stated.candidates.map(([f, a, n]) => ({ for: f, against: a, abstain: n })),
      writeIns: stated.writeIns ?? [],
      disregardedWriteIns: stated.disregarded ?? [],
    },
    decision: {
      threshold: stated.threshold ?? 6,
      basis: 10,
      basisKind: 'present',
      elected: stated.elected,
      tie: stated.tie ?? null,
      unfilled: stated.unfilled ?? 0,
      majorityTest: stated.majorityTest ?? true,
    },
    voidDeclaration: null,
  };
}

/** 党委委员, 1 seat: 甲 7 for, 乙 3 for — 甲 elected in round 1. */
function contest(overrides: Partial<ResultContest> = {}): ResultContest {
  return {
    id: 1,
    meetingId: 1,
    title: '党委委员',
    kind: 'election',
    marking: DEFAULT_CONVENTION,
    seats: 1,
    marginPercent: 20,
    seatsReducedTo: null,
    seatsReducedNote: null,
    status: 'closed',
    candidates: [
      { id: 1, name: '甲', ...facts, birthDate: '1980-02', unit: null, fromWriteIn: false },
      { id: 2, name: '乙', ...facts, unit: null, fromWriteIn: false },
    ],
    rounds: [
      round(1, [1, 2], [...Array(7).fill('ox'), ...Array(3).fill('xo')], {
        candidates: [
          [7, 3, 0],
          [3, 7, 0],
        ],
        elected: [{ name: '甲', votes: 7, candidateId: 1 }],
      }),
    ],
    elected: [{ name: '甲', round: 1, votes: 7, candidateId: 1, ...facts, birthDate: '1980-02' }],
    structure: { ...noStructure(1), unknown: { gender: 1, birthDate: 0, ethnicity: 1, education: 1 } },
    officials: [],
    fromPrevoteId: null,
    ...overrides,
  };
}

function content(overrides: { contests?: ResultContest[]; quorumAllowEqual?: boolean } = {}): ResultContent {
  return {
    congress: {
      name: '中国共产党某镇第一次代表大会',
      date: '2026-04-01',
      venue: '某镇礼堂',
      settings: {
        quorumAllowEqual: overrides.quorumAllowEqual ?? false,
        marking: DEFAULT_CONVENTION,
        tieRevoteNeedsMajority: false,
      },
    },
    delegates: { voting: 10, alternate: 0, nonvoting: 0 },
    meetings: [
      {
        id: 1,
        name: '选举大会',
        date: '2026-04-01',
        electorate: { kind: 'delegates' },
        exclusions: [],
        approvals: [],
        attendance: { due: 10, present: 10, leave: 0, absent: 0, nonvotingPresent: 0, alternatePresent: 0 },
        oath: null,
      },
    ],
    pledges: { due: 10, signed: 0, refused: 0 },
    contests: overrides.contests ?? [contest()],
  };
}

const kinds = (c: ResultContent, exportedAt?: string) =>
  recheckResult(c, { formatVersion: 2, exportedAt }).map((f) => [f.kind, f.subject]);

describe('the base file', () => {
  it('has no finding', () => {
    expect(recheckResult(content(), { formatVersion: 2, exportedAt: '2026-04-01T12:00:00.000Z' })).toEqual([]);
  });
});

describe('quorum (rule 1), per the file setting', () => {
  /** 8 of 10 present: exactly four fifths. */
  const atFourFifths = (allowEqual: boolean) => {
    const c = content({ quorumAllowEqual: allowEqual });
    c.meetings[0]!.attendance = { ...c.meetings[0]!.attendance, present: 8, absent: 2 };
    const r = c.contests[0]!.rounds[0]!;
    r.votersPresent = 8;
    r.issued = 8;
    r.collected = 8;
    r.ballots = r.ballots.slice(0, 8);
    r.tally = {
      ...r.tally,
      counted: 8,
      valid: 8,
      candidates: [
        { for: 7, against: 1, abstain: 0 },
        { for: 1, against: 7, abstain: 0 },
      ],
    };
    r.decision = { ...r.decision!, threshold: 5, basis: 8 };
    return c;
  };

  it('exactly four fifths fails by default, naming the meeting and the round with the figures', () => {
    const findings = recheckResult(atFourFifths(false), { formatVersion: 2 });
    expect(findings.filter((f) => f.kind === 'quorum_not_met')).toEqual([
      expect.objectContaining({ meeting: '选举大会', contest: null, round: null, stated: '应到10 实到8' }),
      expect.objectContaining({ meeting: '选举大会', contest: '党委委员', round: 1, stated: '应到10 实到8' }),
    ]);
  });

  it('exactly four fifths holds when the congress allows equality', () => {
    expect(recheckResult(atFourFifths(true), { formatVersion: 2 })).toEqual([]);
  });

  it('a meeting that never distributed a round is not held to the quorum', () => {
    const c = content({ contests: [] });
    c.meetings[0]!.attendance = { ...c.meetings[0]!.attendance, present: 2, absent: 8 };
    expect(recheckResult(c, { formatVersion: 2 })).toEqual([]);
  });
});

describe("each round's snapshot against its meeting", () => {
  it('a round whose 应到 differs from the meeting is named with both figures', () => {
    const c = content();
    c.contests[0]!.rounds[0]!.due = 11;
    const f = recheckResult(c, { formatVersion: 2 }).find((x) => x.subject === '本轮出席人数');
    expect(f).toMatchObject({
      kind: 'attendance_inconsistent',
      contest: '党委委员',
      round: 1,
      stated: '应到11 实到10',
    });
    expect(f!.recounted).toBe('应到10');
  });

  it("the meeting's 实到 at export may differ either way (someone left after voting, latecomers came); above 应到 fails", () => {
    const left = content();
    left.meetings[0]!.attendance = { ...left.meetings[0]!.attendance, present: 9, absent: 1 };
    expect(kinds(left)).toEqual([]);
    const above = content();
    above.contests[0]!.rounds[0]!.votersPresent = 11;
    expect(kinds(above)).toContainEqual(['attendance_inconsistent', '选票与人数']);
    const later = content();
    const r = later.contests[0]!.rounds[0]!;
    r.votersPresent = 9;
    r.issued = 9;
    r.collected = 9;
    r.ballots = r.ballots.slice(0, 9);
    r.tally = {
      ...r.tally,
      counted: 9,
      valid: 9,
      candidates: [
        { for: 7, against: 2, abstain: 0 },
        { for: 2, against: 7, abstain: 0 },
      ],
    };
    r.ballots[7]!.marks = 'xo';
    r.decision = { ...r.decision!, basis: 9, threshold: 5 };
    expect(recheckResult(later, { formatVersion: 2 })).toEqual([]);
  });
});

describe('应到 is the electorate less the exclusions (rule 16)', () => {
  it('holds with an exclusion, fails when one is missing', () => {
    const c = content();
    c.delegates.voting = 11;
    expect(kinds(c)).toEqual([['attendance_inconsistent', '应到']]);
    c.meetings[0]!.exclusions = [{ kind: 'deceased', note: null }];
    expect(kinds(c)).toEqual([]);
  });

  it("a plenary's electorate is the members elected in its contest", () => {
    const c = content();
    c.meetings.push({
      id: 2,
      name: '党委一届一次全体会议',
      date: '2026-04-01',
      electorate: { kind: 'members', contestId: 1 },
      exclusions: [],
      approvals: [],
      attendance: { due: 1, present: 1, leave: 0, absent: 0, nonvotingPresent: 0, alternatePresent: 0 },
      oath: null,
    });
    expect(kinds(c)).toEqual([]);
    c.meetings[1]!.attendance = { ...c.meetings[1]!.attendance, due: 2, absent: 1 };
    const f = recheckResult(c, { formatVersion: 2 }).find((x) => x.subject === '应到');
    expect(f).toMatchObject({ meeting: '党委一届一次全体会议', recounted: '「党委委员」当选人1' });
    // The plenary approving the congress session's result: not one plenary approving another.
    c.meetings[1]!.approvals = [{ approvedMeetingId: 1, note: null, by: '秘书处', at: '2026-04-01T12:00:00Z' }];
    expect(kinds(c)).toContainEqual(['malformed', 'approvals']);
    c.meetings[1]!.approvals = [{ approvedMeetingId: 7, note: null, by: '秘书处', at: '2026-04-01T12:00:00Z' }];
    expect(kinds(c)).toContainEqual(['malformed', 'approvals.approvedMeetingId']);
    c.meetings[1]!.approvals = [];
    c.meetings[1]!.electorate = { kind: 'members', contestId: 99 };
    expect(kinds(c)).toContainEqual(['malformed', 'electorate.contestId']);
  });
});

describe('nobody is elected twice in a contest', () => {
  it('the same person in two rounds, spelt with a space once, is named with both rounds', () => {
    const c = content();
    const k = c.contests[0]!;
    k.seats = 2;
    k.elected.push({ name: '甲 ', round: 2, votes: 7, candidateId: null, ...facts });
    k.rounds.push({
      ...round(2, [2], [...Array(3).fill('o'), ...Array(7).fill('x')], {
        candidates: [[3, 7, 0]],
        elected: [{ name: '甲 ', votes: 7, candidateId: null }],
        writeIns: [{ name: '甲 ', for: 7 }],
      }),
      kind: 'additional',
    });
    const twice = recheckResult(c, { formatVersion: 2 }).filter((f) => f.kind === 'elected_twice');
    expect(twice).toHaveLength(1);
    expect(twice[0]).toMatchObject({ contest: '党委委员', stated: '甲、甲 (第1轮、第2轮)' });
  });

  it('two people of different names hold', () => {
    const c = content();
    expect(kinds(c).filter(([k]) => k === 'elected_twice')).toEqual([]);
  });
});

describe('real dates and times', () => {
  it('partial and full birth dates that exist pass; impossible ones are named with the person', () => {
    for (const ok of ['1980-02', '1980-02-29', '2000-12-31']) expect(isPartialDate(ok)).toBe(true);
    for (const bad of ['1980', '1980-13', '1980-00', '1981-02-29', '1980-04-31', '80-02', '1980-2', '']) {
      expect(isPartialDate(bad)).toBe(false);
    }
    const c = content();
    c.contests[0]!.candidates[1]!.birthDate = '1990-02-30';
    expect(recheckResult(c, { formatVersion: 2 })).toEqual([
      expect.objectContaining({
        kind: 'malformed',
        contest: '党委委员',
        subject: '乙 birthDate',
        stated: '1990-02-30',
      }),
    ]);
  });

  it('times are ISO 8601 UTC instants: closedAt, exportedAt, a round closed after the export', () => {
    for (const ok of ['2026-04-01T10:00:00Z', '2026-04-01T23:59:59.999Z', '2028-02-29T00:00:00.000Z']) {
      expect(isUtcTime(ok)).toBe(true);
    }
    for (const bad of [
      '2026-04-01 10:00:00',
      '2026-04-01T10:00:00+08:00',
      '2026-04-31T10:00:00Z',
      '2026-04-01T24:00:00Z',
      '2026-04-01T10:60:00Z',
      '2027-02-29T00:00:00Z',
      '2026-04-01',
    ]) {
      expect(isUtcTime(bad)).toBe(false);
    }
    const c = content();
    c.contests[0]!.rounds[0]!.closedAt = '2026-04-01 11:00:00';
    expect(kinds(c, '2026-04-31T12:00:00Z')).toEqual([
      ['malformed', 'exportedAt'],
      ['malformed', 'closedAt'],
    ]);
    const late = content();
    expect(recheckResult(late, { formatVersion: 2, exportedAt: '2026-04-01T10:30:00.000Z' })).toEqual([
      expect.objectContaining({ kind: 'malformed', subject: 'closedAt', round: 1, stated: '2026-04-01T11:00:00.000Z' }),
    ]);
  });

  it('every instant the app writes (Date#toISOString) is accepted', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2199-12-31T23:59:59Z'), noInvalidDate: true }),
        (d) => {
          expect(isUtcTime(d.toISOString())).toBe(true);
        },
      ),
    );
  });

  it('oath and approval times are checked too', () => {
    const c = content();
    c.meetings[0]!.oath = {
      startedAt: '2026-04-01T08:00:00.000Z',
      endedAt: '2026-04-01T8:05',
      leader: null,
      participants: 10,
      latecomers: 0,
      textVersion: 1,
    };
    expect(kinds(c)).toEqual([['malformed', 'oath.endedAt']]);
  });
});

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
